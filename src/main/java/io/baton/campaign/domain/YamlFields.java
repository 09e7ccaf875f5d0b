package io.baton.campaign.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fields of one YAML mapping, tracking which were read so that the rest can be refused, and
 * adding every error (field path, line, what is wrong) to a list shared by a whole document.
 */
final class YamlFields {
    private final List<CampaignError> errors;
    private final String path;
    private final MappingNode node;
    private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

YamlFields(List<CampaignError> errors, String path, MappingNode node) {
    this.errors = errors;
        this.path = path;
        this.node = node;
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                errors.add(new CampaignError(path.isEmpty() ? "$" : path, line(t.getKeyNode()), "keys must be plain names"));
                continue;
            }
            if (byKey.put(k.getValue(), t) != null) {
                errors.add(new CampaignError(at(k.getValue()), line(k), "appears twice"));
            }
        }
    }

    String at(String key) {
        if (key.isEmpty()) {
            return path.isEmpty() ? "$" : path;
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    void errorAt(String key, Node value, String message) {
        errors.add(new CampaignError(at(key), line(value), message));
    }

    void error(String key, String message) {
        NodeTuple t = byKey.get(key);
        int line = t == null ? line(node) : line(t.getValueNode());
        errors.add(new CampaignError(at(key), line, message));
    }

    private Node value(String key, boolean required) {
        read.add(key);
        NodeTuple t = byKey.get(key);
        if (t == null || isNull(t.getValueNode())) {
            if (required) {
                errors.add(new CampaignError(at(key), line(node), "is required"));
            }
            return null;
        }
        return t.getValueNode();
    }

    private boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
    }

    String string(String key, boolean required, Pattern pattern, String expected) {
        Node v = value(key, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof ScalarNode s)) {
            errorAt(key, v, "must be a text value");
            return null;
        }
        String text = s.getValue();
        if (pattern != null && !pattern.matcher(text).matches()) {
            errorAt(key, v, "\"" + abbreviate(text) + "\" is not valid: " + expected);
            return null;
        }
        if (required && text.isBlank()) {
            errorAt(key, v, "must not be empty");
            return null;
        }
        return text;
    }

    /** A text value read by {@code parse}; a value it refuses is an error saying what was expected. */
    <T> T parsed(String key, boolean required, Function<String, T> parse, String expected) {
        String s = string(key, required, null, null);
        if (s == null) {
            return null;
        }
        try {
            return parse.apply(s.strip());
        } catch (RuntimeException e) {
            error(key, expected + ", is \"" + abbreviate(s) + "\"");
            return null;
        }
    }

    Integer integer(String key, int min, int max) {
        Long n = whole(key, false, min, max);
        return n == null ? null : n.intValue();
    }

    Long whole(String key, boolean required, long min, long max) {
        Long n = parsed(key, required, Long::valueOf, "must be a whole number");
        if (n != null && (n < min || n > max)) {
            error(key, "must be between " + min + " and " + max + ", is " + n);
            return null;
        }
        return n;
    }

    Double decimal(String key, double min, double max) {
        Double n = parsed(key, false, Double::valueOf, "must be a number");
        if (n != null && (n.isNaN() || n < min || n > max)) {
            error(key, "must be between " + min + " and " + max + ", is " + n);
            return null;
        }
        return n;
    }

    Duration duration(String key) {
        Duration d = parsed(key, false, Duration::parse, "must be an ISO-8601 duration such as PT24H");
        if (d != null && (d.isNegative() || d.isZero())) {
            error(key, "must be positive");
            return null;
        }
        return d;
    }

    /** The campaign's zone; UTC when the field is absent or empty. */
    ZoneId zone(String key) {
        int before = errors.size();
        ZoneId z = parsed(key, false, ZoneId::of, "unknown time zone (use a region id such as Asia/Shanghai)");
        return z != null || errors.size() > before ? z : ZoneId.of("UTC");
    }

    OffsetDateTime time(String key) {
        return parsed(key, true, OffsetDateTime::parse,
                "must be a date-time with offset such as 2008-01-10T00:00:00+08:00");
    }

    Boolean bool(String key) {
        return parsed(key, false, v -> switch (v) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(v);
        }, "must be true or false");
    }

    /** Whether the key holds a mapping (rather than a text value, a list or nothing). */
    boolean isMapping(String key) {
        NodeTuple t = byKey.get(key);
        return t != null && t.getValueNode() instanceof MappingNode;
    }

    /** Every key of this mapping, in document order; each counts as read. */
    List<String> keys() {
        read.addAll(byKey.keySet());
        return List.copyOf(byKey.keySet());
    }

    Optional<YamlFields> map(String key, boolean required) {
        Node v = value(key, required);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof MappingNode m)) {
            errorAt(key, v, "must be a mapping");
            return Optional.empty();
        }
        return Optional.of(new YamlFields(errors, at(key), m));
    }

    List<YamlFields> listOfMaps(String key, boolean required) {
        Node v = value(key, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof SequenceNode seq)) {
            errorAt(key, v, "must be a list");
            return null;
        }
        List<YamlFields> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String p = at(key) + "[" + i + "]";
            if (item instanceof MappingNode m) {
                out.add(new YamlFields(errors, p, m));
            } else {
                errors.add(new CampaignError(p, line(item), "must be a mapping"));
            }
        }
        return out;
    }

    List<String> strings(String key, boolean required, Pattern pattern, String expected) {
        Node v = value(key, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof SequenceNode seq)) {
            errorAt(key, v, "must be a list");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            String p = at(key) + "[" + i + "]";
            if (!(item instanceof ScalarNode s)) {
                errors.add(new CampaignError(p, line(item), "must be a text value"));
            } else if (pattern != null && !pattern.matcher(s.getValue()).matches()) {
                errors.add(new CampaignError(p, line(item), "\"" + abbreviate(s.getValue()) + "\" is not valid: " + expected));
            } else {
                out.add(s.getValue());
            }
        }
        return out;
    }

    void rejectUnknown() {
        for (Map.Entry<String, NodeTuple> e : byKey.entrySet()) {
            if (!read.contains(e.getKey())) {
                errors.add(new CampaignError(at(e.getKey()), line(e.getValue().getKeyNode()), "unknown field"));
            }
        }
    }

    static int line(Node n) {
        return n == null || n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
