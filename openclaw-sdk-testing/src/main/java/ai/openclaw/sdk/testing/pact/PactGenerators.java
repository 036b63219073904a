package ai.openclaw.sdk.testing.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pact's example generators (specification V3 and V4): {@code RandomInt}, {@code RandomDecimal}, {@code
 * RandomHexadecimal}, {@code RandomString}, {@code Regex}, {@code Uuid}, {@code Date}, {@code Time}, {@code DateTime}
 * (with V4's {@code expression}), {@code RandomBoolean}, {@code ProviderState} and {@code MockServerURL}, applied to
 * the parts of a request, response or message by the {@code generators} categories of an interaction.
 *
 * <p>The consumer side (the mock provider answering, a message handed to the consumer's handler) generates everything
 * but {@code ProviderState}, which keeps its example; the provider side (the verifier building a request) generates
 * everything but {@code MockServerURL}, which keeps its example. A generator this class cannot apply keeps the example
 * too: a generator only ever replaces an example, the matching rules judge what comes back.
 */
final class PactGenerators {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern STATE_REF = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern OFFSET = Pattern.compile(
            "([+-])\\s*(\\d+)\\s*(years?|months?|weeks?|days?|hours?|minutes?|seconds?|millis(?:econds?)?)");

    /** Which side applies the generators, and with what. */
    record Context(
            boolean providerSide,
            Map<String, ?> providerState,
            @Nullable String mockServerUrl,
            Clock clock,
            RandomGenerator random) {
        static Context consumer(@Nullable String mockServerUrl) {
            return new Context(false, Map.of(), mockServerUrl, Clock.systemDefaultZone(), RandomGenerator.getDefault());
        }

        static Context provider(Map<String, ?> providerState) {
            return new Context(true, providerState, null, Clock.systemDefaultZone(), RandomGenerator.getDefault());
        }
    }

    private PactGenerators() {}

    /**
     * A copy of an interaction part ({@code request}, {@code response}) with its {@code generators} applied to body,
     * headers, query, path and status.
     */
    static ObjectNode applyToPart(JsonNode part, Context context) {
        ObjectNode out = part.deepCopy();
        JsonNode generators = part.path("generators");
        if (!generators.isObject() || generators.isEmpty()) {
            return out;
        }
        JsonNode body = generators.path("body");
        if (body.isObject() && out.path("body").has("content")) {
            ObjectNode b = (ObjectNode) out.get("body");
            b.set("content", applyToBody(b.get("content"), body, context));
        }
        for (String category : List.of("header", "query")) {
            String field = category.equals("header") ? "headers" : "query";
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            generators.path(category).fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> g = it.next();
                JsonNode values = out.path(field).get(g.getKey());
                if (values == null) {
                    continue;
                }
                ArrayNode replaced = NODES.arrayNode();
                for (JsonNode v : values.isArray() ? values : NODES.arrayNode().add(values)) {
                    replaced.add(text(generate(g.getValue(), v, context)));
                }
                ((ObjectNode) out.get(field)).set(g.getKey(), replaced);
            }
        }
        if (generators.has("path") && out.has("path")) {
            out.put("path", text(generate(generators.get("path"), out.get("path"), context)));
        }
        if (generators.has("status") && out.has("status")) {
            JsonNode status = generate(generators.get("status"), out.get("status"), context);
            if (status.canConvertToInt()) {
                out.put("status", status.asInt());
            }
        }
        return out;
    }

    /** A copy of a body with generators keyed by body path ({@code $.id}, {@code $.items[*].at}) applied. */
    static JsonNode applyToBody(JsonNode body, JsonNode generators, Context context) {
        JsonNode out = body.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = generators.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            String key = g.getKey().startsWith("$") ? g.getKey() : "$." + g.getKey();
            PactPath path;
            try {
                path = PactPath.parse(key);
            } catch (IllegalArgumentException e) {
                continue; // a path this SDK cannot read: the example stays
            }
            if (path.length() == 1) {
                out = generate(g.getValue(), out, context);
            } else {
                replace(out, path.segments(), 1, v -> generate(g.getValue(), v, context));
            }
        }
        return out;
    }

    private static void replace(JsonNode node, List<String> segments, int i, UnaryOperator<JsonNode> f) {
        String s = segments.get(i);
        boolean last = i == segments.size() - 1;
        if (node instanceof ObjectNode object && s.startsWith(".")) {
            List<String> keys = new ArrayList<>();
            if (s.equals(".*")) {
                object.fieldNames().forEachRemaining(keys::add);
            } else if (object.has(s.substring(1))) {
                keys.add(s.substring(1));
            }
            for (String k : keys) {
                if (last) {
                    object.set(k, f.apply(object.get(k)));
                } else {
                    replace(object.get(k), segments, i + 1, f);
                }
            }
        } else if (node instanceof ArrayNode array && s.startsWith("[")) {
            List<Integer> indexes = new ArrayList<>();
            if (s.equals("[*]")) {
                for (int k = 0; k < array.size(); k++) {
                    indexes.add(k);
                }
            } else {
                try {
                    int k = Integer.parseInt(s.substring(1, s.length() - 1));
                    if (k < array.size()) {
                        indexes.add(k);
                    }
                } catch (NumberFormatException e) {
                    return;
                }
            }
            for (int k : indexes) {
                if (last) {
                    array.set(k, f.apply(array.get(k)));
                } else {
                    replace(array.get(k), segments, i + 1, f);
                }
            }
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** The value one generator gives in place of {@code example}; the example itself when it does not apply. */
    static JsonNode generate(JsonNode generator, JsonNode example, Context context) {
        String type = generator.path("type").asText("");
        RandomGenerator random = context.random();
        switch (type) {
            case "RandomInt" -> {
                int min = generator.path("min").asInt(0);
                int max = generator.path("max").asInt(Integer.MAX_VALUE);
                return NODES.numberNode(min >= max ? min : random.nextLong(min, (long) max + 1));
            }
            case "RandomDecimal" -> {
                int digits = Math.max(2, generator.path("digits").asInt(10));
                StringBuilder b = new StringBuilder();
                b.append(1 + random.nextInt(9));
                for (int i = 1; i < digits - 1; i++) {
                    b.append(random.nextInt(10));
                }
                b.append(1 + random.nextInt(9));
                int point = 1 + random.nextInt(digits - 1);
                b.insert(point, '.');
                return NODES.numberNode(new BigDecimal(b.toString()));
            }
            case "RandomHexadecimal" -> {
                int digits = Math.max(1, generator.path("digits").asInt(10));
                byte[] bytes = new byte[(digits + 1) / 2];
                random.nextBytes(bytes);
                return NODES.textNode(HexFormat.of().formatHex(bytes).substring(0, digits));
            }
            case "RandomString" -> {
                int size = Math.max(0, generator.path("size").asInt(10));
                String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
                StringBuilder b = new StringBuilder(size);
                for (int i = 0; i < size; i++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return NODES.textNode(b.toString());
            }
            case "Regex" -> {
                try {
                    return NODES.textNode(
                            RegexSampler.sample(generator.path("regex").asText(), random));
                } catch (IllegalArgumentException e) {
                    return example;
                }
            }
            case "Uuid" -> {
                return NODES.textNode(
                        uuid(UUID.randomUUID(), generator.path("format").asText("lower-case-hyphenated")));
            }
            case "Date", "Time", "DateTime" -> {
                String value = dateLike(type, generator, context.clock());
                return value == null ? example : NODES.textNode(value);
            }
            case "RandomBoolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            case "ProviderState" -> {
                return context.providerSide() ? fromState(generator, example, context.providerState()) : example;
            }
            case "MockServerURL" -> {
                return context.providerSide() || context.mockServerUrl() == null
                        ? example
                        : mockServerUrl(generator, example, context.mockServerUrl());
            }
            default -> {
                return example;
            }
        }
    }

    static String uuid(UUID id, String format) {
        String text = id.toString();
        return switch (format) {
            case "simple" -> text.replace("-", "");
            case "upper-case-hyphenated" -> text.toUpperCase(Locale.ROOT);
            case "URN" -> "urn:uuid:" + text;
            default -> text;
        };
    }

    /**
     * A date, time or date-time from the clock, moved by a V4 expression ({@code today}, {@code tomorrow}, {@code
     * yesterday}, {@code now}, followed by offsets such as {@code + 1 day - 2 hours}), in the generator's format or ISO
     * 8601; null when the expression or format cannot be read.
     */
    static @Nullable String dateLike(String type, JsonNode generator, Clock clock) {
        ZonedDateTime at = ZonedDateTime.now(clock);
        String expression = generator.path("expression").asText("").trim().toLowerCase(Locale.ROOT);
        if (!expression.isEmpty()) {
            String rest = expression;
            if (rest.startsWith("today") || rest.startsWith("now")) {
                rest = rest.substring(rest.startsWith("today") ? 5 : 3);
            } else if (rest.startsWith("tomorrow")) {
                at = at.plusDays(1);
                rest = rest.substring(8);
            } else if (rest.startsWith("yesterday")) {
                at = at.minusDays(1);
                rest = rest.substring(9);
            }
            rest = rest.trim();
            Matcher m = OFFSET.matcher(rest);
            int end = 0;
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
                at = at.plus(n, unit(m.group(3)));
                end = m.end();
                while (end < rest.length() && rest.charAt(end) == ' ') {
                    end++;
                }
            }
            if (end != rest.length()) {
                return null;
            }
        }
        String format = generator.path("format").asText("");
        try {
            if (!format.isEmpty()) {
                return DateTimeFormatter.ofPattern(format).format(at);
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
        return switch (type) {
            case "Date" -> LocalDate.from(at).toString();
            case "Time" -> LocalTime.from(at).truncatedTo(ChronoUnit.SECONDS).toString();
            default -> OffsetDateTime.from(at).truncatedTo(ChronoUnit.MILLIS).toString();
        };
    }

    private static ChronoUnit unit(String word) {
        String w = word.endsWith("s") && !word.startsWith("millis") ? word.substring(0, word.length() - 1) : word;
        return switch (w) {
            case "year" -> ChronoUnit.YEARS;
            case "month" -> ChronoUnit.MONTHS;
            case "week" -> ChronoUnit.WEEKS;
            case "day" -> ChronoUnit.DAYS;
            case "hour" -> ChronoUnit.HOURS;
            case "minute" -> ChronoUnit.MINUTES;
            case "second" -> ChronoUnit.SECONDS;
            default -> ChronoUnit.MILLIS;
        };
    }

    /**
     * {@code ${name}} references replaced by the provider state's values; an expression that is one reference takes
     * the value's own type (a number stays a number) unless {@code dataType} says otherwise.
     */
    private static JsonNode fromState(JsonNode generator, JsonNode example, Map<String, ?> state) {
        String expression = generator.path("expression").asText("");
        Matcher whole = STATE_REF.matcher(expression);
        if (whole.matches()) {
            Object value = state.get(whole.group(1));
            if (value == null) {
                return example;
            }
            return typed(
                    PactFiles.JSON.valueToTree(value),
                    generator.path("dataType").asText(""));
        }
        Matcher m = STATE_REF.matcher(expression);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Object value = state.get(m.group(1));
            if (value == null) {
                return example;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(b);
        return typed(NODES.textNode(b.toString()), generator.path("dataType").asText(""));
    }

    private static JsonNode typed(JsonNode value, String dataType) {
        String text = value.isValueNode() ? value.asText() : value.toString();
        try {
            return switch (dataType) {
                case "STRING" -> NODES.textNode(text);
                case "INTEGER" -> NODES.numberNode(new BigDecimal(text).longValueExact());
                case "DECIMAL", "FLOAT" -> NODES.numberNode(new BigDecimal(text));
                case "BOOLEAN" -> NODES.booleanNode(Boolean.parseBoolean(text));
                default -> value;
            };
        } catch (ArithmeticException | NumberFormatException e) {
            return value;
        }
    }

    /** The example's part that the generator's regex captures, on the mock server's base URL. */
    private static JsonNode mockServerUrl(JsonNode generator, JsonNode example, String base) {
        String text = example.asText();
        Matcher m;
        try {
            m = Pattern.compile(generator.path("regex").asText("")).matcher(text);
        } catch (java.util.regex.PatternSyntaxException e) {
            return example;
        }
        if (!m.matches() || m.groupCount() < 1 || m.group(1) == null) {
            return example;
        }
        return NODES.textNode(base.replaceAll("/$", "") + m.group(1));
    }
}
