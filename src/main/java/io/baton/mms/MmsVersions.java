package io.baton.mms;

/** X-Mms-MMS-Version as Short-integer: major in bits 4–6, minor in bits 0–3, minor 15 meaning none. */
final class MmsVersions {

    private MmsVersions() {
    }

    static String text(int shortValue) {
        int major = (shortValue >> 4) & 0x07;
        int minor = shortValue & 0x0F;
        return minor == 0x0F ? Integer.toString(major) : major + "." + minor;
    }

    /** The Short-integer value for "M.N" or "M", or -1 when the text must be sent as text. */
    static int code(String version) {
        String[] parts = version.split("\\.", -1);
        try {
            if (parts.length == 1 || parts.length == 2) {
                int major = Integer.parseInt(parts[0]);
                int minor = parts.length == 2 ? Integer.parseInt(parts[1]) : 0x0F;
                boolean canonical = version.equals(parts.length == 2 ? major + "." + minor : Integer.toString(major));
                if (canonical && major >= 0 && major <= 7 && minor >= 0 && minor <= (parts.length == 2 ? 14 : 15)) {
                    return (major << 4) | minor;
                }
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
