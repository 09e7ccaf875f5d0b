package io.baton.e2e;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static io.baton.support.EventFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.baton.recognition.domain.image.Dihedral;
import io.baton.recognition.domain.image.ImageVariants;
import io.baton.recognition.domain.tag.JpegMetadata;
import io.baton.recognition.domain.tag.SeedTagging;
import io.baton.support.Api;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The relay again, but every forward went through a handset or MMSC that changed it the way
 * about one in ten did in 2008: the tag and text lost, the picture recompressed, shrunk, rotated,
 * cropped, turned into a GIF, its metadata rewritten. Each is still credited, with the evidence
 * a campaign manager sees; an unrelated picture is not.
 */
@QuarkusTest
class ModifiedForwardsTest {

    static final String CAMPAIGN = "lantern-relay";
    static final String A = "8615200000001";
    static final String B = "8615200000002";
    static final String C = "8615200000003";
    static final String D = "8615200000004";
    static final String E = "8615200000005";
    static final String F = "8615200000006";
    static final String G = "8615200000007";
    static final String H = "8615200000008";
    static final String X = "8615200000009";

    /** Where the logo lands: this placement puts the forward 62 bits from the seed, so only the blocks can match it. */
    static final long LOGO_PLACEMENT = 2;

    /** The campaign's seed picture: our own drawing of lanterns on a night gradient. */
    static BufferedImage lanterns() {
        Random r = new Random(2008);
        BufferedImage img = new BufferedImage(480, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(10, 20, 70), 0, 360, new Color(120, 30, 40)));
        g.fillRect(0, 0, 480, 360);
        for (int i = 0; i < 18; i++) {
            int x = r.nextInt(440);
            int y = r.nextInt(300);
            int s = 20 + r.nextInt(50);
            g.setColor(new Color(230, 60 + r.nextInt(120), 20));
            g.fillOval(x, y, s, (int) (s * 1.3));
            g.setColor(new Color(250, 220, 90));
            g.fillRect(x + s / 2 - 2, y - 8, 4, 8);
        }
        g.dispose();
        return img;
    }

    static String yaml(byte[] seedJpeg) {
        return """
                id: %s
                name: Lantern relay
                timezone: Asia/Shanghai
                starts: 2008-01-01T00:00:00+08:00
                ends: 2008-12-31T00:00:00+08:00
                shortCode: "10658152"
                seed:
                  subject: 元宵灯笼接力
                  tag: "#灯笼接力#"
                  parts:
                    - contentType: image/jpeg
                      data: %s
                    - contentType: text/plain; charset=utf-8
                      text: "元宵节快乐！把这盏灯笼传给你的朋友，每传一次就多一次抽奖机会。"
                regions:
                  - name: Lantern City
                    prefixes: ["861520"]
                serial:
                  prefix: "L08"
                notices:
                  serial: "灯笼序号{serial}"
                """.formatted(CAMPAIGN, Base64.getEncoder().encodeToString(seedJpeg));
    }

    @Test
    void creditsForwardsThatHandsetsChangedAndShowsWhy() {
        BufferedImage seedPicture = lanterns();
        byte[] seedJpeg = ImageVariants.jpeg(seedPicture, 0.9f);
        Api.putCampaign(CAMPAIGN, yaml(seedJpeg)).statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        byte[] sentJpeg = JpegMetadata.withTag(seedJpeg, SeedTagging.machineTag(CAMPAIGN));

        String at = "2008-02-21T12:00:00+08:00";
        String later = "2008-02-21T12:00:09+08:00";
        List<Map<String, Object>> events = new ArrayList<>();
        // A→B: the MMSC shrank the picture to 160×120 and recompressed it hard; the text is gone
        forward(events, "lf-1", A, B, List.of(part("image/jpeg",
                ImageVariants.jpeg(ImageVariants.fit(seedPicture, 160, 120), 0.35f))), at, later);
        // B→C: the handset rotated the picture a quarter turn
        forward(events, "lf-2", B, C, List.of(part("image/jpeg",
                ImageVariants.jpeg(ImageVariants.transform(seedPicture, Dihedral.ROTATE_90), 0.7f))), at, later);
        // C→D: cropped (12% off the left, 6% off the top) and sent as a GIF
        forward(events, "lf-3", C, D, List.of(part("image/gif",
                ImageVariants.gif(ImageVariants.crop(seedPicture, 0.12, 0.06, 0, 0)))), at, later);
        // D→E: the handset rewrote the file's header (bytes differ) but kept its comment: the tag survives
        byte[] rewritten = sentJpeg.clone();
        rewritten[rewritten.length - 3] ^= 0x01; // one byte of the scan changed: not identical any more
        forward(events, "lf-4", D, E, List.of(part("image/jpeg", rewritten)), at, later);
        // E→F: text only, in traditional characters, behind a forwarding prefix and above a signature
        forward(events, "lf-5", E, F, List.of(text("轉發：元宵節快樂！把這盞燈籠傳給你的朋友，每傳一次就多一次抽獎機會。\n—— 來自我的諾基亞")),
                at, later);
        // F→A: the MMSC logged the binary m-send-req: a 320×240 recompressed picture inside
        Map<String, Object> pdu = submit("nj-1", "lf-6", F, A, at, List.of());
        pdu.remove("parts");
        pdu.put("pdu", Base64.getEncoder().encodeToString(sendReq(
                ImageVariants.jpeg(ImageVariants.fit(seedPicture, 320, 240), 0.5f))));
        events.add(pdu);
        events.add(delivery("nj-1", "lf-6", A, "retrieved", later));
        // G→H: the handset stamped its logo over a tenth of the picture (PDQ moves beyond 31; the blocks agree)
        forward(events, "lf-7", G, H, List.of(part("image/jpeg", ImageVariants.jpeg(
                ImageVariants.logo(seedPicture, 0.10, new Random(LOGO_PLACEMENT)), 0.8f))), at, later);
        // A→X: an unrelated picture with an unrelated text earns nothing
        forward(events, "lf-9", A, X, List.of(part("image/jpeg", ImageVariants.jpeg(other(), 0.8f)),
                text("hello from the office")), at, later);
        Api.postEvents(events).statusCode(202).body("accepted", equalTo(events.size()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String sender : List.of(A, B, C, D, E, F, G)) {
                assertThat(Api.serials(CAMPAIGN, sender)).as("serials of %s", sender).hasSize(1);
            }
        });
        assertThat(Api.serials(CAMPAIGN, A)).singleElement().satisfies(s -> assertThat(s).containsEntry("recipient", B));
        assertThat(evidence(recognitions(E).get(0))).extracting(e -> e.get("signal")).containsExactly("TEXT");

        List<Map<String, Object>> whyA = recognitions(A);
        assertThat(whyA).extracting(r -> r.get("messageId")).containsExactly("lf-1");
        assertThat(whyA.get(0)).containsEntry("recognised", true);
        assertThat(evidence(whyA.get(0))).anySatisfy(e -> {
            assertThat(e).containsEntry("signal", "IMAGE").containsEntry("decisive", true);
            assertThat((String) e.get("detail")).contains("PDQ distance");
        });
        assertThat(recipients(whyA.get(0))).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("recipient", B).containsEntry("outcome", "credited"));
        assertThat(evidence(recognitions(C).get(0))).anySatisfy(e -> assertThat((String) e.get("detail"))
                .contains("aligned crop"));
        assertThat(evidence(recognitions(D).get(0))).extracting(e -> e.get("signal")).contains("TAG");
        assertThat(evidence(recognitions(G).get(0))).anySatisfy(e -> assertThat((String) e.get("detail"))
                .contains("blocks agree").contains("an overlay"));
    }

    /** An m-send-req as a handset sends it: the MMSC fills in the sender. */
    private static byte[] sendReq(byte[] jpeg) {
        io.baton.mms.MmsBody body = io.baton.mms.MmsBody.multipart(
                io.baton.mms.MmsContentType.of("application/vnd.wap.multipart.related"), List.of(io.baton.mms.MmsPart
                        .of(io.baton.mms.MmsContentType.of("image/jpeg"), "<p1>", "lantern.jpg", jpeg)));
        return new io.baton.mms.MmsPduEncoder().encode(new io.baton.mms.MmsSendReq("t-6", "1.2", null,
                io.baton.mms.MmsPdu.INSERT_ADDRESS_TOKEN, List.of(A + "/TYPE=PLMN"), List.of(), List.of(),
                io.baton.mms.MmsEncodedString.of("Fwd"), null, null, null, null, null, null, null, body, null));
    }

    private static void forward(List<Map<String, Object>> events, String id, String from, String to,
            List<Map<String, Object>> parts, String at, String deliveredAt) {
        events.add(submit("nj-1", id, from, to, at, parts));
        events.add(delivery("nj-1", id, to, "retrieved", deliveredAt));
    }

    private static BufferedImage other() {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.WHITE, 400, 0, new Color(30, 140, 60)));
        g.fillRect(0, 0, 400, 300);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(60, 80, 120, 160);
        g.dispose();
        return img;
    }

    private static List<Map<String, Object>> recognitions(String msisdn) {
        return Api.admin().queryParam("msisdn", msisdn).get("/api/v1/campaigns/" + CAMPAIGN + "/recognitions").then()
                .statusCode(200).extract().jsonPath().getList("");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> evidence(Map<String, Object> recognition) {
        return (List<Map<String, Object>>) recognition.get("evidence");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> recipients(Map<String, Object> recognition) {
        return (List<Map<String, Object>>) recognition.get("recipients");
    }
}
