package io.baton.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.baton.campaign.domain.Campaign;
import io.baton.campaign.domain.CampaignParser;
import io.baton.campaign.domain.InvalidCampaignException;
import io.baton.campaign.store.CampaignRepository;
import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.SeedMatcher;
import io.baton.recognition.domain.SeedRecogniser;
import io.baton.recognition.domain.SeedReference;
import io.baton.recognition.domain.tag.SeedTagging;

/**
 * The live campaigns and the seed matcher built over them. Loads stored campaigns and the files
 * of {@code campaigns/} at start; a campaign accepted through the API is live at once.
 */
@ApplicationScoped
public class CampaignRegistry {

    private static final Logger LOG = Logger.getLogger(CampaignRegistry.class);

    /** A live campaign with the version of its document. */
    public record Live(Campaign campaign, int version, String source) {
    }

    /** A campaign whose seed cannot be told apart from a campaign running at the same time. */
    public static final class SeedConflictException extends RuntimeException {
        private final String otherCampaign;

        SeedConflictException(String campaign, String otherCampaign) {
            super("the seed of " + campaign + " cannot be told apart from the seed of campaign " + otherCampaign
                    + ", which runs at the same time: a forward of either would be refused as ambiguous."
                    + " Give the seeds different tags (seed.tag) or content, or windows that do not overlap");
            this.otherCampaign = otherCampaign;
        }

        public String otherCampaign() {
            return otherCampaign;
        }
    }

    private final CampaignRepository repository;
    private final CampaignConfig config;
    private final List<Consumer<Collection<Live>>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Live> live = Map.of();
    private volatile Map<String, List<SeedTagging.TaggedPart>> seedsToSend = Map.of();
    private volatile SeedMatcher matcher = new SeedRecogniser(List.of());
    /** Files of {@code campaigns/} not loaded because of a seed conflict: file → reason (readiness shows them). */
    private volatile Map<String, String> refusedFiles = Map.of();

