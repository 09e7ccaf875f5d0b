package io.baton.campaign.domain;

import static io.baton.campaign.domain.CampaignFixtures.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PrizeRulesParserTest {

    /** MINIMAL with two regions, then a prizes: section (from line 18 on). */
    private static final String BASE = MINIMAL + """
            regions:
              - {name: Nanjing, prefixes: ["8613905"]}
              - {name: Suzhou, prefixes: ["8613906"]}
            """;

    /** ARCHITECTURE 3.6's example. */
    static final String EXAMPLE = """
            prizes:
              budget: 120000
              currency: CNY
              maxPrizesPerSubscriber: 2
              tiers:
                - {id: laptop,   name: "笔记本电脑", unitCost: 6000, quantity: 5}
                - {id: topup-50, name: "50元话费",   unitCost: 50,   quantity: 1200}
                - {id: topup-10, name: "10元话费",   unitCost: 10,   quantity: 3000}
              instant:
                - {tier: topup-50, pacing: even, regions: byParticipants}
              milestones:
                - {everyNthForward: 10, tier: topup-10}
              draws:
                - {id: week-1, tier: laptop, winners: 2, alternates: 3, cutoff: 2009-01-08T00:00:00+08:00}
              claim: {keyword: "LJ", deadline: P14D}
              review: {holdHours: 48}
            """;

    private static List<CampaignError> errors(String prizes) {
        InvalidCampaignException e = catchThrowableOfType(InvalidCampaignException.class,
                () -> CampaignParser.parse(BASE + prizes, null));
        assertThat(e).as("the document was accepted").isNotNull();
        return e.errors();
    }

    @Test
    void readsTheContractsExample() {
        PrizeRules p = CampaignParser.parse(BASE + EXAMPLE, null).prizes().orElseThrow();
        assertThat(p.budget()).isEqualTo(120_000);
        assertThat(p.currency()).isEqualTo("CNY");
        assertThat(p.maxPrizesPerSubscriber()).isEqualTo(2);
        assertThat(p.tiers()).extracting(PrizeRules.Tier::id, PrizeRules.Tier::unitCost, PrizeRules.Tier::quantity)
                .containsExactly(tuple("laptop", 6000L, 5), tuple("topup-50", 50L, 1200), tuple("topup-10", 10L, 3000));
        assertThat(p.catalogueCost()).isEqualTo(30_000 + 60_000 + 30_000);
        assertThat(p.instant()).containsExactly(new PrizeRules.InstantRule("topup-50", PrizeRules.Pacing.EVEN,
                new PrizeRules.RegionSplit(true, Map.of())));
        assertThat(p.milestones()).containsExactly(new PrizeRules.Milestone(10, false, "topup-10"));
        assertThat(p.draws()).containsExactly(new PrizeRules.Draw("week-1", "laptop", 2, 3,
                OffsetDateTime.parse("2009-01-08T00:00:00+08:00")));
        assertThat(p.claim()).isEqualTo(new PrizeRules.Claim("LJ", Duration.ofDays(14)));
        assertThat(p.review().hold()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void aCampaignWithoutPrizesHasNone() {
        assertThat(CampaignParser.parse(BASE, null).prizes()).isEmpty();
    }

    @Test
    void aCatalogueThatCanExceedItsBudgetIsRefusedNamingTheBudget() {
        assertThat(errors(EXAMPLE.replace("budget: 120000", "budget: 119999")))
                .extracting(CampaignError::path, CampaignError::message)
                .containsExactly(tuple("prizes.budget", "the tiers' quantities at their unit costs come to 120000, more "
                        + "than the budget 119999: lower a quantity or raise the budget"));
    }

    @Test
    void anUnknownTierIsRefusedWhereItIsNamed() {
        List<CampaignError> e = errors(EXAMPLE.replace("{tier: topup-50, pacing", "{tier: topup-5, pacing")
                .replace("tier: laptop, winners", "tier: phone, winners"));
        assertThat(e).extracting(CampaignError::path).containsExactly("prizes.instant[0].tier", "prizes.draws[0].tier");
        assertThat(e.get(0).message()).startsWith("unknown tier topup-5");
        assertThat(e.get(0).line()).isEqualTo(BASE.split("\n").length + 10);
    }

    @Test
    void aDrawCutoffOutsideTheCampaignIsRefused() {
        assertThat(errors(EXAMPLE.replace("cutoff: 2009-01-08", "cutoff: 2009-03-08")))
                .extracting(CampaignError::path).containsExactly("prizes.draws[0].cutoff");
        assertThat(errors(EXAMPLE.replace("cutoff: 2009-01-08T00:00:00+08:00", "cutoff: 2009-01-01T00:00:00+08:00")))
                .extracting(CampaignError::path).containsExactly("prizes.draws[0].cutoff");
    }

    @Test
    void drawsMayNotGiveMoreThanTheTiersQuantity() {
        assertThat(errors(EXAMPLE.replace("winners: 2, alternates", "winners: 6, alternates")))
                .extracting(CampaignError::path, CampaignError::message)
                .containsExactly(tuple("prizes.draws[0].winners", "the draws of tier laptop give 6 prizes, more than its "
                        + "quantity 5"));
    }

    @Test
    void regionSharesNameTheCampaignsRegionsAndAddUpToOne() {
        assertThat(CampaignParser.parse(BASE + EXAMPLE.replace("regions: byParticipants",
                "regions: {Nanjing: 0.6, Suzhou: 0.3, Other: 0.1}"), null).prizes().orElseThrow().instant().get(0)
                .regions().shares()).containsEntry("Nanjing", 0.6).hasSize(3);
        assertThat(errors(EXAMPLE.replace("regions: byParticipants", "regions: {Nanjing: 0.6, Wuxi: 0.4}")))
                .extracting(CampaignError::path).contains("prizes.instant[0].regions.Wuxi");
        assertThat(errors(EXAMPLE.replace("regions: byParticipants", "regions: {Nanjing: 0.6, Suzhou: 0.3}")))
                .extracting(CampaignError::path, CampaignError::message)
                .containsExactly(tuple("prizes.instant[0].regions", "the shares add up to 0.8999999999999999, not 1"));
        assertThat(errors(EXAMPLE.replace("regions: byParticipants", "regions: everywhere")))
                .extracting(CampaignError::path).containsExactly("prizes.instant[0].regions");
    }

    @Test
    void aMilestoneIsEveryNthOrTheFirstForward() {
        PrizeRules p = CampaignParser.parse(BASE + EXAMPLE.replace("{everyNthForward: 10, tier: topup-10}",
                "{firstForward: true, tier: topup-10}"), null).prizes().orElseThrow();
        assertThat(p.milestones()).containsExactly(new PrizeRules.Milestone(0, true, "topup-10"));
        assertThat(errors(EXAMPLE.replace("{everyNthForward: 10, tier: topup-10}", "{tier: topup-10}")))
                .extracting(CampaignError::path).containsExactly("prizes.milestones[0]");
    }

    @Test
    void typosAndBadValuesAreRefusedEachByName() {
        assertThat(errors(EXAMPLE.replace("pacing: even", "pacing: evenly").replace("holdHours", "holdHour")
                .replace("currency: CNY", "currency: yuan")))
                .extracting(CampaignError::path)
                .containsExactlyInAnyOrder("prizes.currency", "prizes.instant[0].pacing", "prizes.review.holdHour");
    }

    @Test
    void readsTheAntiAbuseRulesAndLeavesOutWhatIsNotConfigured() {
        PrizeRules p = CampaignParser.parse(BASE + EXAMPLE + """
                  abuse:
                    block: ["8613900000*", "8613905550001"]
                    allow: ["8613800138000"]
                    velocity:
                      perSender: {max: 60, per: PT1H}
                    rings: {maxSize: 5}
                """, null).prizes().orElseThrow();
        PrizeRules.Abuse a = p.abuse();
        assertThat(a.block()).containsExactly("8613900000*", "8613905550001");
        assertThat(a.allow()).containsExactly("8613800138000");
        assertThat(a.perSender()).isEqualTo(new PrizeRules.Window(60, Duration.ofHours(1)));
        assertThat(a.perRecipient()).isNull();
        assertThat(a.rings()).isEqualTo(new PrizeRules.Rings(5, 12));
        assertThat(a.bursts()).isNull();
        assertThat(PrizeRules.Abuse.match(a.block(), "8613900000123")).isEqualTo("8613900000*");
        assertThat(PrizeRules.Abuse.match(a.block(), "8613905550001")).isEqualTo("8613905550001");
        assertThat(PrizeRules.Abuse.match(a.block(), "86139055500011")).as("a whole number is not a prefix").isNull();
        assertThat(CampaignParser.parse(BASE + EXAMPLE, null).prizes().orElseThrow().abuse())
                .isEqualTo(PrizeRules.Abuse.NONE);
    }

    @Test
    void badAntiAbuseRulesAreRefusedEachNamingItsField() {
        assertThat(errors(EXAMPLE + """
                  abuse:
                    block: ["86139*00", "8613900000*"]
                    allow: ["8613900000*"]
                    velocity:
                      perSender: {max: 60}
                      perRecipient: {max: 0, per: P1D}
                    rings: {maxSize: 1}
                    bursts: {per: soon}
                    lists: []
                """)).extracting(CampaignError::path).containsExactlyInAnyOrder("prizes.abuse.block[0]",
                "prizes.abuse.velocity.perSender.per", "prizes.abuse.velocity.perRecipient.max",
                "prizes.abuse.rings.maxSize", "prizes.abuse.bursts.per",
                "prizes.abuse.lists", "prizes.abuse.allow");
    }
}
