package io.baton.recognition.domain;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a submitted MMS carries, as far as recognition is concerned: subject and parts. */
public record MessageContent(String subject, List<Part> parts) {

    public MessageContent {
        subject = subject == null ? "" : subject;
        parts = List.copyOf(parts);
    }

    public record Part(String contentType, byte[] data) {
        private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)\"?",
                Pattern.CASE_INSENSITIVE);

        public boolean isText() {
            return contentType.toLowerCase(Locale.ROOT).startsWith("text/");
        }

        /** The text of a text part in its declared charset (UTF-8 when none or unknown). */
        public String text() {
            Charset cs = StandardCharsets.UTF_8;
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                try {
                    cs = Charset.forName(m.group(1));
                } catch (RuntimeException e) {
                    // an unknown charset label: read as UTF-8 rather than lose the part
                }
            }
            return new String(data, cs);
        }
    }
}
