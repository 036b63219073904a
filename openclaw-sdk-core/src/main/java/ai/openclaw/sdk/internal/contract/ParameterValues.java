package ai.openclaw.sdk.internal.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads parameter values as OpenAPI serialises them (the Parameter Object's {@code style} and {@code explode}), into
 * the JSON value their schema validates: {@code simple}, {@code label} and {@code matrix} for path parameters, {@code
 * form}, {@code spaceDelimited}, {@code pipeDelimited} and {@code deepObject} for query parameters, {@code simple} for
 * headers, {@code form} for cookies, and parameters described by {@code content} (JSON text). Strings become numbers
 * or booleans only where the schema allows that type (a {@code oneOf} of an integer and a string reads {@code 5} as
 * the integer, which the string branch would also accept as text).
 */
public final class ParameterValues {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private ParameterValues() {}

    /** A serialisation that does not follow the parameter's style; its message says how. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What a parameter's schema says about the value's shape: the types it allows, and for arrays and objects the shape
     * of items and properties. Computed once per parameter.
     */
    public record Shape(
            Set<String> types,
            @Nullable Shape items,
            Map<String, Shape> properties,
            @Nullable Shape additional,
            boolean closed) {
        /** A schema that says nothing about the value: read as text. */
        public static final Shape ANY = new Shape(Set.of(), null, Map.of(), null, false);

        boolean isArray() {
            return types.contains("array") && !types.contains("object");
        }

        boolean isObject() {
            return types.contains("object") && !types.contains("array");
        }

        Shape property(String name) {
            Shape s = properties.get(name);
            return s != null ? s : additional != null ? additional : ANY;
        }

        /** The shape of a schema, following references (in any contract file) and combining subschemas. */
        public static Shape of(OpenApi doc, String location) {
            return of(doc, location, 0);
        }

        private static Shape of(OpenApi doc, String location, int depth) {
            JsonNode node = doc.node(location);
            String file = location.contains("#") ? location.substring(0, location.indexOf('#')) : location;
            if (depth > 16 || !node.isObject()) {
                return ANY;
            }
            if (node.path("$ref").isTextual()) {
                return of(doc, OpenApi.target(file, node.get("$ref").asText()), depth + 1);
            }
            Set<String> types = new LinkedHashSet<>();
            JsonNode type = node.path("type");
            if (type.isTextual()) {
                types.add(type.asText());
            } else if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            }
            Shape items = null;
            Map<String, Shape> properties = new LinkedHashMap<>();
            Shape additional = null;
            if (node.has("items") && node.get("items").isObject()) {
                items = of(doc, location + "/items", depth + 1);
            }
            for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
                properties.put(p.getKey(), of(doc, location + "/properties/" + Schemas.escape(p.getKey()), depth + 1));
            }
            if (node.path("additionalProperties").isObject()) {
                additional = of(doc, location + "/additionalProperties", depth + 1);
            }
            boolean closed = node.path("additionalProperties").isBoolean()
                    && !node.get("additionalProperties").asBoolean();
            for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
                JsonNode members = node.path(combiner);
                for (int i = 0; i < members.size(); i++) {
                    Shape m = of(doc, location + "/" + combiner + "/" + i, depth + 1);
                    if (types.isEmpty() || !combiner.equals("allOf")) {
                        types.addAll(m.types);
                    }
                    if (items == null) {
                        items = m.items;
                    }
                    m.properties.forEach(properties::putIfAbsent);
                    if (additional == null) {
                        additional = m.additional;
                    }
                }
            }
            if (types.isEmpty() && !properties.isEmpty()) {
                types.add("object");
            }
            if (types.isEmpty() && items != null) {
                types.add("array");
            }
            return new Shape(Set.copyOf(types), items, Map.copyOf(properties), additional, closed);
        }
    }

    /** A path parameter's value, from the raw (still percent-encoded) text its template variable matched. */
    public static JsonNode path(String encoded, String name, String style, boolean explode, Shape shape)
            throws Malformed {
        String raw = encoded.indexOf('+') < 0 ? encoded : encoded.replace("+", "%2B"); // '+' is itself in a path
        switch (style) {
            case "label" -> {
                if (!raw.startsWith(".")) {
                    throw new Malformed("a label-style value starts with '.' (found '" + decode(raw) + "')");
                }
                String rest = raw.substring(1);
                return delimited(rest, explode ? "\\." : ",", explode, shape);
            }
            case "matrix" -> {
                String prefix = ";" + name;
                if (!raw.startsWith(";")) {
                    throw new Malformed(
                            "a matrix-style value starts with ';" + name + "=' (found '" + decode(raw) + "')");
                }
                if (shape.isObject() && explode) {
                    ObjectNode out = F.objectNode();
                    for (String pair : raw.substring(1).split(";", -1)) {
                        int eq = pair.indexOf('=');
                        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                        out.set(key, scalar(eq < 0 ? "" : decode(pair.substring(eq + 1)), shape.property(key)));
                    }
                    return out;
                }
                if (shape.isArray() && explode) {
                    ArrayNode out = F.arrayNode();
                    for (String pair : raw.substring(1).split(";", -1)) {
                        if (!pair.equals(name) && !pair.startsWith(name + "=")) {
                            throw new Malformed("'" + decode(pair) + "' is not '" + name + "=value'");
                        }
                        out.add(scalar(
                                decode(pair.substring(Math.min(pair.length(), name.length() + 1))), items(shape)));
                    }
                    return out;
                }
                if (!raw.equals(prefix) && !raw.startsWith(prefix + "=")) {
                    throw new Malformed(
                            "a matrix-style value starts with ';" + name + "=' (found '" + decode(raw) + "')");
                }
                return delimited(raw.substring(Math.min(raw.length(), prefix.length() + 1)), ",", false, shape);
            }
            default -> {
                return delimited(raw, ",", explode, shape);
            }
        }
    }

    /** A header's value ({@code simple} style), as received (headers are not percent-encoded). */
    public static JsonNode header(String value, boolean explode, Shape shape) throws Malformed {
        return delimitedDecoded(splitTrim(value), explode, shape);
    }

    /**
     * A query parameter's value.
     *
     * @param query the request's query, as (decoded name, raw value) pairs
     * @param declared the names of the operation's other query parameters (an exploded object takes the rest)
     * @return the value, or null when the parameter is absent
     */
    public static @Nullable JsonNode query(
            List<String[]> query, String name, String style, boolean explode, Shape shape, Set<String> declared)
            throws Malformed {
        if (style.equals("deepObject")) {
            ObjectNode out = null;
            String prefix = name + "[";
            for (String[] pair : query) {
                if (pair[0].startsWith(prefix) && pair[0].endsWith("]")) {
                    String key = pair[0].substring(prefix.length(), pair[0].length() - 1);
                    if (key.contains("[") || key.contains("]")) {
                        throw new Malformed("'" + pair[0] + "' nests deeper than deepObject serialises");
                    }
                    if (out == null) {
                        out = F.objectNode();
                    }
                    out.set(key, scalar(decode(pair[1]), shape.property(key)));
                } else if (pair[0].equals(name)) {
                    throw new Malformed("a deepObject parameter is sent as '" + name + "[property]=value'");
                }
            }
            return out;
        }
        if (shape.isObject() && explode) {
            ObjectNode out = null;
            for (String[] pair : query) {
                boolean property = shape.properties.containsKey(pair[0])
                        || (!shape.closed && !declared.contains(pair[0]) && shape.properties.isEmpty());
                if (property) {
                    if (out == null) {
                        out = F.objectNode();
                    }
                    out.set(pair[0], scalar(decode(pair[1]), shape.property(pair[0])));
                }
            }
            return out;
        }
        List<String> values = new ArrayList<>();
        for (String[] pair : query) {
            if (pair[0].equals(name)) {
                values.add(pair[1]);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        if (shape.isArray()) {
            String separator =
                    switch (style) {
                        case "spaceDelimited" -> "( |%20|\\+)";
                        case "pipeDelimited" -> "(\\||%7C|%7c)";
                        default -> ",";
                    };
            ArrayNode out = F.arrayNode();
            for (String v : values) {
                if (explode) {
                    out.add(scalar(decode(v), items(shape)));
                } else {
                    for (String part : v.split(separator, -1)) {
                        out.add(scalar(decode(part), items(shape)));
                    }
                }
            }
            return out;
        }
        if (shape.isObject()) {
            return object(split(values.get(0), ","), shape, true);
        }
        return scalar(decode(values.get(0)), shape);
    }

    /** A cookie's value ({@code form} style), from the {@code Cookie} header; null when absent. */
    public static @Nullable JsonNode cookie(@Nullable String cookieHeader, String name, boolean explode, Shape shape)
            throws Malformed {
        if (cookieHeader == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String pair : cookieHeader.split(";")) {
            String p = pair.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equals(name)) {
                values.add(p.substring(eq + 1).strip());
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        if (shape.isArray() && explode && values.size() > 1) {
            ArrayNode out = F.arrayNode();
            values.forEach(v -> out.add(scalar(decode(v), items(shape))));
            return out;
        }
        return delimited(values.get(0), ",", false, shape);
    }

    /** A parameter described by {@code content}: JSON text for a JSON media type, else the text itself. */
    public static JsonNode content(String decoded, @Nullable String mediaType) throws Malformed {
        if (mediaType != null && !mediaType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            return F.textNode(decoded);
        }
        try {
            JsonNode node = JSON.readTree(decoded);
            if (node == null || node.isMissingNode()) {
                throw new Malformed("the value is not JSON (" + mediaType + ")");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Malformed("the value is not JSON (" + mediaType + "): " + e.getOriginalMessage());
        }
    }

    /** A value split by a separator, still percent-encoded, read as the shape says. */
    private static JsonNode delimited(String raw, String separator, boolean explode, Shape shape) throws Malformed {
        if (!shape.isArray() && !shape.isObject()) {
            return scalar(decode(raw), shape);
        }
        // split while still encoded and decoded per element, so that an encoded separator stays in its element
        List<String> parts = split(raw, separator);
        if (shape.isArray()) {
            ArrayNode out = F.arrayNode();
            if (!raw.isEmpty()) {
                parts.forEach(p -> out.add(scalar(decode(p), items(shape))));
            }
            return out;
        }
        return object(parts, shape, !explode);
    }

    private static JsonNode delimitedDecoded(List<String> parts, boolean explode, Shape shape) throws Malformed {
        if (shape.isArray()) {
            ArrayNode out = F.arrayNode();
            parts.forEach(p -> out.add(scalar(p, items(shape))));
            return out;
        }
        if (shape.isObject()) {
            ObjectNode out = F.objectNode();
            if (explode) {
                for (String p : parts) {
                    int eq = p.indexOf('=');
                    if (eq < 0) {
                        throw new Malformed("'" + p + "' is not 'property=value'");
                    }
                    out.set(p.substring(0, eq), scalar(p.substring(eq + 1), shape.property(p.substring(0, eq))));
                }
            } else {
                if (parts.size() % 2 != 0) {
                    throw new Malformed("an object is sent as 'property,value' pairs; found an odd count of parts");
                }
                for (int i = 0; i < parts.size(); i += 2) {
                    out.set(parts.get(i), scalar(parts.get(i + 1), shape.property(parts.get(i))));
                }
            }
            return out;
        }
        return scalar(String.join(",", parts), shape);
    }

    /** An object from raw parts: {@code k,v,k,v} when {@code pairs}, else {@code k=v} parts. */
    private static JsonNode object(List<String> parts, Shape shape, boolean pairs) throws Malformed {
        ObjectNode out = F.objectNode();
        if (pairs) {
            if (parts.size() % 2 != 0) {
                throw new Malformed("an object is sent as 'property,value' pairs; found an odd count of parts");
            }
            for (int i = 0; i < parts.size(); i += 2) {
                String key = decode(parts.get(i));
                out.set(key, scalar(decode(parts.get(i + 1)), shape.property(key)));
            }
        } else {
            for (String p : parts) {
                int eq = p.indexOf('=');
                if (eq < 0) {
                    throw new Malformed("'" + decode(p) + "' is not 'property=value'");
                }
                String key = decode(p.substring(0, eq));
                out.set(key, scalar(decode(p.substring(eq + 1)), shape.property(key)));
            }
        }
        return out;
    }

    private static Shape items(Shape shape) {
        return shape.items == null ? Shape.ANY : shape.items;
    }

    /** A string as the JSON value the schema's types allow. */
    static JsonNode scalar(String value, Shape shape) {
        Set<String> types = shape.types;
        if (types.contains("integer") && INTEGER.matcher(value).matches()) {
            return F.numberNode(new BigInteger(value));
        }
        if (types.contains("number") && NUMBER.matcher(value).matches()) {
            BigDecimal d = new BigDecimal(value);
            return d.scale() <= 0 && !value.contains(".") && !value.contains("e") && !value.contains("E")
                    ? F.numberNode(d.toBigIntegerExact())
                    : F.numberNode(d);
        }
        if (types.contains("boolean") && (value.equals("true") || value.equals("false"))) {
            return F.booleanNode(value.equals("true"));
        }
        if (types.contains("null") && value.equals("null") && !types.contains("string")) {
            return F.nullNode();
        }
        return F.textNode(value);
    }

    private static List<String> split(String raw, String separator) {
        List<String> out = new ArrayList<>();
        for (String s : raw.split(separator, -1)) {
            out.add(s);
        }
        return out;
    }

    private static List<String> splitTrim(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",", -1)) {
            out.add(s.strip());
        }
        return out;
    }

    /** A path segment's text percent-decoded ({@code +} stays a plus). */
    public static String decodePath(String raw) {
        return decode(raw.replace("+", "%2B"));
    }

    /** A query value's text percent-decoded ({@code +} is a space). */
    public static String decodeQuery(String raw) {
        return decode(raw);
    }

    /** Percent-decoding as in a URI path or query ({@code +} is a space in a query only; callers split before). */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** A query string as (decoded name, raw value) pairs, in order; repeated names kept. */
    public static List<String[]> parseQuery(@Nullable String query) {
        List<String[]> out = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.add(new String[] {decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : pair.substring(eq + 1)});
        }
        return out;
    }
}
