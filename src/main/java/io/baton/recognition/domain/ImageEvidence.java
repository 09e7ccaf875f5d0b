package io.baton.recognition.domain;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.dynatrace.hash4j.hashing.HashValue128;

import io.baton.recognition.domain.image.CropAlignment;
import io.baton.recognition.domain.image.DecodedImage;
import io.baton.recognition.domain.image.Dihedral;
import io.baton.recognition.domain.image.DihedralHashes;
import io.baton.recognition.domain.image.ImageDecoding;
import io.baton.recognition.domain.image.ImageVariants;
import io.baton.recognition.domain.image.LumaThumbnail;
import io.baton.recognition.domain.image.PdqFingerprint;
import io.baton.recognition.domain.image.PdqHash;
import io.baton.recognition.domain.image.PdqHasher;
import io.baton.recognition.domain.image.UnreadableImageException;

/**
 * Images that are perceptually a seed image: PDQ hashes of every image part against an index of
 * each seed image under the eight rotations/mirrorings and the crops handsets make (PDQ itself
 * survives rescaling, recompression, format and colour-depth changes; crops and rotations it
 * does not, so those are indexed; posterisation without dithering it does not either, so the
 * seed reduced to the usual 16- and 256-colour palettes is indexed too). Distances are Hamming
 * distances between 256-bit hashes; unrelated pictures sit near 128. A random crop is found by
 * {@link CropAlignment} and the seed cropped the same way is compared.
 *
 * <p>Beyond the hash's threshold, a logo or caption over part of the seed is recognised block by
 * block ({@link LumaThumbnail#agreement}): most of the picture and its middle must agree with a
 * near indexed variant, where a look-alike sharing the seed's frame or banner differs.
 *
 * <p>Guards against false matches: a seed image below the campaign's quality gate (flat, tiny,
 * mostly text on a plain ground) is not indexed; a message image below it says nothing; images
 * smaller than {@value #MIN_SIDE} px are icons, not seeds. A seed image that looks like another
 * campaign's (a shared banner, artwork used again) is evidence for both: the decision weighs it
 * against their other signals and their windows ({@link Recognition}).
 *
 * <p>Decoding dominates the cost, so an image byte-identical to a seed image (the exact signal
 * covers it) is not decoded, and what recently seen images matched is cached by content hash:
 * the same handset model re-encodes the seed to the same bytes for all its users.
 */
final class ImageEvidence implements EvidenceSource {

    static final int MIN_SIDE = 48;
    /** Within this many bits beyond the threshold a match is kept as a near miss. */
    static final int NEAR_MISS_MARGIN = 16;
    /**
     * Within this many bits beyond the threshold the thumbnails are compared block by block: a logo
     * over a tenth of the picture moves the hash up to ~90 bits; unrelated pictures sit beyond 80,
     * look-alikes from 56 (docs/recognition-image-thresholds.md).
     */
    static final int VERIFY_MARGIN = 65;
    /** How many of a campaign's nearest indexed variants are compared block by block. */
    static final int VERIFY_CANDIDATES = 4;
    /** Share of the middle quarter's blocks that must agree for an overlay match. */
    static final double MIN_CENTRE_AGREEMENT = 0.85;
    /** Crops indexed for each seed image: all edges, and each single edge, by these fractions. */
    private static final double[] CROPS = { 0.05, 0.10, 0.15 };

    /**
     * One indexed hash: a seed image under one transform; {@code thumbnail} is the variant's
     * before {@code transform} (turned on demand when a block comparison needs it).
     */
    private record Entry(String campaignId, int image, String variant, PdqHash hash, int maxDistance,
            CropAlignment.Box box, LumaThumbnail thumbnail, Dihedral transform, double minBlockAgreement) {

        LumaThumbnail transformedThumbnail() {
            return thumbnail.transformed(transform);
        }
    }

    /** A seed image as crop alignment needs it. */
    private record SeedPicture(String campaignId, int image, BufferedImage picture, CropAlignment.Plane plane,
            int maxDistance, double minBlockAgreement) {
    }

