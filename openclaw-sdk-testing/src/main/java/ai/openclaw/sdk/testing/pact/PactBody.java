package ai.openclaw.sdk.testing.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A body (or header, query or path value) as the consumer wrote it, with matchers, turned into its example and the
 * Pact matching rules by path: {@code {"$.id": {"combine": "AND", "matchers": [{"match": "regex", ...}]}}}.
 */
record PactBody(JsonNode example, Map<String, ObjectNode> rules) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static PactBody of(@Nullable Object value, ObjectMapper json) {
        Map<String, ObjectNode> rules = new LinkedHashMap<>();
        JsonNode example = walk(value, PactPath.ROOT, rules, json);
        return new PactBody(example, rules);
    }

    /** The rules as the {@code body} part of a pact's {@code matchingRules}. */
    ObjectNode rulesNode() {
        ObjectNode out = NODES.objectNode();
        rules.forEach(out::set);
        return out;
    }

    private static void addRule(Map<String, ObjectNode> rules, PactPath path, ObjectNode rule) {
        ObjectNode entry = rules.computeIfAbsent(path.toString(), k -> {
            ObjectNode e = NODES.objectNode();
            e.put("combine", "AND");
            e.putArray("matchers");
            return e;
        });
        ((ArrayNode) entry.get("matchers")).add(rule.deepCopy());
    }

    private static JsonNode walk(
            @Nullable Object value, PactPath path, Map<String, ObjectNode> rules, ObjectMapper json) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof PactMatcher m) {
            return matcher(m, path, rules, json);
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), walk(v, path.key(String.valueOf(k)), rules, json)));
            return object;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = NODES.arrayNode();
            int i = 0;
            for (Object v : list) {
                array.add(walk(v, path.index(i++), rules, json));
            }
            return array;
        }
        if (value instanceof Object[] items) {
            return walk(java.util.Arrays.asList(items), path, rules, json);
        }
        return json.valueToTree(value);
    }

    private static JsonNode matcher(PactMatcher m, PactPath path, Map<String, ObjectNode> rules, ObjectMapper json) {
        switch (m.shape) {
            case VALUE -> {
                addRule(rules, path, java.util.Objects.requireNonNull(m.rule));
                return walk(m.example, path, rules, json);
            }
            case EACH_LIKE -> {
                ObjectNode rule = NODES.objectNode().put("match", "type");
                if (m.min > 0) {
                    rule.put("min", m.min);
                }
                if (m.max >= 0) {
                    rule.put("max", m.max);
                }
                addRule(rules, path, rule);
                JsonNode element = walk(m.example, path.anyIndex(), rules, json);
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < Math.max(1, m.min); i++) {
                    array.add(element.deepCopy());
                }
                return array;
            }
            case ARRAY_CONTAINS -> {
                ArrayNode array = NODES.arrayNode();
                ArrayNode variants = NODES.arrayNode();
                for (int i = 0; i < m.variants.size(); i++) {
                    PactBody variant = of(m.variants.get(i), json);
                    array.add(variant.example);
                    ObjectNode v = variants.addObject();
                    v.put("index", i);
                    v.set("rules", variant.rulesNode());
                    v.putObject("generators");
                }
                ObjectNode rule = NODES.objectNode().put("match", "arrayContains");
                rule.set("variants", variants);
                addRule(rules, path, rule);
                return array;
            }
            case EACH_KEY, EACH_VALUE -> {
                ObjectNode rule = NODES.objectNode()
                        .put("match", m.shape == PactMatcher.Shape.EACH_KEY ? "eachKey" : "eachValue");
                rule.putArray("rules")
                        .add(java.util.Objects.requireNonNull(java.util.Objects.requireNonNull(m.inner).rule)
                                .deepCopy());
                addRule(rules, path, rule);
                return walk(m.example, path, new LinkedHashMap<>(), json); // the example's own values: no rules
            }
            default -> throw new IllegalStateException("unknown matcher shape " + m.shape);
        }
    }
}
