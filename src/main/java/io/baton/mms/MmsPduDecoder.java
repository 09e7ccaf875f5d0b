package io.baton.mms;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes binary MMS PDUs (OMA-MMS-ENC 1.0–1.3). Limits are set once in the constructor; input
 * over them, truncated, or otherwise malformed is refused with {@link MmsCodecException} naming
 * offset, field and reason — never another exception, never an allocation larger than the input.
 * Deviations real handsets send that leave the data unambiguous are tolerated and listed in
 * {@link DecodedMmsPdu#quirks()}. Thread-safe: it holds only its limits.
 */
public final class MmsPduDecoder {

    public static final int DEFAULT_MAX_PDU_SIZE = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_PARTS = 100;
    public static final int DEFAULT_MAX_HEADERS = 256;

    private static final int MESSAGE_TYPE_OCTET = 0x80 | 0x0C;

    private final int maxPduSize;
    private final int maxParts;
    private final int maxHeaders;

    /** 4 MB, 100 parts, 256 headers per PDU and per part. */
    public MmsPduDecoder() {
        this(DEFAULT_MAX_PDU_SIZE, DEFAULT_MAX_PARTS, DEFAULT_MAX_HEADERS);
    }

    /**
     * @param maxPduSize largest PDU accepted, in octets
     * @param maxParts   most multipart entries accepted
     * @param maxHeaders most headers accepted in the PDU header and in each part
     */
    public MmsPduDecoder(int maxPduSize, int maxParts, int maxHeaders) {
        if (maxPduSize < 1 || maxParts < 0 || maxHeaders < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxPduSize + ", " + maxParts + ", " + maxHeaders);
        }
        this.maxPduSize = maxPduSize;
        this.maxParts = maxParts;
        this.maxHeaders = maxHeaders;
    }

    public MmsPdu decode(byte[] pdu) {
        return decodeWithDetails(pdu).pdu();
    }

    /** The PDU, every header in wire order, and the quirks tolerated on the way. */
    public DecodedMmsPdu decodeWithDetails(byte[] pdu) {
        if (pdu == null || pdu.length == 0) {
            throw new MmsCodecException(0, "X-Mms-Message-Type", "empty PDU");
        }
        if (pdu.length > maxPduSize) {
            throw new MmsCodecException(0, "PDU", pdu.length + " octets exceed the limit of " + maxPduSize);
        }
        if ((pdu[0] & 0xFF) != MESSAGE_TYPE_OCTET) {
            throw new MmsCodecException(0, "X-Mms-Message-Type",
                    "a PDU starts with X-Mms-Message-Type (0x8c), found 0x" + WspCursor.hex(pdu[0] & 0xFF));
        }
        List<MmsQuirk> quirks = new ArrayList<>();
        WspCursor in = new WspCursor(pdu, quirks);
        List<MmsHeader> headers = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        offsets.add(0);
        MmsHeader first = MmsHeaderReader.read(in);
        headers.add(first);
        MmsMessageType type = (MmsMessageType) first.value();
        if (type.code() > MmsMessageType.M_READ_ORIG_IND.code()) {
            throw new MmsCodecException(1, "X-Mms-Message-Type", "unsupported message type " + type.specName());
        }
        boolean hasBody = type == MmsMessageType.M_SEND_REQ || type == MmsMessageType.M_RETRIEVE_CONF;
        MmsBody body = null;
        while (in.hasRemaining()) {
            if (headers.size() >= maxHeaders) {
                throw in.error("header field", "more than " + maxHeaders + " headers");
            }
            if (onlyNulsRemain(in)) {
                in.quirk(MmsQuirk.Kind.TRAILING_NUL_PADDING, in.position(), "header field");
                break;
            }
            offsets.add(in.position());
            MmsHeader header = MmsHeaderReader.read(in);
            headers.add(header);
            if (hasBody && header.code() == MmsHeaderField.CONTENT_TYPE.code()) {
                body = new MmsBodyDecoder(maxParts, maxHeaders).read(in, (MmsContentType) header.value());
                break;
            }
        }
        MmsPdu decoded = MmsPduAssembler.assemble(type, headers, offsets, body, quirks);
        return new DecodedMmsPdu(decoded, headers, quirks);
    }

    /**
     * Decodes body octets of the given content type, e.g. the data of a part that is itself a
     * multipart (multipart.alternative inside multipart.related), with this decoder's limits.
     * Offsets in errors count from the start of {@code data}.
     */
    public MmsBody decodeBody(MmsContentType contentType, byte[] data) {
        if (data.length > maxPduSize) {
            throw new MmsCodecException(0, "body", data.length + " octets exceed the limit of " + maxPduSize);
        }
        return new MmsBodyDecoder(maxParts, maxHeaders).read(new WspCursor(data, new ArrayList<>()), contentType);
    }

    private static boolean onlyNulsRemain(WspCursor in) {
        byte[] buf = in.buffer();
        if (buf[in.position()] != 0) {
            return false;
        }
        for (int i = in.position(); i < in.position() + in.remaining(); i++) {
            if (buf[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
