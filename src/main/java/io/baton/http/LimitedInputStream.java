package io.baton.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read with a limit: past {@code limit} bytes it stops with a 413 problem, so a
 * body sent without a length (chunked) costs at most the limit, never the whole upload.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long read;

    public LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    /** The detail of the 413: "a record holds at most 4194304 bytes". */
    public static String tooLarge(String what, long limit) {
        return what + " holds at most " + limit + " bytes";
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, tooLarge(what, limit));
        }
    }

    /** The whole body, at most {@code limit} bytes. */
    public static byte[] readAll(InputStream body, long limit, String what) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = new LimitedInputStream(body, limit, what)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "the body could not be read: " + e.getMessage());
        }
    }
}
