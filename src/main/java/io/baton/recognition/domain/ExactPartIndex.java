package io.baton.recognition.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * Parts byte-identical to a seed part, through a 128-bit XXH3 index over every live campaign's
 * seed parts. The cheapest and surest signal: most handsets forward the files untouched. A part
 * shared by several campaigns (a common banner, artwork used again) is evidence for each of them:
 * the decision weighs it against their other signals and their windows ({@link Recognition}).
 */
final class ExactPartIndex implements EvidenceSource {

    /** Parts smaller than this (an empty SMIL, a one-word text) are too common to identify a seed. */
    static final int MIN_DISTINCTIVE_BYTES = 16;

    private final Map<HashValue128, List<String>> partOwners;

    ExactPartIndex(Collection<SeedReference> seeds) {
        Map<HashValue128, Set<String>> owners = new HashMap<>();
        for (SeedReference s : seeds) {
            for (MessageContent.Part p : s.parts()) {
                if (p.data().length >= MIN_DISTINCTIVE_BYTES) {
                    owners.computeIfAbsent(hash(p.data()), h -> new LinkedHashSet<>()).add(s.campaignId());
                }
            }
        }
        Map<HashValue128, List<String>> index = new HashMap<>();
        owners.forEach((h, ids) -> index.put(h, List.copyOf(ids)));
        this.partOwners = Map.copyOf(index);
    }

    static HashValue128 hash(byte[] data) {
        return Hashing.xxh3_128().hashBytesTo128Bits(data);
    }

    @Override
    public List<Evidence> evidence(MessageContent message) {
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < message.parts().size(); i++) {
            MessageContent.Part p = message.parts().get(i);
            for (String owner : partOwners.getOrDefault(hash(p.data()), List.of())) {
                out.add(new Evidence(owner, Signal.EXACT_PART, true, 1.0,
                        "part " + i + " (" + p.contentType() + ") is identical to a seed part"));
            }
        }
        return out;
    }
}
