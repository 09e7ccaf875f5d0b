package io.baton.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15, item 6: credentials and declared sizes are checked before the body is read. Each request
 * here sends its headers and the start of a body that never ends (chunked, no last chunk): the answer
 * must come anyway, so the server cannot have waited for the body. A body without a length is
 * stopped at its endpoint's limit.
 */
@QuarkusTest
class AuthenticateBeforeReadingTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aWrongTokenIsRefusedBeforeTheBody() throws IOException {
        for (String path : new String[] { "/api/v1/mmsc/events", "/api/v1/mmsc/records", "/api/v1/sms/mo" }) {
            Answer a = unfinished("POST", path, "Authorization: Bearer wrong-token\r\nContent-Type: application/json",
                    64 * 1024);
            assertThat(a.status()).as(path).isEqualTo(401);
            assertThat(a.text()).as(path).contains("unknown bearer token");
        }
        Answer none = unfinished("POST", "/api/v1/mmsc/events", "Content-Type: application/json", 1024);
        assertThat(none.status()).isEqualTo(401);
    }

    @Test
    void anAdminWriteWithoutCredentialsIsRefusedBeforeTheBody() throws IOException {
        Answer a = unfinished("PUT", "/api/v1/campaigns/gate", "Content-Type: application/yaml", 64 * 1024);
        assertThat(a.status()).isEqualTo(401);
        String wrong = Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8));
        Answer b = unfinished("PUT", "/api/v1/campaigns/gate", "Authorization: Basic " + wrong
                + "\r\nContent-Type: application/yaml", 64 * 1024);
        assertThat(b.status()).isEqualTo(401);
    }

    @Test
    void anMm7PostWithoutCredentialsGetsItsSoapFaultBeforeTheBody() throws IOException {
        Answer a = unfinished("POST", "/mm7", "Content-Type: text/xml", 64 * 1024);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.text()).contains("RSErrorRsp").contains("HTTP basic authentication required");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBody() throws IOException {
        Answer a = declared("/api/v1/mmsc/events", 300L * 1024 * 1024);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.text()).contains("a batch holds at most 268435456 bytes");
        Answer b = declared("/api/v1/mmsc/records", 4L * 1024 * 1024 + 1);
        assertThat(b.status()).isEqualTo(413);
        assertThat(b.text()).contains("a record holds at most 4194304 bytes");
    }

    @Test
    void aBodyWithoutALengthIsStoppedAtTheLimit() throws IOException {
        // 4 MiB + 64 KiB of a record that never ends: the answer comes once the limit is passed
        Answer a = unfinished("POST", "/api/v1/mmsc/records", "Authorization: Bearer " + Api.TOKEN
                + "\r\nContent-Type: message/rfc822", 4 * 1024 * 1024 + 64 * 1024);
        assertThat(a.status()).isEqualTo(413);
    }

    private record Answer(int status, String text) {
    }

    /** Headers, then {@code bytes} of a chunked body whose last chunk is never sent; the answer. */
    private Answer unfinished(String method, String path, String headers, int bytes) throws IOException {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            try {
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closed) {
                // the server answered and closed while the body was still coming: read what it said
            }
            return read(s.getInputStream());
        }
    }

    /** Headers declaring {@code length} bytes, and none of them. */
    private Answer declared(String path, long length) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + Api.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return read(s.getInputStream());
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", base.getPort());
        s.setSoTimeout(20_000); // an answer that waits for the body never comes: the read times out, the test fails
        return s;
    }

    /** The status and the rest of the answer as far as its headers and first bytes of body. */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            got.write(buf, 0, n);
            String text = got.toString(StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            if (headersEnd > 0 && text.length() > headersEnd + 4 && complete(text, headersEnd)) {
                break;
            }
        }
        String text = got.toString(StandardCharsets.UTF_8);
        assertThat(text).as("an answer").startsWith("HTTP/1.1 ");
        return new Answer(Integer.parseInt(text.substring(9, 12)), text);
    }

    private static boolean complete(String text, int headersEnd) {
        String headers = text.substring(0, headersEnd).toLowerCase();
        int i = headers.indexOf("content-length:");
        if (i < 0) {
            return true;
        }
        int end = headers.indexOf("\r\n", i);
        int length = Integer.parseInt(headers.substring(i + 15, end < 0 ? headers.length() : end).strip());
        return text.getBytes(StandardCharsets.UTF_8).length >= headersEnd + 4 + length;
    }
}
