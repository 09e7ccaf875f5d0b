package io.baton.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CampaignParserPropertiesTest {

    private static final String TORCH = CampaignFixtures.olympicTorch();
    private static final Map<String, byte[]> FILES = Map.of("torch.jpg", CampaignFixtures.torchJpg());

    /** Serves torch.jpg from memory and nothing else, like a campaign directory holding one file. */
    private static final CampaignParser.FileSource IN_MEMORY = rel -> {
        byte[] data = FILES.get(rel);
        if (data == null) {
            throw new NoSuchFileException(rel);
        }
        return data;
    };

    @Property(tries = 1000)
    void arbitraryTextIsAcceptedOrRefusedWithErrors(@ForAll String text) {
        assertParsesOrListsErrors(text, null);
    }

    @Property(tries = 1000)
    void yamlLikeTextIsAcceptedOrRefusedWithErrors(@ForAll("yamlLike") String text) {
        assertParsesOrListsErrors(text, IN_MEMORY);
    }

    @Property(tries = 1000)
    void mutationsOfTheTorchCampaignAreAcceptedOrRefusedWithErrors(@ForAll("mutatedTorch") String yaml) {
        assertParsesOrListsErrors(yaml, IN_MEMORY);
    }

    @Property(tries = 1000)
    void mutationsOfAnApiDocumentAreAcceptedOrRefusedWithErrors(@ForAll("mutatedMinimal") String yaml) {
        assertParsesOrListsErrors(yaml, null);
    }

    @Property
    void removingARequiredTopLevelFieldIsAlwaysReported(@ForAll("requiredKeys") String key) {
        StringBuilder yaml = new StringBuilder();
        boolean inRemoved = false;
        for (String line : CampaignFixtures.MINIMAL.split("\n")) {
            boolean nested = line.startsWith(" ");
            inRemoved = line.startsWith(key + ":") || (inRemoved && nested);
            if (!inRemoved) {
                yaml.append(line).append('\n');
            }
        }
        try {
            CampaignParser.parse(yaml.toString(), null);
        } catch (InvalidCampaignException e) {
            assertThat(e.errors()).extracting(CampaignError::path, CampaignError::message)
                    .containsExactly(org.assertj.core.api.Assertions.tuple(key, "is required"));
            return;
        }
        throw new AssertionError("accepted without " + key);
    }

    private static void assertParsesOrListsErrors(String yaml, CampaignParser.FileSource files) {
        Campaign c;
        try {
            c = CampaignParser.parse(yaml, files);
        } catch (InvalidCampaignException e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.errors()).allSatisfy(err -> {
                assertThat(err.path()).isNotBlank();
                assertThat(err.line()).isPositive();
                assertThat(err.message()).isNotBlank();
            });
            return;
        }
        assertThat(c).isNotNull();
        assertThat(c.id()).matches("[a-z0-9][a-z0-9-]{0,63}");
        assertThat(c.timezone()).isNotNull();
        assertThat(c.ends()).isAfter(c.starts());
        assertThat(c.seed().parts()).isNotEmpty();
        assertThat(c.notices().serial()).contains("{serial}");
    }

    @Provide
    Arbitrary<String> requiredKeys() {
        return Arbitraries.of("id", "name", "starts", "ends", "shortCode", "seed", "serial", "notices");
    }

    @Provide
    Arbitrary<String> yamlLike() {
        Arbitrary<String> token = Arbitraries.of("id", "seed", "parts", "regions", "crediting", "notices", ":", ": ",
                "- ", "\n", "\n  ", "\n    ", "[", "]", "{", "}", ",", "\"", "'", "&a ", "*a", "!!binary ", "~",
                "null", "---\n", "#", "file: torch.jpg", "data: QQ=A", "text: x", "contentType: text/plain",
                "2008-01-10T00:00:00+08:00", "PT24H", "<<: ", "? ", "|\n", "\t", "\u0000", "\uFEFF", "火炬");
        return token.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> mutatedTorch() {
        return mutationsOf(TORCH);
    }

    @Provide
    Arbitrary<String> mutatedMinimal() {
        return mutationsOf(CampaignFixtures.MINIMAL);
    }

    private static Arbitrary<String> mutationsOf(String document) {
        List<String> lines = List.of(document.split("\n", -1));
        Arbitrary<Mutation> one = Arbitraries.oneOf(
                Arbitraries.integers().between(0, lines.size() - 1).map(i -> l -> remove(l, i)),
                Arbitraries.integers().between(0, lines.size() - 1).map(i -> l -> duplicate(l, i)),
                Combinators.combine(Arbitraries.integers().between(0, lines.size() - 1),
                        Arbitraries.integers().between(0, lines.size() - 1)).as((i, j) -> l -> swap(l, i, j)),
                Combinators.combine(Arbitraries.integers().between(0, lines.size() - 1),
                        Arbitraries.integers().between(0, 80), Arbitraries.strings().ofMaxLength(4))
                        .as((i, at, s) -> l -> insert(l, i, at, s)),
                Combinators.combine(Arbitraries.integers().between(0, lines.size() - 1),
                        Arbitraries.integers().between(0, 80), Arbitraries.integers().between(1, 6))
                        .as((i, at, n) -> l -> cut(l, i, at, n)),
                Arbitraries.integers().between(0, lines.size() - 1).map(i -> l -> indent(l, i)));
        return one.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
            List<String> l = new ArrayList<>(lines);
            for (Mutation m : ms) {
                m.apply(l);
            }
            return String.join("\n", l);
        });
    }

    private interface Mutation {
        void apply(List<String> lines);
    }

    private static int clamp(List<String> l, int i) {
        return Math.min(i, l.size() - 1);
    }

    private static void remove(List<String> l, int i) {
        if (l.size() > 1) {
            l.remove(clamp(l, i));
        }
    }

    private static void duplicate(List<String> l, int i) {
        l.add(clamp(l, i), l.get(clamp(l, i)));
    }

    private static void swap(List<String> l, int i, int j) {
        String a = l.get(clamp(l, i));
        l.set(clamp(l, i), l.get(clamp(l, j)));
        l.set(clamp(l, j), a);
    }

    private static void insert(List<String> l, int i, int at, String s) {
        String line = l.get(clamp(l, i));
        int p = Math.min(at, line.length());
        l.set(clamp(l, i), line.substring(0, p) + s + line.substring(p));
    }

    private static void cut(List<String> l, int i, int at, int n) {
        String line = l.get(clamp(l, i));
        int p = Math.min(at, line.length());
        l.set(clamp(l, i), line.substring(0, p) + line.substring(Math.min(line.length(), p + n)));
    }

    private static void indent(List<String> l, int i) {
        l.set(clamp(l, i), "  " + l.get(clamp(l, i)));
    }
}
