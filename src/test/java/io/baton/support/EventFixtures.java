package io.baton.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builders of ingest events (contract 3.2) and of campaigns with content of their own. */
public final class EventFixtures {

    private EventFixtures() {
    }

    public static Map<String, Object> part(String contentType, byte[] data) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("contentType", contentType);
        p.put("data", Base64.getEncoder().encodeToString(data));
        return p;
    }

    public static Map<String, Object> text(String text) {
        return part("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, Object> submit(String mmsc, String messageId, String from, String to, String at,
            List<Map<String, Object>> parts) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "submit");
        e.put("mmsc", mmsc);
        e.put("messageId", messageId);
        e.put("from", from);
        e.put("to", List.of(to));
        e.put("at", at);
        e.put("subject", "Fwd: torch");
        e.put("parts", new ArrayList<>(parts));
        return e;
    }

    public static Map<String, Object> delivery(String mmsc, String messageId, String to, String status, String at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "delivery");
        e.put("mmsc", mmsc);
        e.put("messageId", messageId);
        e.put("to", to);
        e.put("status", status);
        e.put("at", at);
        return e;
    }

    /** Random bytes standing in for an image that belongs to one test campaign only. */
    public static byte[] image(long seed) {
        byte[] b = new byte[2048];
        new SeededRandom(seed).nextBytes(b);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        return b;
    }

    /** A running-in-2008 campaign whose seed is {@code image}; regions A (86150) and B (86151). */
    public static String campaignYaml(String id, String shortCode, byte[] image, String tag) {
        return """
                id: %s
                name: Test %s
                timezone: Asia/Shanghai
                starts: 2008-01-01T00:00:00+08:00
                ends: 2008-12-31T00:00:00+08:00
                shortCode: "%s"
                seed:
                  subject: test
                  tag: "%s"
                  parts:
                    - contentType: image/jpeg
                      data: %s
                  requestKeywords: ["%s"]
                regions:
                  - name: A
                    prefixes: ["86150"]
                  - name: B
                    prefixes: ["86151"]
                crediting:
                  maxCreditsPerPair: 1
                  maxCreditsPerSenderPerDay: 50
                serial:
                  prefix: "X%s"
                notices:
                  serial: "serial {serial}"
                """.formatted(id, id, shortCode, tag, Base64.getEncoder().encodeToString(image), id,
                shortCode.substring(shortCode.length() - 3));
    }
}
