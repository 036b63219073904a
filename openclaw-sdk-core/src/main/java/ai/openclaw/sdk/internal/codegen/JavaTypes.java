package ai.openclaw.sdk.internal.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * JSON Schema to Java types for one generated file: records for objects, enums for string enumerations, {@code List}
 * for arrays, {@code Map} for open objects, and {@code JsonNode} for what Java cannot say ({@code oneOf}, {@code
 * anyOf}, mixed types). Nested types are declared inside the file's top-level type.
 *
 * <p>Mapping: {@code string} to {@code String} ({@code date-time} to {@code Instant}, {@code date} to {@code
 * LocalDate}, {@code uuid} to {@code UUID}); {@code integer} to {@code long} ({@code int32} to {@code int}); {@code
 * number} to {@code BigDecimal} (it writes back the digits it read); {@code boolean}; a property that is not required,
 * or may be null, boxed and {@code @Nullable}.
 */
public final class JavaTypes {
    private static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "record",
            "var",
            "yield",
            "sealed",
            "permits");

    private final JsonNode root;
    private final Function<String, @Nullable String> componentRef;
    private final Set<String> imports = new TreeSet<>();
    private final List<String> nested = new ArrayList<>();
    private final Set<String> taken = new LinkedHashSet<>();

    /**
     * Types for a file.
     *
     * @param root the document local references point into ({@code #/$defs/X}, {@code #/components/schemas/X})
     * @param componentRef the class of an OpenAPI component reference ({@code #/components/schemas/User}) when it is
     *     generated as a file of its own, else null (declared nested here)
     */
    public JavaTypes(JsonNode root, Function<String, @Nullable String> componentRef) {
        this.root = root;
        this.componentRef = componentRef;
    }

    /** The imports the types used so far need. */
    public Set<String> imports() {
        return imports;
    }

    /** The nested declarations made so far, each indented for a member of the top-level type. */
    public List<String> nested() {
        return nested;
    }

    /** Reserves a name so that no nested type takes it (the top-level type's own). */
    public void reserve(String name) {
        taken.add(name);
    }

    /**
     * A record declaration for an object schema, its component types resolved (nested ones added to {@link
     * #nested()}).
     *
     * @param name the record's name
     * @param schema the object schema
     * @param indent the indentation of the declaration
     * @param topLevel whether it is the file's top-level type (public, not static)
     * @param body members to add inside it (constants), already indented
     * @param title what the Javadoc says first
     */
    public String record(String name, JsonNode schema, String indent, boolean topLevel, String body, String title) {
        imports.add("com.fasterxml.jackson.annotation.JsonIgnoreProperties");
        imports.add("com.fasterxml.jackson.annotation.JsonInclude");
        imports.add("com.fasterxml.jackson.annotation.JsonProperty");
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> components = new ArrayList<>();
        List<String> docs = new ArrayList<>();
        Set<String> fieldNames = new java.util.HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String field = unique(identifier(p.getKey()), fieldNames);
            boolean isRequired = required.contains(p.getKey()) && !nullable(p.getValue());
            String type = typeOf(p.getValue(), pascal(p.getKey()), isRequired);
            String annotated = isRequired ? type : "@Nullable " + type;
            if (!isRequired) {
                imports.add("org.jspecify.annotations.Nullable");
            }
            components.add("@JsonProperty(\"" + escape(p.getKey()) + "\") " + annotated + " " + field);
            String description = text(p.getValue(), "description");
            docs.add("@param " + field + " "
                    + (description == null ? "{@code " + escapeDoc(p.getKey()) + "}" : escapeDoc(description))
                    + (isRequired ? "" : " (may be absent)"));
        }
        StringBuilder out = new StringBuilder();
        out.append(indent).append("/**\n");
        out.append(indent).append(" * ").append(title).append('\n');
        String description = text(schema, "description");
        if (description != null && !escapeDoc(description).equals(title)) {
            out.append(indent).append(" *\n");
            out.append(indent).append(" * <p>").append(escapeDoc(description)).append('\n');
        }
        if (!docs.isEmpty()) {
            out.append(indent).append(" *\n");
            docs.forEach(d -> out.append(indent).append(" * ").append(d).append('\n'));
        }
        out.append(indent).append(" */\n");
        out.append(indent).append("@JsonInclude(JsonInclude.Include.NON_NULL)\n");
        out.append(indent).append("@JsonIgnoreProperties(ignoreUnknown = true)\n");
        out.append(indent)
                .append(topLevel ? "public record " : "public static record ")
                .append(name)
                .append('(');
        if (components.isEmpty()) {
            out.append(") {");
        } else {
            out.append('\n');
            for (int i = 0; i < components.size(); i++) {
                out.append(indent).append("        ").append(components.get(i));
                out.append(i + 1 < components.size() ? ",\n" : ") {");
            }
        }
        if (body.isEmpty()) {
            out.append("}\n");
        } else {
            out.append('\n').append(body).append(indent).append("}\n");
        }
        return out.toString();
    }

    /** The Java type of a schema; {@code hint} names a nested type it needs. */
    public String typeOf(JsonNode schema, String hint, boolean required) {
        if (schema == null || schema.isMissingNode() || schema.isBoolean()) {
            return json();
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isTextual()) {
            return referenced(ref.asText(), required);
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray() && allOf.size() == 1) {
            return typeOf(allOf.get(0), hint, required);
        }
        if (schema.has("oneOf") || schema.has("anyOf") || schema.has("allOf")) {
            return json();
        }
        String type = singleType(schema);
        if (type == null) {
            if (schema.has("properties")) {
                type = "object";
            } else if (schema.has("enum")) {
                type = "string";
            } else {
                return json();
            }
        }
        switch (type) {
            case "string" -> {
                if (schema.has("enum") && allStrings(schema.get("enum"))) {
                    return enumeration(hint, schema.get("enum"));
                }
                String format = text(schema, "format");
                if ("date-time".equals(format)) {
                    imports.add("java.time.Instant");
                    return "Instant";
                }
                if ("date".equals(format)) {
                    imports.add("java.time.LocalDate");
                    return "LocalDate";
                }
                if ("uuid".equals(format)) {
                    imports.add("java.util.UUID");
                    return "UUID";
                }
                return "String";
            }
            case "integer" -> {
                boolean small = "int32".equals(text(schema, "format"));
                return required ? (small ? "int" : "long") : (small ? "Integer" : "Long");
            }
            case "number" -> {
                imports.add("java.math.BigDecimal");
                return "BigDecimal";
            }
            case "boolean" -> {
                return required ? "boolean" : "Boolean";
            }
            case "array" -> {
                imports.add("java.util.List");
                return "List<"
                        + typeOf(schema.get("items"), singular(hint), false).replace("@Nullable ", "") + ">";
            }
            case "object" -> {
                if (schema.path("properties").size() > 0) {
                    String name = unique(hint.isEmpty() ? "Value" : hint, taken);
                    nested.add(record(name, schema, "    ", false, "", title(schema, name)));
                    return name;
                }
                JsonNode additional = schema.get("additionalProperties");
                if (additional != null && additional.isObject()) {
                    imports.add("java.util.Map");
                    return "Map<String, " + typeOf(additional, singular(hint) + "Value", false) + ">";
                }
                return json();
            }
            default -> {
                return json();
            }
        }
    }

    private final Map<String, String> refs = new java.util.HashMap<>();

    private String referenced(String ref, boolean required) {
        String component = componentRef.apply(ref);
        if (component != null) {
            return component;
        }
        String known = refs.get(ref);
        if (known != null) {
            return known;
        }
        if (!ref.startsWith("#/")) {
            return json();
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            return json();
        }
        String name = pascal(ref.substring(ref.lastIndexOf('/') + 1));
        boolean isEnum = target.has("enum") && allStrings(target.get("enum"));
        boolean isRecord = target.path("properties").size() > 0
                && (singleType(target) == null || "object".equals(singleType(target)));
        if (!isEnum && !isRecord) {
            return typeOf(target, name, required);
        }
        String unique = unique(name, taken);
        refs.put(ref, unique); // before its members: a schema may refer to itself
        if (isEnum) {
            declareEnum(unique, target.get("enum"));
        } else {
            nested.add(record(unique, target, "    ", false, "", title(target, unique)));
        }
        return unique;
    }

    private String enumeration(String hint, JsonNode values) {
        String name = unique(hint.isEmpty() ? "Value" : hint, taken);
        declareEnum(name, values);
        return name;
    }

    private void declareEnum(String name, JsonNode values) {
        imports.add("com.fasterxml.jackson.annotation.JsonProperty");
        StringBuilder out = new StringBuilder();
        out.append("    /** The values of {@code ").append(escapeDoc(name)).append("}. */\n");
        out.append("    public enum ").append(name).append(" {\n");
        Set<String> constants = new java.util.HashSet<>();
        List<String> lines = new ArrayList<>();
        for (JsonNode v : values) {
            String constant = unique(constant(v.asText()), constants);
            lines.add("        @JsonProperty(\"" + escape(v.asText()) + "\")\n        " + constant);
        }
        out.append(String.join(",\n", lines)).append('\n');
        out.append("    }\n");
        nested.add(out.toString());
    }

    private String json() {
        imports.add("com.fasterxml.jackson.databind.JsonNode");
        return "JsonNode";
    }

    private static boolean allStrings(JsonNode values) {
        if (!values.isArray() || values.isEmpty()) {
            return false;
        }
        for (JsonNode v : values) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The one non-null type of a schema, or null when it has none or several. */
    static @Nullable String singleType(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return null;
        }
        if (type.isTextual()) {
            return type.asText();
        }
        String only = null;
        for (JsonNode t : type) {
            if (!"null".equals(t.asText())) {
                if (only != null) {
                    return null;
                }
                only = t.asText();
            }
        }
        return only;
    }

    /** Whether a schema allows null (a type list with "null", or OpenAPI 3.0's {@code nullable: true}). */
    static boolean nullable(JsonNode schema) {
        if (schema.path("nullable").asBoolean(false)) {
            return true;
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if ("null".equals(t.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A schema's title, or a sentence naming the type. */
    public static String title(JsonNode schema, String name) {
        String title = text(schema, "title");
        return title != null ? escapeDoc(title) : "{@code " + name + "}.";
    }

    public static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** {@code user.created} and {@code order_status-retrieved} as {@code UserCreated}, {@code OrderStatusRetrieved}. */
    public static String pascal(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (out.isEmpty() || !Character.isLetter(out.charAt(0))) {
            out.insert(0, 'T');
        }
        return out.toString();
    }

    /** A property name as a Java identifier: camel case, a keyword with {@code _} after it. */
    public static String identifier(String name) {
        String p = pascal(name);
        String camel = Character.toLowerCase(p.charAt(0)) + p.substring(1);
        if (name.matches("[a-z][A-Za-z0-9]*")) {
            camel = name;
        }
        return KEYWORDS.contains(camel) ? camel + "_" : camel;
    }

    /** An enum constant for a value: upper case, words apart with {@code _} ({@code inProgress} is {@code IN_PROGRESS}). */
    public static String constant(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(value.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        String s = out.toString().replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            s = "V_" + s;
        }
        return s.toUpperCase(Locale.ROOT);
    }

    private static String singular(String hint) {
        if (hint.endsWith("ies") && hint.length() > 3) {
            return hint.substring(0, hint.length() - 3) + "y";
        }
        if (hint.endsWith("s") && hint.length() > 1 && !hint.endsWith("ss")) {
            return hint.substring(0, hint.length() - 1);
        }
        return hint + "Item";
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }

    /** Text inside a Java string literal. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Text inside a Javadoc comment: one line, no comment end, HTML escaped. */
    public static String escapeDoc(String s) {
        return s.replace("\r", " ")
                .replace("\n", " ")
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*/", "*&#47;")
                .replace("@", "&#64;")
                .replace("\\u", "\\\\u");
    }
}
