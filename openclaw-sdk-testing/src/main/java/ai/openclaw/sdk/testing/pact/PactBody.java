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
record PactBody(JsonNode example, Map<String, ObjectNode> rules, Map<String, ObjectNode> generators) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static PactBody of(@Nullable Object value, ObjectMapper json) {
        Map<String, ObjectNode> rules = new LinkedHashMap<>();
        Map<String, ObjectNode> generators = new LinkedHashMap<>();
        JsonNode example = walk(value, PactPath.ROOT, rules, generators, json);
        return new PactBody(example, rules, generators);
    }

    /** The rules as the {@code body} part of a pact's {@code matchingRules}. */
    ObjectNode rulesNode() {
        ObjectNode out = NODES.objectNode();
        rules.forEach(out::set);
        return out;
    }

    /** The generators as the {@code body} part of a pact's {@code generators}. */
    ObjectNode generatorsNode() {
        ObjectNode out = NODES.objectNode();
        generators.forEach((path, g) -> out.set(path, g.deepCopy()));
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
            @Nullable Object value,
            PactPath path,
            Map<String, ObjectNode> rules,
            Map<String, ObjectNode> generators,
            ObjectMapper json) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof PactMatcher m) {
            return matcher(m, path, rules, generators, json);
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) ->
                    object.set(String.valueOf(k), walk(v, path.key(String.valueOf(k)), rules, generators, json)));
            return object;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = NODES.arrayNode();
            int i = 0;
            for (Object v : list) {
                array.add(walk(v, path.index(i++), rules, generators, json));
            }
            return array;
        }
        if (value instanceof Object[] items) {
            return walk(java.util.Arrays.asList(items), path, rules, generators, json);
        }
        return json.valueToTree(value);
    }

    private static JsonNode matcher(
            PactMatcher m,
            PactPath path,
            Map<String, ObjectNode> rules,
            Map<String, ObjectNode> generators,
            ObjectMapper json) {
        if (m.generator != null) {
            generators.put(path.toString(), m.generator);
        }
        switch (m.shape) {
            case VALUE -> {
                addRule(rules, path, java.util.Objects.requireNonNull(m.rule));
                if (m.rule.path("match").asText().equals("values") && m.example instanceof Map<?, ?> map) {
                    // keys do not matter: the values' own rules are written for any key ($.prices.*)
                    ObjectNode object = NODES.objectNode();
                    map.forEach(
                            (k, v) -> object.set(String.valueOf(k), walk(v, path.anyKey(), rules, generators, json)));
                    return object;
                }
                return walk(m.example, path, rules, generators, json);
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
                JsonNode element = walk(m.example, path.anyIndex(), rules, generators, json);
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
                    v.set("generators", variant.generatorsNode());
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
                return walk(
                        m.example,
                        path,
                        new LinkedHashMap<>(),
                        new LinkedHashMap<>(),
                        json); // the example's own values: no rules
            }
            default -> throw new IllegalStateException("unknown matcher shape " + m.shape);
        }
    }
}
