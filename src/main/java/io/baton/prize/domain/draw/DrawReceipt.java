package io.baton.prize.domain.draw;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a draw publishes once its seed is entered (ARCHITECTURE 3.6), enough for anyone holding
 * the pool to recompute it. Beyond the contract's fields: {@code winnersWanted} and
 * {@code alternatesWanted} say how many picks the draw asked for (so that a receipt with its last
 * pick cut off does not verify), and {@code publicKey} / {@code signature} sign every other field
 * ({@link DrawSignature}) so that no bit of it can change unnoticed.
 */
public record DrawReceipt(String campaign, String drawId, String tier, String cutoff, Integer poolSize,
        String poolRoot, String seed, String source, List<String> winners, List<String> alternates,
        String algorithm, Integer winnersWanted, Integer alternatesWanted, String publicKey, String signature) {

    public DrawReceipt {
        winners = winners == null ? null : List.copyOf(winners);
        alternates = alternates == null ? null : List.copyOf(alternates);
    }

    /** Draws and signs a receipt: the picks of {@code pool} under {@code seedHex}. */
    public static DrawReceipt draw(String campaign, String drawId, String tier, String cutoff, DrawPool pool,
            String seedHex, String source, int winners, int alternates, DrawSignature.Keys keys) {
        DrawAlgorithm.Picks picks = DrawAlgorithm.pick(pool, DrawAlgorithm.seedBytes(seedHex), drawId, winners,
                alternates);
        DrawReceipt unsigned = new DrawReceipt(campaign, drawId, tier, cutoff, pool.size(), pool.root(), seedHex,
                source, picks.winners(), picks.alternates(), DrawAlgorithm.NAME, winners, alternates,
                keys.publicKey(), null);
        return unsigned.withSignature(DrawSignature.sign(keys.privateKey(), unsigned.signedText()));
    }

    public DrawReceipt withSignature(String signature) {
        return new DrawReceipt(campaign, drawId, tier, cutoff, poolSize, poolRoot, seed, source, winners, alternates,
                algorithm, winnersWanted, alternatesWanted, publicKey, signature);
    }

    /**
     * The bytes signed: every field but the signature, as compact JSON in the order of this record,
     * strings escaped as RFC 8259 requires ({@code \"}, {@code \\}, control characters as
     * {@code \}{@code u00XX}), UTF-8, absent fields as {@code null}.
     */
    public byte[] signedText() {
        StringBuilder b = new StringBuilder(256).append('{');
        field(b, "campaign", campaign);
        field(b, "drawId", drawId);
        field(b, "tier", tier);
        field(b, "cutoff", cutoff);
        field(b, "poolSize", poolSize);
        field(b, "poolRoot", poolRoot);
        field(b, "seed", seed);
        field(b, "source", source);
        field(b, "winners", winners);
        field(b, "alternates", alternates);
        field(b, "algorithm", algorithm);
        field(b, "winnersWanted", winnersWanted);
        field(b, "alternatesWanted", alternatesWanted);
        field(b, "publicKey", publicKey);
        b.setLength(b.length() - 1);
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder b, String name, Object value) {
        string(b, name);
        b.append(':');
        if (value == null) {
            b.append("null");
        } else if (value instanceof Integer i) {
            b.append(i.intValue());
        } else if (value instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                string(b, String.valueOf(list.get(i)));
            }
            b.append(']');
        } else {
            string(b, value.toString());
        }
        b.append(',');
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