    public CampaignRegistry(CampaignRepository repository, CampaignConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /** Loads stored campaigns, then the files (which win over stored copies of the same id). */
    public synchronized void load() {
        Map<String, Live> next = new TreeMap<>();
        for (CampaignRepository.StoredCampaign s : repository.findAll()) {
            if (s.source().startsWith("file:")) {
                continue; // files are read again below, from disk
            }
            try {
                next.put(s.id(), new Live(CampaignParser.parse(s.yaml(), null), s.version(), s.source()));
            } catch (InvalidCampaignException e) {
                LOG.errorf("campaign=unloadable id=%s errors=\"%s\"", s.id(), e.getMessage());
            }
        }
        Path dir = Path.of(config.directory());
        Map<String, String> refused = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            List<Path> sorted = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
                files.forEach(sorted::add);
                sorted.sort(null);
                for (Path f : sorted) {
                    loadFile(f, next.values(), refused).ifPresent(l -> next.put(l.campaign().id(), l));
                }
            } catch (IOException e) {
                LOG.errorf("campaign=directory-unreadable dir=%s reason=%s", dir, e.getMessage());
            }
        } else {
            LOG.warnf("campaign=no-directory dir=%s", dir.toAbsolutePath());
        }
        this.refusedFiles = Map.copyOf(refused);
        activate(next);
    }

    /** The file's campaign, stored; empty when it is invalid, unreadable or its seed conflicts ({@code refused}). */
    /**
     * Takes in the stored API campaigns another replica changed (announced through PostgreSQL),
     * keeping this instance's file campaigns; a campaign whose stored version is the live one is kept
     * as it is.
     */
    public synchronized void reloadStored() {
        Map<String, Live> next = new TreeMap<>();
        live.values().stream().filter(l -> l.source().startsWith("file:")).forEach(l -> next.put(l.campaign().id(), l));
        int changed = 0;
        for (CampaignRepository.StoredCampaign s : repository.findAll()) {
            if (s.source().startsWith("file:") || next.containsKey(s.id())) {
                continue;
            }
            Live current = live.get(s.id());
            if (current != null && current.version() == s.version() && current.source().equals(s.source())) {
                next.put(s.id(), current);
                continue;
            }
            try {
                next.put(s.id(), new Live(CampaignParser.parse(s.yaml(), null), s.version(), s.source()));
                changed++;
                LOG.infof("campaign=reloaded id=%s version=%d", s.id(), s.version());
            } catch (InvalidCampaignException e) {
                LOG.errorf("campaign=unloadable id=%s errors=\"%s\"", s.id(), e.getMessage());
                if (current != null) {
                    next.put(s.id(), current);
                }
            }
        }
        if (changed > 0) {
            activate(next);
        }
    }

    private Optional<Live> loadFile(Path file, Collection<Live> loaded, Map<String, String> refused) {
        try {
            String yaml = Files.readString(file, StandardCharsets.UTF_8);
            Path base = file.toAbsolutePath().getParent();
            Campaign c = CampaignParser.parse(yaml, rel -> Files.readAllBytes(base.resolve(rel)));
            try {
                checkSeedConflicts(c, loaded);
            } catch (SeedConflictException e) {
                refused.put(file.toString(), e.getMessage());
                LOG.errorf("campaign=refused file=%s id=%s conflict=%s reason=\"%s\"", file, c.id(),
                        e.otherCampaign(), e.getMessage());
                return Optional.empty();
            }
            int version = repository.save(c.id(), yaml, "file:" + file);
            LOG.infof("campaign=loaded id=%s file=%s version=%d parts=%d regions=%d", c.id(), file, version,
                    c.seed().parts().size(), c.regions().size());
            return Optional.of(new Live(c, version, "file:" + file));
        } catch (InvalidCampaignException e) {
            LOG.errorf("campaign=invalid file=%s errors=\"%s\"", file, e.getMessage());
        } catch (IOException | java.nio.file.InvalidPathException e) {
            LOG.errorf("campaign=unreadable file=%s reason=%s", file, e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Validates and stores a document from the API and makes it live.
     *
     * @throws InvalidCampaignException with every error found
     */
    public synchronized Live put(String id, String yaml) {
        Campaign c = CampaignParser.parse(yaml, null);
        if (!c.id().equals(id)) {
            throw new InvalidCampaignException(List.of(new io.baton.campaign.domain.CampaignError("id", 1,
                    "is " + c.id() + " but the URL names " + id)));
        }
        checkSeedConflicts(c, live.values());
        int version = repository.save(id, yaml, "api");
        Map<String, Live> next = new TreeMap<>(live);
        Live l = new Live(c, version, "api");
        next.put(id, l);
        activate(next);
        LOG.infof("campaign=updated id=%s version=%d", id, version);
        return l;
    }

    /**
     * Refuses a campaign whose seed, forwarded the way most handsets forward it (the parts and the
     * visible tag, without the hidden machine tags), would be ambiguous with — or taken for — the seed
     * of another campaign whose window overlaps its own, or the other way round.
     */
    private static void checkSeedConflicts(Campaign c, Collection<Live> others) {
        for (Live other : others) {
            Campaign o = other.campaign();
            if (o.id().equals(c.id()) || !c.starts().isBefore(o.ends()) || !o.starts().isBefore(c.ends())) {
                continue;
            }
            SeedRecogniser pair = new SeedRecogniser(List.of(reference(c), reference(o)));
            if (!pair.recognise(handsetForward(c)).campaignId().equals(Optional.of(c.id()))
                    || !pair.recognise(handsetForward(o)).campaignId().equals(Optional.of(o.id()))) {
                throw new SeedConflictException(c.id(), o.id());
            }
        }
    }

    private static List<SeedTagging.TaggedPart> tagged(Campaign c) {
        return SeedTagging.compose(c.id(), c.seed().parts().stream()
                .map(p -> new SeedTagging.SourcePart(p.contentType(), p.data())).toList(), c.seed().tag());
    }

    private static SeedReference reference(Campaign c) {
        List<MessageContent.Part> parts = new ArrayList<>();
        c.seed().parts().forEach(p -> parts.add(new MessageContent.Part(p.contentType(), p.data())));
        tagged(c).forEach(p -> parts.add(new MessageContent.Part(p.contentType(), p.data())));
        List<String> tags = new ArrayList<>(c.seed().tag().stream().toList());
        tags.add(SeedTagging.machineTag(c.id()));
        Campaign.RecognitionRules r = c.recognition();
        return new SeedReference(c.id(), parts, tags, new SeedReference.Thresholds(r.imageMaxDistance(),
                r.imageMinQuality(), r.textMinContainment(), r.textKeyPhrases(), r.imageMinBlockAgreement()));
    }

    /** The seed as a handset that drops the SMIL and rebuilds the pictures forwards it: parts and visible tag. */
    private static MessageContent handsetForward(Campaign c) {
        List<MessageContent.Part> parts = new ArrayList<>();
        c.seed().parts().forEach(p -> {
            if (!p.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/")) {
                parts.add(new MessageContent.Part(p.contentType(), p.data()));
            }
        });
        tagged(c).stream().filter(p -> p.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/"))
                .forEach(p -> parts.add(new MessageContent.Part(p.contentType(), p.data())));
        return new MessageContent(c.seed().subject(), parts);
    }

    /** Files of {@code campaigns/} refused because their seed conflicts with another campaign's: file → reason. */
    public Map<String, String> refusedFiles() {
        return refusedFiles;
    }

    private void activate(Map<String, Live> next) {
        List<SeedReference> seeds = new ArrayList<>();
        Map<String, List<SeedTagging.TaggedPart>> toSend = new TreeMap<>();
        for (Live l : next.values()) {
            Campaign c = l.campaign();
            toSend.put(c.id(), tagged(c));
            seeds.add(reference(c));
        }
        this.matcher = new SeedRecogniser(seeds);
        this.seedsToSend = Map.copyOf(toSend);
        this.live = Map.copyOf(next);
        listeners.forEach(l -> l.accept(this.live.values()));
    }

    /** Called with all live campaigns after every change. */
    public void onChange(Consumer<Collection<Live>> listener) {
        listeners.add(listener);
    }

    public Optional<Campaign> find(String id) {
        return Optional.ofNullable(live.get(id)).map(Live::campaign);
    }

    public Optional<Live> findLive(String id) {
        return Optional.ofNullable(live.get(id));
    }

    public Collection<Live> all() {
        return live.values();
    }

    public SeedMatcher matcher() {
        return matcher;
    }

    /** The seed of a campaign as Baton sends it: tagged in every layer, SMIL first. */
    public List<SeedTagging.TaggedPart> seedToSend(String campaignId) {
        return seedsToSend.getOrDefault(campaignId, List.of());
    }

    /** Whether the address is the short code of a campaign: its sends are seeds, not forwards. */
    public boolean isPlatformAddress(String digits) {
        return live.values().stream().anyMatch(l -> l.campaign().shortCode().equals(digits));
    }
}
