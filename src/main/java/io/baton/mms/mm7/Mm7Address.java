package io.baton.mms.mm7;

/**
 * An address as MM7 writes it: the element name says its kind ({@code Number}, {@code ShortCode},
 * {@code RFC2822Address}); the value is kept as sent (it may carry {@code /TYPE=PLMN} or a '+').
 */
public record Mm7Address(Kind kind, String value) {

    public enum Kind {
        NUMBER("Number"), SHORT_CODE("ShortCode"), RFC2822_ADDRESS("RFC2822Address");

        private final String element;

        Kind(String element) {
            this.element = element;
        }

        /** The MM7 element name. */
        public String element() {
            return element;
        }

        static Kind ofElement(String localName) {
            for (Kind k : values()) {
                if (k.element.equalsIgnoreCase(localName)) {
                    return k;
                }
            }
            return null;
        }
    }

    public Mm7Address {
        if (kind == null || value == null) {
            throw new IllegalArgumentException("an MM7 address needs a kind and a value");
        }
        value = value.strip();
    }

    public static Mm7Address number(String value) {
        return new Mm7Address(Kind.NUMBER, value);
    }

    public static Mm7Address shortCode(String value) {
        return new Mm7Address(Kind.SHORT_CODE, value);
    }
}
