package io.baton.prize.domain.draw;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * {@code baton-draw-1}: block i = SHA-256(seed bytes || pool root as ASCII hex || draw id as UTF-8
 * || i as 8-byte big-endian); x = its first 8 bytes as an unsigned big-endian integer; with n
 * lines, x at or above floor(2^64 / n) * n is rejected (so every line is equally likely), otherwise
 * line x mod n is picked. A pick whose line or owner was picked before is skipped. The first
 * {@code winners} picks win, the next {@code alternates} are alternates in order, fewer when the
 * pool runs out of owners. A pure function of (pool, seed, draw id, counts).
 */
public final class DrawAlgorithm {

    public static final String NAME = "baton-draw-1";
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** The serials picked, winners first. */
    public record Picks(List<String> winners, List<String> alternates) {

        public Picks {
            winners = List.copyOf(winners);
            alternates = List.copyOf(alternates);
        }
    }

    private DrawAlgorithm() {
    }

    public static Picks pick(DrawPool pool, byte[] seed, String drawId, int winners, int alternates) {
        if (winners < 0 || alternates < 0) {
            throw new DrawException("winners and alternates must not be negative");
        }
        if (seed.length == 0) {
            throw new DrawException("the seed is empty");
        }
        int n = pool.size();
        long owners = pool.owners();
        int wanted = winners + alternates;
        List<String> picked = new ArrayList<>();
        Set<String> pickedOwners = new HashSet<>();
        if (n == 0) {
            return new Picks(List.of(), List.of());
        }
        BigInteger limit = TWO_TO_64.divide(BigInteger.valueOf(n)).multiply(BigInteger.valueOf(n));
        byte[] prefix = concat(seed, pool.root().getBytes(StandardCharsets.US_ASCII),
                drawId.getBytes(StandardCharsets.UTF_8));
        MessageDigest sha = MerkleRoot.sha256();
        // every owner gets picked eventually: the loop ends with probability 1, and quickly (each
        // block picks a given remaining owner with probability >= 1/n)
        for (long i = 0; picked.size() < wanted && pickedOwners.size() < owners; i++) {
            sha.update(prefix);
            sha.update(ByteBuffer.allocate(8).putLong(i).array());
            byte[] block = sha.digest();
            BigInteger x = new BigInteger(1, Arrays.copyOf(block, 8));
            if (x.compareTo(limit) >= 0) {
                continue;
            }
            DrawPool.Entry e = pool.entry(x.mod(BigInteger.valueOf(n)).intValue());
            if (pickedOwners.add(e.owner())) { // a line picked again has its owner picked already
                picked.add(e.serial());
            }
        }
        int w = Math.min(winners, picked.size());
        return new Picks(picked.subList(0, w), picked.subList(w, picked.size()));
    }

    /** The seed's bytes from its hex form (an even number of hex digits, at most 1024 bytes). */
    public static byte[] seedBytes(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() % 2 != 0 || hex.length() > 2048
                || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            throw new DrawException("the seed must be 1 to 1024 bytes written as an even number of hex digits");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
