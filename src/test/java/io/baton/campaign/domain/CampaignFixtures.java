package io.baton.campaign.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Campaign documents shared by the parser tests. */
final class CampaignFixtures {

    static final Path CAMPAIGNS = Path.of("campaigns");

    /** Reads {@code file:} parts from the project's campaigns directory (tests run from the project root). */
    static final CampaignParser.FileSource CAMPAIGN_FILES = rel -> Files.readAllBytes(CAMPAIGNS.resolve(rel));

    /**
     * A small valid document with inline content, accepted through the API. Line numbers:
     * 1 id, 2 name, 3 starts, 4 ends, 5 shortCode, 6 seed, 7 parts, 8-9 the part, 10 serial,
     * 11 prefix, 12 notices, 13 notices.serial.
     */
    static final String MINIMAL = """
            id: spring-2009
            name: Spring Relay
            starts: 2009-01-01T00:00:00+08:00
            ends: 2009-02-01T00:00:00+08:00
            shortCode: "10658001"
            seed:
              parts:
                - contentType: text/plain
                  text: "the spring relay seed text"
            serial:
              prefix: S09
            notices:
              serial: "Your serial is {serial}"
            """;

    private CampaignFixtures() {
    }

    static String olympicTorch() {
        try {
            return Files.readString(CAMPAIGNS.resolve("olympic-torch-2008.yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("tests must run from the project root", e);
        }
    }

    static byte[] torchJpg() {
        try {
            return Files.readAllBytes(CAMPAIGNS.resolve("torch.jpg"));
        } catch (IOException e) {
            throw new IllegalStateException("tests must run from the project root", e);
        }
    }

    /** MINIMAL with one line replaced (1-based). */
    static String minimalWithLine(int line, String replacement) {
        String[] lines = MINIMAL.split("\n", -1);
        lines[line - 1] = replacement;
        return String.join("\n", lines);
    }
}
