package io.baton.mms.mm7;

/** A small XML writer for MM7 elements: prefixed {@code mm7:} when the message has a namespace. */
final class Xml {

    private final StringBuilder b = new StringBuilder(1024);
    private final String prefix;

    Xml(String namespace) {
        this.prefix = namespace == null ? "" : "mm7:";
    }

    Xml raw(String s) {
        b.append(s);
        return this;
    }

    Xml open(String name, String attributes) {
        b.append('<').append(prefix).append(name).append(attributes).append('>');
        return this;
    }

    Xml close(String name) {
        b.append("</").append(prefix).append(name).append('>');
        return this;
    }

    Xml text(String s) {
        b.append(escape(s));
        return this;
    }

    /** An element with text; nothing when the value is null. */
    Xml element(String name, String value) {
        return value == null ? this : open(name, "").text(value).close(name);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        out.append("&#xFFFD;"); // not representable in XML 1.0
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
