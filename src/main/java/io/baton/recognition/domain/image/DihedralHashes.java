package io.baton.recognition.domain.image;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The PDQ hashes of a picture under each of the eight {@link Dihedral} transforms, and its quality. */
public final class DihedralHashes {

    private final PdqHash[] hashes;
    private final int quality;

    DihedralHashes(PdqHash[] hashesInDihedralOrder, int quality) {
        if (hashesInDihedralOrder.length != Dihedral.values().length) {
            throw new IllegalArgumentException("one hash per dihedral transform");
        }
        this.hashes = hashesInDihedralOrder.clone();
        this.quality = quality;
    }

    public PdqHash get(Dihedral transform) {
        return hashes[transform.ordinal()];
    }

    public PdqHash original() {
        return get(Dihedral.ORIGINAL);
    }

    public int quality() {
        return quality;
    }

    public List<PdqHash> all() {
        return List.of(hashes);
    }

    public Map<Dihedral, PdqHash> byTransform() {
        Map<Dihedral, PdqHash> m = new EnumMap<>(Dihedral.class);
        for (Dihedral d : Dihedral.values()) {
            m.put(d, get(d));
        }
        return m;
    }

    /**
     * Distance from {@code probe} to the nearest of the eight: small when the probe is this
     * picture rotated or mirrored in any way.
     */
    public int minDistance(PdqHash probe) {
        return Arrays.stream(hashes).mapToInt(probe::hammingDistance).min().orElseThrow();
    }

    @Override
    public String toString() {
        return "DihedralHashes" + byTransform() + " quality=" + quality;
    }
}