    /** What is kept of a message image: its hash, thumbnail and the profiles crop alignment reads. */
    private record Probe(PdqHasher.Summary summary, int width, int height) {
        PdqFingerprint fingerprint() {
            return summary.fingerprint();
        }
    }

    /**
     * Minimum correlation (16×16 cells) of the seed inside the aligned box with the probe before the
     * crop is worth rendering and hashing: random 15% crops of the bench seeds correlate ≥ 0.993,
     * look-alikes sharing a seed's template at most 0.94, other pictures at most 0.79
     * (docs/recognition-image-thresholds.md); the hash or the blocks decide after.
     */
    static final double MIN_ALIGNMENT = 0.9;

    private final List<CampaignIndex> index;

    /** One campaign's indexed hashes, searched for the few nearest to a probe. */
    private record CampaignIndex(String campaignId, Entry[] entries) {

        /**
         * The (at most {@value #VERIFY_CANDIDATES}) entries nearest to {@code probe} within the block
         * comparison's reach, nearest first.
         */
        List<Candidate> nearest(PdqHash probe) {
            Candidate[] top = new Candidate[VERIFY_CANDIDATES];
            int n = 0;
            for (Entry e : entries) {
                int d = e.hash().hammingDistance(probe);
                if (d > e.maxDistance() + VERIFY_MARGIN || n == top.length && d >= top[n - 1].distance()) {
                    continue;
                }
                int at = n == top.length ? n - 1 : n++;
                while (at > 0 && top[at - 1].distance() > d) {
                    top[at] = top[at - 1];
                    at--;
                }
                top[at] = new Candidate(e, d, null);
            }
            return List.of(java.util.Arrays.copyOf(top, n));
        }
    }
    private final List<SeedPicture> pictures;
    private final Set<HashValue128> seedImageBytes;
    private final Map<String, Integer> minQuality;
    private final ImageDecoding decoding = new ImageDecoding(ImageDecoding.MMS);
    private final ThreadLocal<PdqHasher> hashers = ThreadLocal.withInitial(PdqHasher::new);
    /** What each recently seen image matched, by content hash (the image part's number left out). */
    private final FingerprintCache<List<Found>> cache = new FingerprintCache<>(4096);

    /** One campaign's image evidence for an image, before it is placed in a message. */
    private record Found(String campaignId, boolean decisive, double score, String detail) {
        Evidence inPart(int part) {
            return new Evidence(campaignId, Signal.IMAGE, decisive, score, "image part " + part + ": " + detail);
        }
    }

