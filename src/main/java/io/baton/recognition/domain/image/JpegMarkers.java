package io.baton.recognition.domain.image;

/**
 * Reads a JPEG's markers up to the first scan to learn what its decoded samples are, with the
 * rules libjpeg uses: one component is grey; three are YCbCr unless an Adobe APP14 marker says
 * "no transform" or the component ids spell R, G, B; four are CMYK or YCCK. When the first
 * sample is luma (Y, or grey) it is already PDQ's luminance (JFIF's Y = 0.299 R + 0.587 G +
 * 0.114 B), so the decoder can skip the colour conversion. Every read is bounds-checked; an
 * unexpected layout answers "no", which only means the ordinary decode is used.
 */
final class JpegMarkers {

    private JpegMarkers() {
    }

    /** Whether band 0 of the raw decoded raster is the picture's luma. */
    static boolean firstBandIsLuma(byte[] b) {
        boolean jfif = false;
        int adobeTransform = -1;
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                i += 2; // markers without a length
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return false; // a scan before any frame header
            }
            int length = (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
            int data = i + 4;
            int end = i + 2 + length;
            if (length < 2 || end > b.length) {
                return false;
            }
            if (marker == 0xE0 && startsWith(b, data, end, "JFIF")) {
                jfif = true;
            } else if (marker == 0xEE && startsWith(b, data, end, "Adobe") && end - data >= 12) {
                adobeTransform = b[data + 11] & 0xFF;
            } else if (isFrameHeader(marker) && end - data >= 6) {
                int components = b[data + 5] & 0xFF;
                if (components == 1) {
                    return true;
                }
                if (components != 3 || end - data < 6 + 9) {
                    return false;
                }
                boolean rgbIds = b[data + 6] == 'R' && b[data + 9] == 'G' && b[data + 12] == 'B';
                return adobeTransform == 1 || adobeTransform == -1 && (jfif || !rgbIds);
            }
            i = end;
        }
        return false;
    }

    /** SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(byte[] b, int from, int end, String ascii) {
        if (end - from < ascii.length()) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (b[from + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
