package io.baton.support;

import java.util.Random;

/**
 * A {@link Random} whose whole 64-bit seed counts. {@code new Random(seed)} keeps only the low 48
 * bits, so two different seeds from a property (jqwik shrank one failure to 0 and
 * {@code Long.MIN_VALUE}) can draw the same picture; here the state is the full seed and each draw
 * is SplitMix64 (Steele, Lea, Flood 2014) of it, a bijection, so distinct seeds give distinct
 * streams. Every {@code Random} method draws through {@link #next(int)}, so generators written
 * against {@code Random} keep working.
 */
public final class SeededRandom extends Random {

    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private static final long serialVersionUID = 1L;

    private long state;

    public SeededRandom(long seed) {
        super(0);
        state = seed;
    }

    @Override
    public synchronized void setSeed(long seed) {
        super.setSeed(seed); // resets the cached Gaussian
        state = seed;
    }

    @Override
    protected int next(int bits) {
        return (int) (nextLong() >>> (64 - bits));
    }

    @Override
    public long nextLong() {
        state += GAMMA;
        return mix(state);
    }

    /** SplitMix64's finaliser: a bijection on 64-bit values, for deriving per-case seeds too. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