    ImageEvidence(Collection<SeedReference> seeds) {
        List<List<Entry>> images = new ArrayList<>();
        List<SeedPicture> seedPictures = new ArrayList<>();
        Set<HashValue128> bytes = new HashSet<>();
        Map<String, Integer> quality = new LinkedHashMap<>();
        PdqHasher hasher = new PdqHasher();
        for (SeedReference s : seeds) {
            quality.put(s.campaignId(), s.thresholds().imageMinQuality());
            Set<HashValue128> seen = new HashSet<>();
            int n = 0;
            for (MessageContent.Part p : s.parts()) {
                HashValue128 key = isImage(p) ? ExactPartIndex.hash(p.data()) : null;
                if (key == null || !seen.add(key)) {
                    continue;
                }
                bytes.add(key);
                Optional<BufferedImage> picture = read(p.data(), false).map(DecodedImage::pixels);
                if (picture.isEmpty()) {
                    continue;
                }
                DihedralHashes whole = hasher.dihedralHashes(picture.get());
                if (whole.quality() < s.thresholds().imageMinQuality()) {
                    continue; // says too little to tell it from other pictures
                }
                n++;
                List<Entry> entries = new ArrayList<>();
                add(entries, s, n, "whole", whole, null);
                BufferedImage img = picture.get();
                for (double f : CROPS) {
                    String pct = Math.round(f * 100) + "%";
                    addCrop(entries, s, n, hasher, img, "crop " + pct, new CropAlignment.Box(f, f, f, f));
                    addCrop(entries, s, n, hasher, img, "crop " + pct + " left", new CropAlignment.Box(f, 0, 0, 0));
                    addCrop(entries, s, n, hasher, img, "crop " + pct + " top", new CropAlignment.Box(0, f, 0, 0));
                    addCrop(entries, s, n, hasher, img, "crop " + pct + " right", new CropAlignment.Box(0, 0, f, 0));
                    addCrop(entries, s, n, hasher, img, "crop " + pct + " bottom", new CropAlignment.Box(0, 0, 0, f));
                }
                // colour-depth reductions without dithering posterise: flat bands move the hash 25–65 bits
                add(entries, s, n, "16 colours", hasher.dihedralHashes(ImageVariants.palette16(img, false)), null);
                add(entries, s, n, "256 colours", hasher.dihedralHashes(ImageVariants.palette256(img, false)), null);
                BufferedImage cropped = ImageVariants.crop(img, 0.05, 0.05, 0.05, 0.05);
                add(entries, s, n, "crop 5%, 256 colours", hasher.dihedralHashes(ImageVariants.palette256(cropped, false)),
                        new CropAlignment.Box(0.05, 0.05, 0.05, 0.05));
                images.add(entries);
                seedPictures.add(new SeedPicture(s.campaignId(), n, img, CropAlignment.plane(img),
                        s.thresholds().imageMaxDistance(), s.thresholds().imageMinBlockAgreement()));
            }
        }
        List<Entry> kept = new ArrayList<>();
        images.forEach(kept::addAll);
        Map<String, List<Entry>> byCampaign = new LinkedHashMap<>();
        kept.forEach(e -> byCampaign.computeIfAbsent(e.campaignId(), c -> new ArrayList<>()).add(e));
        this.index = byCampaign.entrySet().stream()
                .map(e -> new CampaignIndex(e.getKey(), e.getValue().toArray(new Entry[0]))).toList();
        Set<String> indexed = new HashSet<>();
        kept.forEach(e -> indexed.add(e.campaignId() + "/" + e.image()));
        this.pictures = seedPictures.stream().filter(p -> indexed.contains(p.campaignId() + "/" + p.image())).toList();
        this.seedImageBytes = Set.copyOf(bytes);
        this.minQuality = Map.copyOf(quality);
    }

    private static void addCrop(List<Entry> entries, SeedReference s, int image, PdqHasher hasher, BufferedImage img,
            String variant, CropAlignment.Box b) {
        add(entries, s, image, variant, hasher.dihedralHashes(ImageVariants.crop(img, b.left(), b.top(), b.right(),
                b.bottom())), b);
    }

    private static void add(List<Entry> entries, SeedReference s, int image, String variant, DihedralHashes hashes,
            CropAlignment.Box box) {
        LumaThumbnail thumbnail = hashes.thumbnail(Dihedral.ORIGINAL);
        hashes.byTransform().forEach((d, h) -> entries.add(new Entry(s.campaignId(), image,
                d == Dihedral.ORIGINAL ? variant : variant + ", " + d.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                h, s.thresholds().imageMaxDistance(), box, thumbnail, d, s.thresholds().imageMinBlockAgreement())));
    }

    @Override
    public List<Evidence> evidence(MessageContent message) {
        List<Evidence> out = new ArrayList<>();
        if (index.isEmpty()) {
            return out;
        }
        for (int i = 0; i < message.parts().size(); i++) {
            MessageContent.Part p = message.parts().get(i);
            if (!isImage(p)) {
                continue;
            }
            HashValue128 key = ExactPartIndex.hash(p.data());
            if (seedImageBytes.contains(key)) {
                continue; // identical to a seed image: the exact signal has it, no need to decode
            }
            int part = i;
            cache.get(key, () -> probe(p.data()).map(this::match))
                    .ifPresent(found -> found.forEach(f -> out.add(f.inPart(part))));
        }
        return out;
    }

