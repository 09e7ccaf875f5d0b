package io.baton.recognition.domain.tag;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the two places of a JPEG file that carry text without changing the picture:
 * COM segments and the XMP packet (an APP1 segment). Handsets that re-encode an image drop both,
 * but many forward the file as it is, and then the tag survives even where the text part was lost.
 * Only the header segments before the scan (SOS) are read; a malformed file yields what was read
 * so far, never an exception.
 */
public final class JpegMetadata {

    static final String XMP_NAMESPACE = "http://ns.adobe.com/xap/1.0/\0";
    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int COM = 0xFE;
    private static final int MAX_SEGMENTS = 64;
    private static final int MAX_SEGMENT_PAYLOAD = 0xFFFF - 2;

    private JpegMetadata() {
    }

    public static boolean isJpeg(byte[] data) {
        return data != null && data.length >= 4 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == SOI;
    }

    /**
     * The file with a COM segment and an XMP packet carrying {@code tag}, placed after the
     * JFIF/Exif headers (readers expect those first). Not a JPEG: returned unchanged.
     */
    public static byte[] withTag(byte[] jpeg, String tag) {
        if (!isJpeg(jpeg)) {
            return jpeg;
        }
        int insertAt = 2;
        int pos = 2;
        for (int n = 0; n < MAX_SEGMENTS && pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF; n++) {
            int marker = jpeg[pos + 1] & 0xFF;
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            if ((marker != APP0 && marker != APP1) || length < 2 || pos + 2 + length > jpeg.length) {
                break;
            }
            pos += 2 + length;
            insertAt = pos;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 512);
        out.write(jpeg, 0, insertAt);
        segment(out, COM, ("baton-tag:" + tag).getBytes(StandardCharsets.UTF_8));
        segment(out, APP1, (XMP_NAMESPACE + xmp(tag)).getBytes(StandardCharsets.UTF_8));
        out.write(jpeg, insertAt, jpeg.length - insertAt);
        return out.toByteArray();
    }

    /** The text of every COM segment and XMP packet before the scan, in file order. */
    public static List<String> texts(byte[] jpeg) {
        List<String> out = new ArrayList<>();
        if (!isJpeg(jpeg)) {
            return out;
        }
        int pos = 2;
        for (int n = 0; n < MAX_SEGMENTS && pos + 4 <= jpeg.length; n++) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                break; // not at a marker: the file is damaged here
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == SOS || marker == EOI) {
                break;
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            if (length < 2 || pos + 2 + length > jpeg.length) {
                break;
            }
            int start = pos + 4;
            int size = length - 2;
            if (marker == COM) {
                out.add(new String(jpeg, start, size, StandardCharsets.UTF_8));
            } else if (marker == APP1 && startsWith(jpeg, start, size, XMP_NAMESPACE)) {
                int ns = XMP_NAMESPACE.length();
                out.add(new String(jpeg, start + ns, size - ns, StandardCharsets.UTF_8));
            }
            pos += 2 + length;
        }
        return out;
    }

    private static boolean startsWith(byte[] data, int start, int size, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (size < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (data[start + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        if (payload.length > MAX_SEGMENT_PAYLOAD) {
            throw new IllegalArgumentException("tag too long for a JPEG segment");
        }
        int length = payload.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
    }

    private static String xmp(String tag) {
        String escaped = tag.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:identifier>" + escaped + "</dc:identifier></rdf:Description></rdf:RDF></x:xmpmeta>"
                + "<?xpacket end=\"r\"?>";
    }
}
