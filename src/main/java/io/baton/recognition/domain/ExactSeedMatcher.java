package io.baton.recognition.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * First matcher: a submit is a campaign's seed when one of its parts is byte-identical to a seed
 * part (a 128-bit XXH3 index over every live campaign's seed parts) or its text carries the
 * campaign's tag. A part shared by several campaigns (a common banner) identifies none of them.
 * Immutable: build a new one when campaigns change.
 */
public final class ExactSeedMatcher implements SeedMatcher {

    /** Parts smaller than this (an empty SMIL, a one-word text) are too common to identify a seed. */
    static final int MIN_DISTINCTIVE_BYTES = 16;

    private final Map<HashValue128, String> partOwner;
    private final Map<String, String> tags;

    public ExactSeedMatcher(Collection<SeedReference> seeds) {
        Map<HashValue128, Set<String>> owners = new HashMap<>();
        Map<String, String> tagIndex = new LinkedHashMap<>();
        for (SeedReference s : seeds) {
            for (MessageContent.Part p : s.parts()) {
                if (p.data().length >= MIN_DISTINCTIVE_BYTES) {
                    owners.computeIfAbsent(hash(p.data()), h -> new HashSet<>()).add(s.campaignId());
                }
            }
            s.tag().ifPresent(t -> tagIndex.put(t, s.campaignId()));
        }
        Map<HashValue128, String> unique = new HashMap<>();
        owners.forEach((h, ids) -> {
            if (ids.size() == 1) {
                unique.put(h, ids.iterator().next());
            }
        });
        this.partOwner = Map.copyOf(unique);
        this.tags = Map.copyOf(tagIndex);
    }

    static HashValue128 hash(byte[] data) {
        return Hashing.xxh3_128().hashBytesTo128Bits(data);
    }

    @Override
    public Optional<Recognition> recognise(MessageContent message) {
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        for (int i = 0; i < message.parts().size(); i++) {
            MessageContent.Part p = message.parts().get(i);
            String owner = partOwner.get(hash(p.data()));
            if (owner != null) {
                evidence.computeIfAbsent(owner, k -> new ArrayList<>()).add("part " + i + " (" + p.contentType()
                        + ") is identical to a seed part");
            }
        }
        List<String> texts = new ArrayList<>();
        texts.add(message.subject());
        for (MessageContent.Part p : message.parts()) {
            if (p.isText()) {
                texts.add(p.text());
            }
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (texts.stream().anyMatch(t -> t.contains(tag.getKey()))) {
                evidence.computeIfAbsent(tag.getValue(), k -> new ArrayList<>()).add("text carries the campaign tag");
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        int best = evidence.values().stream().mapToInt(List::size).max().orElse(0);
        List<String> leaders = evidence.entrySet().stream().filter(e -> e.getValue().size() == best)
                .map(Map.Entry::getKey).toList();
        if (leaders.size() > 1) {
            return Optional.empty(); // equally strong evidence for two campaigns: credit neither
        }
        String campaign = leaders.get(0);
        return Optional.of(new Recognition(campaign, 1.0, String.join("; ", evidence.get(campaign))));
    }
}
