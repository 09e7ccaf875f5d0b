package io.baton.mms.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

import io.baton.mms.mime.MimeMmsException.Reason;

/**
 * Reads an MMS delivered as e-mail (gateway mail or MM4) into a {@link MimeMms}.
 *
 * <p>Multiparts are flattened into their leaves in document order. Every alternative of a
 * multipart/alternative is kept, except a text/html rendering when the same alternative offers
 * text/plain: carriers put their template in the HTML and the sender's words in the plain text, and
 * recognition reads words, not markup. Embedded message/rfc822 parts stay one leaf each (a forwarded
 * mail is not opened). Carrier adverts are then taken out by {@link CarrierContent}.
 *
 * <p>Thread-safe: the limits are the only state. Every limit is checked while mime4j streams, so a
 * hostile message stops at the first part or level too many instead of being built in memory.
 */
public final class MimeMmsReader {

    /** Headers a mail message has; a message without any of them is not one. */
    private static final Set<String> MAIL_HEADERS = Set.of("from", "to", "cc", "date", "subject", "message-id",
            "mime-version", "content-type");
    private static final int MAX_HEADER_FIELDS = 500;
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final int maxMessageBytes;
    private final int maxParts;
    private final int maxDepth;

    /**
     * @param maxMessageBytes largest raw message accepted (a carrier MMS is at most a few hundred KB; 4 MB is generous)
     * @param maxParts        most body parts, containers included (64 is far above any handset's slides)
     * @param maxDepth        deepest multipart nesting (carrier mail uses 3; 8 leaves room)
     */
    public MimeMmsReader(int maxMessageBytes, int maxParts, int maxDepth) {
        if (maxMessageBytes < 1 || maxParts < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxMessageBytes + ", " + maxParts + ", " + maxDepth);
        }
        this.maxMessageBytes = maxMessageBytes;
        this.maxParts = maxParts;
        this.maxDepth = maxDepth;
    }

    /** The limits Baton's ingest uses: 4 MB, 64 parts, 8 levels. */
    public static MimeMmsReader withDefaultLimits() {
        return new MimeMmsReader(4 * 1024 * 1024, 64, 8);
    }

    /**
     * @throws MimeMmsException for anything that is not a readable MMS within the limits; never another exception
     */
    public MimeMms read(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new MimeMmsException(Reason.NOT_A_MIME_MESSAGE, "no bytes");
        }
        if (raw.length > maxMessageBytes) {
            throw new MimeMmsException(Reason.MESSAGE_TOO_LARGE, raw.length + " bytes, at most " + maxMessageBytes);
        }
        Collector collector = new Collector();
        MimeStreamParser parser = new MimeStreamParser(MimeConfig.custom()
                .setStrictParsing(false)
                .setMaxLineLen(-1) // 8bit HTML arrives in one line; the message size already bounds every line
                .setMaxHeaderCount(MAX_HEADER_FIELDS)
                .setMaxHeaderLen(MAX_HEADER_BYTES)
                .setMaxContentLen(maxMessageBytes)
                .build(), DecodeMonitor.SILENT, new DefaultBodyDescriptorBuilder());
        parser.setContentDecoding(true);
        parser.setNoRecurse();
        parser.setContentHandler(collector);
        try {
            parser.parse(new ByteArrayInputStream(raw));
        } catch (Abort abort) {
            throw abort.error;
        } catch (MaxHeaderLimitException | MaxHeaderLengthLimitException | MaxLineLimitException e) {
            throw new MimeMmsException(Reason.HEADER_TOO_LARGE, e.getMessage(), e);
        } catch (MimeException | IOException | RuntimeException e) {
            throw new MimeMmsException(Reason.MALFORMED, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return assemble(collector);
    }

    private MimeMms assemble(Collector collector) {
        Map<String, List<String>> headers = collector.topHeaders;
        if (headers.keySet().stream().noneMatch(MAIL_HEADERS::contains)) {
            throw new MimeMmsException(Reason.NOT_A_MIME_MESSAGE, "none of the headers of a mail message");
        }
        List<String> removed = new ArrayList<>();
        List<MimePart> parts = new ArrayList<>();
        for (Leaf leaf : collector.leaves) {
            if (leaf.htmlBesidePlainText()) {
                removed.add(CarrierContent.label(leaf.part) + ": HTML alternative of a text/plain part");
                continue;
            }
            CarrierContent.Screened screened = CarrierContent.screen(leaf.part);
            removed.addAll(screened.removed());
            if (screened.kept() != null) {
                parts.add(screened.kept());
            }
        }
        if (parts.isEmpty()) {
            // counts only: the names of what was removed come from the sender and may carry a number
            throw new MimeMmsException(Reason.NO_CONTENT_PARTS, collector.leaves.size() + " leaf parts, all carrier"
                    + " content or empty");
        }
        String subject = MailHeaders.oneLine(MailHeaders.decodeWords(first(headers, "subject", "")));
        subject = CarrierContent.subject(subject, removed);
        List<String> from = addresses(headers, "from");
        List<String> to = addresses(headers, "to");
        to.addAll(addresses(headers, "cc"));
        String messageId = first(headers, "message-id", first(headers, "x-mms-message-id", null));
        String date = first(headers, "date", null);
        Instant sent = date == null ? null : MailHeaders.date(date);
        return new MimeMms(from.isEmpty() ? null : from.get(0), to, subject, sent,
                messageId == null ? null : MailHeaders.messageId(messageId), parts, removed);
    }

    private static String first(Map<String, List<String>> headers, String name, String absent) {
        List<String> values = headers.get(name);
        return values == null ? absent : values.get(0);
    }

    private static List<String> addresses(Map<String, List<String>> headers, String name) {
        List<String> addresses = new ArrayList<>();
        for (String value : headers.getOrDefault(name, List.of())) {
            addresses.addAll(MailHeaders.addresses(MailHeaders.decodeWords(value)));
        }
        return addresses;
    }

    /** One multipart being read; alternatives remember whether one of their own children is plain text. */
    private static final class Multipart {
        final boolean alternative;
        boolean plainTextChild;

        Multipart(boolean alternative) {
            this.alternative = alternative;
        }
    }

    private record Leaf(MimePart part, List<Multipart> enclosing) {
        boolean htmlBesidePlainText() {
            return part.mediaType().equals("text/html") && enclosing.stream().anyMatch(m -> m.alternative && m.plainTextChild);
        }
    }

    /** Thrown inside mime4j's callbacks to stop the parse; carries the error to report. */
    private static final class Abort extends MimeException {
        private static final long serialVersionUID = 1L;
        final transient MimeMmsException error;

        Abort(MimeMmsException error) {
            super(error.getMessage());
            this.error = error;
        }
    }

    private final class Collector extends AbstractContentHandler {
        final Map<String, List<String>> topHeaders = new TreeMap<>();
        final List<Leaf> leaves = new ArrayList<>();
        private final Deque<Multipart> open = new ArrayDeque<>();
        private boolean topHeaderRead;
        private int bodyParts;
        private long decodedBytes;

        @Override
        public void field(Field field) {
            if (!topHeaderRead) {
                topHeaders.computeIfAbsent(field.getName().trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(MailHeaders.value(field));
            }
        }

        @Override
        public void endHeader() {
            topHeaderRead = true;
        }

        @Override
        public void startBodyPart() throws MimeException {
            if (++bodyParts > maxParts) {
                throw new Abort(new MimeMmsException(Reason.TOO_MANY_PARTS, "more than " + maxParts + " body parts"));
            }
        }

        @Override
        public void startMultipart(BodyDescriptor descriptor) throws MimeException {
            if (open.size() >= maxDepth) {
                throw new Abort(new MimeMmsException(Reason.NESTED_TOO_DEEP, "multiparts nested deeper than " + maxDepth));
            }
            open.push(new Multipart("alternative".equalsIgnoreCase(descriptor.getSubType())));
        }

        @Override
        public void endMultipart() {
            open.pop();
        }

        @Override
        public void body(BodyDescriptor descriptor, InputStream in) throws MimeException, IOException {
            byte[] data = in.readNBytes(maxMessageBytes + 1);
            decodedBytes += data.length;
            if (decodedBytes > maxMessageBytes) {
                throw new Abort(new MimeMmsException(Reason.MESSAGE_TOO_LARGE, "decoded parts exceed " + maxMessageBytes + " bytes"));
            }
            MimePart part = part((MaximalBodyDescriptor) descriptor, data);
            Multipart parent = open.peek();
            if (parent != null && parent.alternative && part.mediaType().equals("text/plain")) {
                parent.plainTextChild = true;
            }
            leaves.add(new Leaf(part, List.copyOf(open)));
        }
    }

    private static MimePart part(MaximalBodyDescriptor descriptor, byte[] data) {
        StringBuilder contentType = new StringBuilder(descriptor.getMimeType().toLowerCase(Locale.ROOT));
        Map<String, String> parameters = new TreeMap<>(descriptor.getContentTypeParameters());
        parameters.remove("boundary");
        if (descriptor.getMimeType().startsWith("text/") && !parameters.containsKey("charset") && descriptor.getCharset() != null) {
            parameters.put("charset", descriptor.getCharset().toLowerCase(Locale.ROOT)); // RFC 2045 default, said out loud for the reader of the part
        }
        parameters.forEach((name, value) -> contentType.append("; ").append(name).append('=').append(quoted(value)));
        String fileName = descriptor.getContentDispositionFilename();
        if (fileName == null || fileName.isBlank()) {
            fileName = parameters.get("name");
        }
        return new MimePart(contentType.toString(), blankToNull(MailHeaders.decodeWords(fileName)),
                blankToNull(MailHeaders.messageId(nullToEmpty(descriptor.getContentId()))),
                blankToNull(descriptor.getContentLocation()), data);
    }

    private static String quoted(String value) {
        return value.matches("[A-Za-z0-9!#$&+.^_`{|}~-]+") ? value
                : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
