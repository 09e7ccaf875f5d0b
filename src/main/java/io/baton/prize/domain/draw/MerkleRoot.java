package io.baton.prize.domain.draw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree hash of RFC 6962 section 2.1 over the pool's lines: leaf = SHA-256(0x00 || line),
 * node = SHA-256(0x01 || left || right), the left subtree holding the largest power of two of
 * leaves smaller than n; the empty tree's hash is SHA-256 of nothing.
 */
public final class MerkleRoot {

    private MerkleRoot() {
    }

    /** The root of {@code lines} (each as UTF-8), in lower-case hex. */
    public static String of(List<String> lines) {
        MessageDigest sha = sha256();
        if (lines.isEmpty()) {
            return HexFormat.of().formatHex(sha.digest());
        }
        byte[][] leaves = new byte[lines.size()][];
        for (int i = 0; i < leaves.length; i++) {
            sha.update((byte) 0x00);
            sha.update(lines.get(i).getBytes(StandardCharsets.UTF_8));
            leaves[i] = sha.digest();
        }
        return HexFormat.of().formatHex(node(sha, leaves, 0, leaves.length));
    }

    private static byte[] node(MessageDigest sha, byte[][] leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves[from];
        }
        int k = Integer.highestOneBit(n - 1); // the largest power of two smaller than n
        byte[] left = node(sha, leaves, from, from + k);
        byte[] right = node(sha, leaves, from + k, to);
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