    private List<Found> match(Probe probe) {
        List<Found> out = new ArrayList<>();
        PdqFingerprint fp = probe.fingerprint();
        Map<String, List<Candidate>> byCampaign = new LinkedHashMap<>();
        for (CampaignIndex ci : index) {
            List<Candidate> nearest = ci.nearest(fp.hash());
            if (!nearest.isEmpty()) {
                byCampaign.put(ci.campaignId(), nearest);
            }
        }
        Map<String, Candidate> best = new LinkedHashMap<>();
        byCampaign.forEach((campaign, candidates) -> best.put(campaign, candidates.get(0)));
        Set<String> blocksCompared = new HashSet<>();
        for (SeedPicture seed : pictures) {
            Candidate c = best.get(seed.campaignId());
            if (c != null && c.decisive()) {
                continue; // matched already, by the hash or by another of the campaign's pictures
            }
            // beyond the hash's threshold: an overlay (logo, caption) leaves most blocks agreeing;
            // the candidates are the campaign's, so once per campaign, not per seed picture
            Candidate verified = blocksCompared.add(seed.campaignId())
                    ? verified(byCampaign.getOrDefault(seed.campaignId(), List.of()), fp) : null;
            if (verified == null) {
                verified = likeTheProbe(seed, probe).map(e -> {
                    int d = e.hash().hammingDistance(fp.hash());
                    Candidate aligned = new Candidate(e, d, null);
                    if (d > seed.maxDistance() && d <= seed.maxDistance() + VERIFY_MARGIN) {
                        Candidate v = verified(List.of(aligned), fp);
                        return v == null ? aligned : v;
                    }
                    return aligned;
                }).orElse(null);
            }
            if (verified != null && (c == null || verified.decisive() || verified.distance() < c.distance())) {
                best.put(seed.campaignId(), verified);
            }
        }
        best.forEach((campaign, c) -> {
            Entry e = c.entry();
            int d = c.distance();
            boolean decisive = c.decisive();
            if (!decisive && d > e.maxDistance() + NEAR_MISS_MARGIN || fp.quality() < minQuality.getOrDefault(campaign, 0)) {
                return;
            }
            double score = Math.max(0, 1 - d / 128.0);
            String blocks = c.agreement() == null ? ""
                    : ", beyond it but " + c.agreement().count() + " of " + LumaThumbnail.BLOCKS * LumaThumbnail.BLOCKS
                            + " blocks agree (middle " + Math.round(c.agreement().centreFraction() * 100)
                            + "%, needed " + Math.round(e.minBlockAgreement() * 100) + "% and "
                            + Math.round(MIN_CENTRE_AGREEMENT * 100) + "%): an overlay";
            out.add(new Found(campaign, decisive, score, "PDQ distance " + d
                    + " to seed image " + e.image() + " (" + e.variant() + "), threshold " + e.maxDistance() + blocks
                    + ", quality " + fp.quality()));
        });
        return List.copyOf(out);
    }

    /**
     * A candidate entry for one campaign: its distance, and the block agreement that made it a
     * match beyond the hash's threshold (null when the hash alone decided or nothing agreed).
     */
    private record Candidate(Entry entry, int distance, LumaThumbnail.Agreement agreement) {
        boolean decisive() {
            return distance <= entry.maxDistance() || agreement != null;
        }
    }

    /**
     * The nearest of {@code candidates} (at most {@value #VERIFY_CANDIDATES}, within
     * {@value #VERIFY_MARGIN} bits beyond the threshold) whose thumbnail agrees with the probe's in
     * enough blocks, and in the middle of the picture, where a handset puts no caption or logo; null
     * when none does. A look-alike sharing a template or banner with the seed agrees at the edges but
     * not in the middle (docs/recognition-image-thresholds.md).
     */
    private static Candidate verified(List<Candidate> candidates, PdqFingerprint fp) {
        int tried = 0;
        for (Candidate c : candidates) {
            if (tried++ == VERIFY_CANDIDATES || c.entry().minBlockAgreement() >= 1) {
                break; // imageMinBlockAgreement 1: the campaign turned overlay matching off
            }
            LumaThumbnail.Agreement a = LumaThumbnail.agreement(c.entry().transformedThumbnail(), fp.thumbnail());
            if (a.fraction() >= c.entry().minBlockAgreement() && a.centreFraction() >= MIN_CENTRE_AGREEMENT) {
                return new Candidate(c.entry(), c.distance(), a);
            }
        }
        return null;
    }

