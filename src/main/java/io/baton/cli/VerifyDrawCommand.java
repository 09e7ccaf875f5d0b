package io.baton.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.baton.prize.domain.draw.DrawReceipt;
import io.baton.prize.domain.draw.DrawVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./baton verify-draw RECEIPT POOL}: recomputes a draw from its published receipt and pool
 * (ARCHITECTURE 3.6) without a database or a running Baton. Exit 0 when everything matches, 1 with
 * each difference on its own line otherwise, 2 when a file cannot be read.
 */
@Command(name = "verify-draw", mixinStandardHelpOptions = true,
        description = { "Recomputes a draw from its receipt and its pool: the pool's size and Merkle root, the picks "
            + "from the seed, and the receipt's signature.",
            "Exit status: 0 the draw is what the receipt says; 1 something differs (each difference is printed); "
                + "2 a file is missing or not readable." })
final class VerifyDrawCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    @Parameters(index = "0", paramLabel = "RECEIPT", description = "the receipt (JSON) as published at .../draws/{id}/receipt")
    Path receipt;

    @Parameters(index = "1", paramLabel = "POOL", description = "the pool (text, one line per entry) as published at .../draws/{id}/pool")
    Path pool;

    @Option(names = "--public-key", paramLabel = "KEY",
            description = "the draw's public key as published when the draw was closed; the receipt must carry it")
    String publicKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] receiptBytes;
        byte[] poolBytes;
        try {
            receiptBytes = Files.readAllBytes(receipt);
            poolBytes = Files.readAllBytes(pool);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("verify-draw: cannot read " + e.getFile() + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("verify-draw: cannot read " + e.getMessage());
            return 2;
        }
        Checked c = check(receiptBytes, poolBytes, publicKey);
        if (c.differences().isEmpty()) {
            DrawReceipt r = c.receipt();
            out.printf("verified: draw %s of %s, %d pool lines, root %s, winners %s, alternates %s%n", r.drawId(),
                    r.campaign(), r.poolSize(), r.poolRoot(), r.winners(), r.alternates());
            if (publicKey == null) {
                out.println("note: compare the receipt's publicKey with the key published when the draw was closed"
                        + " (or pass it with --public-key)");
            }
            return 0;
        }
        err.println("NOT verified: " + receipt + " and " + pool + " differ:");
        c.differences().forEach(d -> err.println("  " + d));
        return 1;
    }

    /** A receipt as read (null when unreadable) and every difference found. */
    record Checked(DrawReceipt receipt, List<String> differences) {
    }

    /** Reads and verifies a receipt and a pool as published; {@code publishedKey} may be null. */
    static Checked check(byte[] receiptBytes, byte[] poolBytes, String publishedKey) {
        DrawReceipt r;
        try {
            r = JSON.readValue(utf8(receiptBytes, "the receipt"), DrawReceipt.class);
        } catch (MalformedFile e) {
            return new Checked(null, List.of(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return new Checked(null, List.of("the receipt is not a draw receipt: " + firstLine(e.getMessage())));
        }
        if (r == null) {
            return new Checked(null, List.of("the receipt is empty"));
        }
        String poolText;
        try {
            poolText = utf8(poolBytes, "the pool");
        } catch (MalformedFile e) {
            return new Checked(r, List.of(e.getMessage()));
        }
        return new Checked(r, DrawVerifier.differences(r, poolText, publishedKey));
    }

    /** Strict UTF-8: a byte that is not UTF-8 is a change, not something to replace. */
    private static String utf8(byte[] bytes, String what) throws MalformedFile {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFile(what + " is not UTF-8 text");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static final class MalformedFile extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedFile(String message) {
            super(message);
        }
    }
}
