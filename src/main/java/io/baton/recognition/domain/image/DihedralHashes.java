package io.baton.recognition.domain.image;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The PDQ hashes of a picture under each of the eight {@link Dihedral} transforms, its quality and its thumbnail. */
public final class DihedralHashes {

    private final PdqHash[] hashes;
    private final int quality;
    private final LumaThumbnail thumbnail;

    DihedralHashes(PdqHash[] hashesInDihedralOrder, int quality, LumaThumbnail thumbnail) {
        if (hashesInDihedralOrder.length != Dihedral.values().length) {
            throw new IllegalArgumentException("one hash per dihedral transform");
        }
        this.hashes = hashesInDihedralOrder.clone();
        this.quality = quality;
        this.thumbnail = thumbnail;
    }

    /** The picture's thumbnail as it would look under {@code transform}. */
    public LumaThumbnail thumbnail(Dihedral transform) {
        return thumbnail.transformed(transform);
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
