package io.baton.recognition.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * Parts byte-identical to a seed part, through a 128-bit XXH3 index over every live campaign's
 * seed parts. The cheapest and surest signal: most handsets forward the files untouched. A part
 * shared by several campaigns (a common banner or logo) identifies none of them.
 */
final class ExactPartIndex implements EvidenceSource {

    /** Parts smaller than this (an empty SMIL, a one-word text) are too common to identify a seed. */
    static final int MIN_DISTINCTIVE_BYTES = 16;

    private final Map<HashValue128, String> partOwner;

    ExactPartIndex(Collection<SeedReference> seeds) {
        Map<HashValue128, Set<String>> owners = new HashMap<>();
        for (SeedReference s : seeds) {
            for (MessageContent.Part p : s.parts()) {
                if (p.data().length >= MIN_DISTINCTIVE_BYTES) {
                    owners.computeIfAbsent(hash(p.data()), h -> new HashSet<>()).add(s.campaignId());
                }
            }
        }
        Map<HashValue128, String> unique = new HashMap<>();
        owners.forEach((h, ids) -> {
            if (ids.size() == 1) {
                unique.put(h, ids.iterator().next());
            }
        });
        this.partOwner = Map.copyOf(unique);
    }

    static HashValue128 hash(byte[] data) {
        return Hashing.xxh3_128().hashBytesTo128Bits(data);
    }

    @Override
    public List<Evidence> evidence(MessageContent message) {
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < message.parts().size(); i++) {
            MessageContent.Part p = message.parts().get(i);
            String owner = partOwner.get(hash(p.data()));
            if (owner != null) {
                out.add(new Evidence(owner, Signal.EXACT_PART, true, 1.0,
                        "part " + i + " (" + p.contentType() + ") is identical to a seed part"));
            }
        }
        return out;
    }
}
