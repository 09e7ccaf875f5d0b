package io.baton.prize.domain.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recomputes a receipt from the published pool: the pool's size and Merkle root, then the picks
 * from the seed. Answers every difference found, in words; none means the draw is what the
 * receipt says.
 */
public final class DrawVerifier {

    private DrawVerifier() {
    }

    public static List<String> differences(DrawReceipt receipt, String poolText) {
        List<String> out = new ArrayList<>();
        if (!DrawAlgorithm.NAME.equals(receipt.algorithm())) {
            out.add("algorithm: the receipt says " + receipt.algorithm() + ", this verifier knows " + DrawAlgorithm.NAME);
            return out;
        }
        for (String field : missing(receipt)) {
            out.add(field + ": missing from the receipt");
        }
        if (!out.isEmpty()) {
            return out;
        }
        DrawPool pool;
        try {
            pool = DrawPool.parse(poolText);
        } catch (DrawException e) {
            out.add("pool: " + e.getMessage());
            return out;
        }
        if (pool.size() != receipt.poolSize().intValue()) {
            out.add("poolSize: the receipt says " + receipt.poolSize() + ", the pool has " + pool.size() + " lines");
        }
        String root = pool.root();
        if (!root.equals(receipt.poolRoot())) {
            out.add("poolRoot: the receipt says " + receipt.poolRoot() + ", the pool's root is " + root);
        }
        byte[] seed;
        try {
            seed = DrawAlgorithm.seedBytes(receipt.seed());
        } catch (DrawException e) {
            out.add("seed: " + e.getMessage());
            return out;
        }
        int winners = Objects.requireNonNullElse(receipt.winnersWanted(), receipt.winners().size());
        int alternates = Objects.requireNonNullElse(receipt.alternatesWanted(), receipt.alternates().size());
        if (winners < 0 || alternates < 0) {
            out.add("winnersWanted/alternatesWanted: must not be negative");
            return out;
        }
        // the picks follow from the receipt's root: a pool that differs was reported above
        DrawAlgorithm.Picks picks = DrawAlgorithm.pick(pool, seed, receipt.drawId(), winners, alternates);
        compare(out, "winners", receipt.winners(), picks.winners());
        compare(out, "alternates", receipt.alternates(), picks.alternates());
        if (!DrawSignature.verify(receipt.publicKey(), receipt.signedText(), receipt.signature())) {
            out.add("signature: not the publicKey's signature over this receipt (a field was changed)");
        }
        return out;
    }

    /** As {@link #differences(DrawReceipt, String)}, and the receipt's key must be the one published at close. */
    public static List<String> differences(DrawReceipt receipt, String poolText, String publishedKey) {
        List<String> out = differences(receipt, poolText);
        if (publishedKey != null && !publishedKey.equals(receipt.publicKey())) {
            out.add("publicKey: the receipt's key is not the key published at close (" + publishedKey + ")");
        }
        return out;
    }

    private static void compare(List<String> out, String what, List<String> said, List<String> recomputed) {
        if (said.equals(recomputed)) {
            return;
        }
        for (int i = 0; i < Math.max(said.size(), recomputed.size()); i++) {
            String s = i < said.size() ? said.get(i) : "(none)";
            String r = i < recomputed.size() ? recomputed.get(i) : "(none)";
            if (!s.equals(r)) {
                out.add(what + "[" + i + "]: the receipt says " + s + ", recomputed " + r);
            }
        }
    }

    private static List<String> missing(DrawReceipt r) {
        List<String> m = new ArrayList<>();
        if (r.poolSize() == null) {
            m.add("poolSize");
        }
        if (r.publicKey() == null) {
            m.add("publicKey");
        }
        if (r.signature() == null) {
            m.add("signature");
        }
        if (r.drawId() == null) {
            m.add("drawId");
        }
        if (r.poolRoot() == null) {
            m.add("poolRoot");
        }
        if (r.seed() == null) {
            m.add("seed");
        }
        if (r.winners() == null) {
            m.add("winners");
        }
        if (r.alternates() == null) {
            m.add("alternates");
        }
        return m;
    }
}
