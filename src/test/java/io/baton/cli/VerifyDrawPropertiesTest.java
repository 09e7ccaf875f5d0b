package io.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.prize.domain.draw.DrawPool;
import io.baton.prize.domain.draw.DrawReceipt;
import io.baton.prize.domain.draw.DrawSignature;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The verifier against published bytes: a genuine receipt and pool verify; one bit flipped
 * anywhere in either never does. The draw is a pure function of pool, seed and rules.
 */
class VerifyDrawPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DrawSignature.Keys KEYS = DrawSignature.newKeys();

    record Draw(DrawReceipt receipt, byte[] receiptJson, byte[] pool) {
    }

    @Provide
    Arbitrary<Draw> draws() {
        Arbitrary<Integer> size = Arbitraries.integers().between(8, 120);
        Arbitrary<Integer> subscribers = Arbitraries.integers().between(6, 60);
        Arbitrary<String> seed = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(32)
                .map(b -> java.util.HexFormat.of().formatHex(b));
        Arbitrary<Integer> winners = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> alternates = Arbitraries.integers().between(0, 3);
        return Combinators.combine(size, subscribers, seed, winners, alternates).as(VerifyDrawPropertiesTest::draw);
    }

    static Draw draw(int size, int subscribers, String seed, int winners, int alternates) {
        List<DrawPool.Entry> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(new DrawPool.Entry(String.format("T08-%07d-%d", i + 1, i % 10),
                    DrawPool.owner("k".getBytes(StandardCharsets.US_ASCII), "8613905" + String.format("%06d", i % subscribers))));
        }
        DrawPool pool = DrawPool.of(entries);
        DrawReceipt r = DrawReceipt.draw("torch-2008", "week-1", "laptop", "2008-01-17T00:00:00+08:00", pool, seed,
                "lottery 2008-01-17 closing numbers", winners, alternates, KEYS);
        try {
            return new Draw(r, JSON.writeValueAsBytes(r), pool.text().getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 200)
    void aGenuineDrawVerifies(@ForAll("draws") Draw d) {
        VerifyDrawCommand.Checked c = VerifyDrawCommand.check(d.receiptJson(), d.pool(), KEYS.publicKey());
        assertThat(c.differences()).isEmpty();
    }

    @Property(tries = 200)
    void theDrawIsAPureFunctionOfPoolSeedAndRules(@ForAll("draws") Draw d) {
        DrawReceipt r = d.receipt();
        DrawReceipt again = DrawReceipt.draw(r.campaign(), r.drawId(), r.tier(), r.cutoff(),
                DrawPool.parse(new String(d.pool(), StandardCharsets.UTF_8)), r.seed(), r.source(), r.winnersWanted(),
                r.alternatesWanted(), KEYS);
        assertThat(again).isEqualTo(r); // Ed25519 signatures are deterministic too (RFC 8032)
    }

    @Property(tries = 1000)
    void oneBitFlippedInTheReceiptIsFound(@ForAll("draws") Draw d, @ForAll @IntRange(min = 0, max = 1 << 20) int at,
            @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] changed = d.receiptJson().clone();
        changed[at % changed.length] ^= (byte) (1 << bit);
        assertThat(VerifyDrawCommand.check(changed, d.pool(), null).differences()).isNotEmpty();
    }

    /** Every bit of a few receipts, not a sample: the signature's last base64 character once slipped through. */
    @net.jqwik.api.Example
    void everyBitOfAReceiptMatters() {
        for (int n = 0; n < 4; n++) {
            Draw d = draw(10 + n * 17, 7 + n, "0a1b2c3d0" + n, 1 + n % 3, n);
            for (int i = 0; i < d.receiptJson().length; i++) {
                for (int bit = 0; bit < 8; bit++) {
                    byte[] changed = d.receiptJson().clone();
                    changed[i] ^= (byte) (1 << bit);
                    assertThat(VerifyDrawCommand.check(changed, d.pool(), null).differences())
                            .as("byte %d bit %d of %s", i, bit, new String(d.receiptJson(), StandardCharsets.UTF_8))
                            .isNotEmpty();
                }
            }
        }
    }

    @Property(tries = 1000)
    void oneBitFlippedInThePoolIsFound(@ForAll("draws") Draw d, @ForAll @IntRange(min = 0, max = 1 << 20) int at,
            @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] changed = d.pool().clone();
        int i = at % changed.length;
        changed[i] ^= (byte) (1 << bit);
        assertThat(VerifyDrawCommand.check(d.receiptJson(), changed, null).differences()).isNotEmpty();
    }

    @Property(tries = 100)
    void anotherSeedIsFound(@ForAll("draws") Draw d, @ForAll @IntRange(min = 0, max = 255) int lastByte) {
        DrawReceipt r = d.receipt();
        String seed = r.seed().substring(0, r.seed().length() - 2) + String.format("%02x", lastByte);
        if (seed.equals(r.seed())) {
            return;
        }
        // the same picks under another seed are possible in a small pool: the signature still tells
        DrawReceipt forged = new DrawReceipt(r.campaign(), r.drawId(), r.tier(), r.cutoff(), r.poolSize(),
                r.poolRoot(), seed, r.source(), r.winners(), r.alternates(), r.algorithm(), r.winnersWanted(),
                r.alternatesWanted(), r.publicKey(), r.signature());
        assertThat(io.baton.prize.domain.draw.DrawVerifier.differences(forged,
                new String(d.pool(), StandardCharsets.UTF_8))).isNotEmpty();
    }
}