    /**
     * The seed picture made like the probe, hashed: cropped as the probe appears to be cropped
     * and scaled to the probe's size. PDQ does not survive crops, and a small picture full of
     * fine detail (rays, grain) aliases differently at every size, so a shrunk or cropped forward
     * is compared with the seed shrunk and cropped the same way (a 160×120 forward of the torch:
     * 32 bits from the seed's hash, 2–10 from the seed at 160×120).
     */
    private Optional<Entry> likeTheProbe(SeedPicture seed, Probe probe) {
        return CropAlignment.align(seed.plane(), probe.summary(), MIN_ALIGNMENT).map(CropAlignment.Alignment::box).map(b -> {
            Entry best = rendered(seed, probe, b);
            int d = best.hash().hammingDistance(probe.fingerprint().hash());
            if (!b.isWhole() && d > seed.maxDistance() && d <= seed.maxDistance() + NEAR_MISS_MARGIN) {
                // profiles place a crop to within a percent or two, and PDQ notices: try the edges around it
                for (int round = 0; round < 2 && d > seed.maxDistance(); round++) {
                    CropAlignment.Box around = box(best);
                    for (CropAlignment.Box n : neighbours(around)) {
                        Entry e = rendered(seed, probe, n);
                        int dn = e.hash().hammingDistance(probe.fingerprint().hash());
                        if (dn < d) {
                            d = dn;
                            best = e;
                        }
                    }
                    if (box(best).equals(around)) {
                        break;
                    }
                }
            }
            return best;
        });
    }

    /** The seed cropped to {@code b} and scaled to the probe's size, hashed. */
    private Entry rendered(SeedPicture seed, Probe probe, CropAlignment.Box b) {
        BufferedImage cropped = b.isWhole() ? seed.picture()
                : ImageVariants.crop(seed.picture(), b.left(), b.top(), b.right(), b.bottom());
        BufferedImage sized = ImageVariants.resize(cropped, probe.width(), probe.height());
        PdqFingerprint f = hashers.get().hash(sized);
        return new Entry(seed.campaignId(), seed.image(), (b.isWhole() ? "whole" : "aligned " + b) + ", at "
                + probe.width() + "x" + probe.height(), f.hash(), seed.maxDistance(), b, f.thumbnail(), Dihedral.ORIGINAL,
                seed.minBlockAgreement());
    }

    private static CropAlignment.Box box(Entry e) {
        return e.box();
    }

    /** The boxes one percent away on one edge. */
    private static List<CropAlignment.Box> neighbours(CropAlignment.Box b) {
        double step = 0.01;
        List<CropAlignment.Box> out = new ArrayList<>();
        for (int edge = 0; edge < 4; edge++) {
            for (double delta : new double[] { -step, step }) {
                double[] v = { b.left(), b.top(), b.right(), b.bottom() };
                v[edge] = Math.max(0, Math.min(0.3, v[edge] + delta));
                out.add(new CropAlignment.Box(v[0], v[1], v[2], v[3]));
            }
        }
        return out;
    }

    /** The fingerprint of an image part, or empty when it cannot be read or is an icon. */
    private Optional<Probe> probe(byte[] data) {
        return read(data, true).filter(img -> Math.min(img.width(), img.height()) >= MIN_SIDE)
                .map(img -> {
                    PdqHasher.Summary summary = hashers.get().summarise(img.pixels());
                    return new Probe(summary, img.pixels().getWidth(), img.pixels().getHeight());
                });
    }

    /**
     * The picture, or empty when it cannot be read: then it proves nothing either way. Forwards
     * ({@code forHashing}) take a JPEG's luma straight from the decoder, a quarter less work; seed
     * pictures are decoded in colour once, since they are also cropped and scaled for comparison.
     */
    private Optional<DecodedImage> read(byte[] data, boolean forHashing) {
        try {
            return Optional.of(forHashing ? decoding.decodeForHashing(data) : decoding.decode(data));
        } catch (UnreadableImageException e) {
            return Optional.empty();
        }
    }

    private static boolean isImage(MessageContent.Part p) {
        String type = p.contentType().toLowerCase(Locale.ROOT);
        return type.startsWith("image/") || type.startsWith("application/octet-stream");
    }
}
