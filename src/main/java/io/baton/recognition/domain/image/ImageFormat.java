package io.baton.recognition.domain.image;

/**
 * The picture formats handsets put in an MMS, recognised by their first bytes rather than by the
 * declared content type: handsets and gateways mislabel parts ({@code image/jpg},
 * {@code application/octet-stream}), and asking every installed ImageIO plug-in to probe the
 * bytes costs more than this.
 */
enum ImageFormat {
    JPEG("jpeg"),
    PNG("png"),
    GIF("gif"),
    BMP("bmp"),
    /** Wireless bitmap, type 0: the only WBMP type there is, 1-bit, from old WAP handsets. */
    WBMP("wbmp");

    /** The ImageIO format name. */
    final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** The format these bytes start like, or null. */
    static ImageFormat sniff(byte[] b) {
        if (b.length >= 3 && u(b[0]) == 0xFF && u(b[1]) == 0xD8 && u(b[2]) == 0xFF) {
            return JPEG;
        }
        if (b.length >= 8 && u(b[0]) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == '\r'
                && b[5] == '\n' && b[6] == 0x1A && b[7] == '\n') {
            return PNG;
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8'
                && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return GIF;
        }
        if (b.length >= 14 && b[0] == 'B' && b[1] == 'M') {
            return BMP;
        }
        // WBMP: type field 0 and fixed header 0, then width and height; nothing else starts with 00 00
        // among the formats above, and the reader checks the rest.
        if (b.length >= 4 && b[0] == 0 && b[1] == 0) {
            return WBMP;
        }
        return null;
    }

    private static int u(byte b) {
        return b & 0xFF;
    }
}
