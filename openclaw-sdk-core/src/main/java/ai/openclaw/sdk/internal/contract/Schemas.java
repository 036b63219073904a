package ai.openclaw.sdk.internal.contract;

import ai.openclaw.sdk.contract.ContractViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Schema validator (networknt) set up the SDK's way: format assertions on, nothing fetched from the network
 * (references resolve only to documents the SDK hands over), and its errors turned into {@link ContractViolation}s.
 */
public final class Schemas {
    /** The longest rendering of a value seen, in characters. */
    static final int MAX_VALUE_CHARS = 60;

    private static final Set<String> PROPERTY_RULES =
            Set.of("required", "dependentRequired", "dependencies", "additionalProperties", "unevaluatedProperties");

    private Schemas() {}

    /**
     * The dialect of a document without {@code $schema}: draft-07, as Confluent Schema Registry assumes, and the draft
     * most schemas written without one follow. A document that uses keywords of later drafts says so with {@code
     * $schema} (the SDK's scaffold writes 2020-12).
     */
    public static final String DEFAULT_DIALECT = "http://json-schema.org/draft-07/schema#";

    /** The dialects understood, by their canonical meta-schema URI, oldest first. */
    private static final Map<String, String> DIALECT_NAMES = Map.of(
            "http://json-schema.org/draft-04/schema#", "draft-04",
            "http://json-schema.org/draft-06/schema#", "draft-06",
            "http://json-schema.org/draft-07/schema#", "draft-07",
            "https://json-schema.org/draft/2019-09/schema", "2019-09",
            "https://json-schema.org/draft/2020-12/schema", "2020-12");

    /** Keywords that draft-07 and earlier do not have: in a document read as draft-07 they constrain nothing. */
    public static final Set<String> LATER_KEYWORDS = Set.of(
            "prefixItems",
            "dependentRequired",
            "dependentSchemas",
            "unevaluatedProperties",
            "unevaluatedItems",
            "minContains",
            "maxContains",
            "$anchor",
            "$dynamicRef",
            "$dynamicAnchor",
            "$recursiveRef",
            "$recursiveAnchor");

    /**
     * The canonical meta-schema URI of the dialect a document declares ({@link #DEFAULT_DIALECT} when it declares
     * none), or null when it declares one not understood. Spellings differ in the wild: {@code http} or {@code https},
     * with or without the empty fragment.
     */
    public static @Nullable String dialectOf(JsonNode schema) {
        JsonNode declared = schema.path("$schema");
        if (!declared.isTextual()) {
            return DEFAULT_DIALECT;
        }
        String key = comparable(declared.asText());
        for (String known : DIALECT_NAMES.keySet()) {
            if (comparable(known).equals(key)) {
                return known;
            }
        }
        return null;
    }

    /** The short name of a dialect ({@code draft-07}, {@code 2020-12}). */
    public static String dialectName(String dialect) {
        return DIALECT_NAMES.getOrDefault(dialect, dialect);
    }

    /** The dialects understood, by short name, oldest first. */
    public static List<String> dialectNames() {
        return List.of("draft-04", "draft-06", "draft-07", "2019-09", "2020-12");
    }

    private static String comparable(String uri) {
        String u = uri.strip();
        if (u.endsWith("#")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.replaceFirst("^https?://", "");
    }

    /**
     * The document as the validator reads it: its {@code $schema} spelled as the validator knows the dialect (a copy
     * when it must be respelled; the document itself otherwise).
     */
    public static JsonNode canonical(JsonNode schema) {
        JsonNode declared = schema.path("$schema");
        String dialect = dialectOf(schema);
        if (!declared.isTextual() || dialect == null || declared.asText().equals(dialect)) {
            return schema;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = schema.deepCopy();
        copy.put("$schema", dialect);
        return copy;
    }

    /**
     * A registry for JSON Schema documents in any understood dialect, each by its {@code $schema}, {@link
     * #DEFAULT_DIALECT} for a document without one.
     */
    public static SchemaRegistry jsonSchema(Function<String, @Nullable String> resources) {
        List<Dialect> dialects = List.of(
                Dialects.getDraft4(),
                Dialects.getDraft6(),
                Dialects.getDraft7(),
                Dialects.getDraft201909(),
                Dialects.getDraft202012());
        List<Dialect> quiet = new ArrayList<>();
        for (Dialect d : dialects) {
            quiet.add(Dialect.builder(d)
                    .unknownKeywordFactory(UNKNOWN_AS_ANNOTATION)
                    .build());
        }
        return SchemaRegistry.builder()
                .defaultDialectId(DEFAULT_DIALECT)
                .dialectRegistry(new com.networknt.schema.dialect.DefaultDialectRegistry(quiet))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build())
                .schemas(resources::apply)
                .schemaLoader(l -> l.fetchRemoteResources(false))
                .build();
    }

    /** A registry for the schemas inside an OpenAPI document of the given version ({@code 3.0.x} or {@code 3.1.x}). */
    public static SchemaRegistry openApi(String openapiVersion, Function<String, @Nullable String> resources) {
        return registry(
                openapiVersion.startsWith("3.0") ? Dialects.getOpenApi30() : Dialects.getOpenApi31(), resources);
    }

    /**
     * Keywords a dialect does not know (an OpenAPI document's {@code openapi}, {@code paths}..., extensions such as
     * {@code x-sensitive}) are annotations. The validator's own factory does the same but logs a WARN line for each.
     */
    private static final KeywordFactory UNKNOWN_AS_ANNOTATION = new KeywordFactory() {
        private final Map<String, Keyword> keywords = new ConcurrentHashMap<>();

        @Override
        public Keyword getKeyword(String name, SchemaContext context) {
            return keywords.computeIfAbsent(name, AnnotationKeyword::new);
        }
    };

    /**
     * OpenAPI's integer formats: {@code int32} and {@code int64} bound the value (JSON Schema leaves unknown formats
     * unchecked, so {@code 3000000000} would pass as an int32).
     */
    private record IntegerFormat(String name, java.math.BigInteger min, java.math.BigInteger max) implements Format {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean matches(ExecutionContext execution, SchemaContext context, JsonNode value) {
            if (!value.isNumber()) {
                return true; // the format constrains numbers only
            }
            java.math.BigDecimal d = value.decimalValue();
            if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
                return true; // not an integer: the type check says so
            }
            java.math.BigInteger v = d.toBigInteger();
            return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
        }
    }

    private static final List<Format> OPENAPI_FORMATS = List.of(
            new IntegerFormat(
                    "int32",
                    java.math.BigInteger.valueOf(Integer.MIN_VALUE),
                    java.math.BigInteger.valueOf(Integer.MAX_VALUE)),
            new IntegerFormat(
                    "int64",
                    java.math.BigInteger.valueOf(Long.MIN_VALUE),
                    java.math.BigInteger.valueOf(Long.MAX_VALUE)));

    private static SchemaRegistry registry(Dialect standard, Function<String, @Nullable String> resources) {
        Dialect dialect = Dialect.builder(standard)
                .unknownKeywordFactory(UNKNOWN_AS_ANNOTATION)
                .formats(OPENAPI_FORMATS)
                .build();
        return SchemaRegistry.withDefaultDialect(dialect, b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build())
                .schemas(resources::apply)
                .schemaLoader(l -> l.fetchRemoteResources(false)));
    }

    /**
     * Turns validator errors into violations.
     *
     * @param errors the validator's errors
     * @param contract the contract's name
     * @param version its version
     * @param sensitive the sensitivity markers of the document holding the schema
     * @param rootPointer the pointer of the validated schema inside {@code schemaDocument} ({@code ""} for the root)
     * @param pointerPrefix prepended to each instance pointer (for a value inside a larger instance)
     */
    public static List<ContractViolation> violations(
            List<Error> errors,
            String contract,
            String version,
            Sensitive sensitive,
            String rootPointer,
            String pointerPrefix) {
        if (errors.isEmpty()) {
            return List.of();
        }
        List<ContractViolation> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String location = e.getInstanceLocation().toString();
            String pointer = pointerPrefix.isEmpty() ? location : pointerPrefix + location;
            String rule = e.getKeyword() == null ? "schema" : e.getKeyword();
            String value;
            if (PROPERTY_RULES.contains(rule) && e.getProperty() != null) {
                pointer = pointer + "/" + escape(e.getProperty());
                value = rule.equals("required") || rule.startsWith("dependen")
                        ? ""
                        : kindOf(
                                e.getInstanceNode() == null
                                        ? null
                                        : e.getInstanceNode().get(e.getProperty()));
            } else if (sensitive.covers(e, rootPointer)) {
                value = "(sensitive, not shown)";
            } else {
                value = render(e.getInstanceNode());
            }
            out.add(new ContractViolation(contract, version, pointer, rule, messageOf(e), value));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static String messageOf(Error e) {
        String m = e.getMessage();
        return m == null ? "does not match the schema" : m;
    }

    /** A value's kind only, for values the contract does not describe (they may hold anything). */
    static String kindOf(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        return "(" + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not shown)";
    }

    /** The value as JSON, cut to {@value #MAX_VALUE_CHARS} characters. */
    public static String render(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        String text;
        if (node.isNumber() || node.isBoolean() || node.isNull()) {
            text = node.asText(); // as JSON writes them, without going through a writer
        } else if (node.isTextual() && plain(node.textValue())) {
            text = '"' + node.textValue() + '"';
        } else {
            text = node.toString();
        }
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }

    /** Whether a string is written in JSON as it is, between quotes: no quote, backslash or control character. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The JSON pointers of every schema in a document marked {@code writeOnly: true} or {@code x-sensitive: true},
     * found once when the document is loaded. Most documents have none, and then no violation pays for the lookup.
     */
    public static final class Sensitive {
        private static final Sensitive NONE = new Sensitive(List.of());
        private final List<String> pointers;

        private Sensitive(List<String> pointers) {
            this.pointers = List.copyOf(pointers);
        }

        /** The marked schemas of a document. */
        public static Sensitive of(JsonNode document) {
            List<String> found = new ArrayList<>();
            collect(document, "", found);
            return found.isEmpty() ? NONE : new Sensitive(found);
        }

        private static void collect(JsonNode node, String pointer, List<String> out) {
            if (node.isObject()) {
                if (node.path("writeOnly").asBoolean(false)
                        || node.path("x-sensitive").asBoolean(false)) {
                    out.add(pointer);
                }
                node.properties().forEach(e -> collect(e.getValue(), pointer + "/" + escape(e.getKey()), out));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collect(node.get(i), pointer + "/" + i, out);
                }
            }
        }

        /**
         * Whether the schema that rejected a value, or one it sits in, is marked: looked up where the failing keyword is
         * defined, and along the evaluation path from the validated schema (so that a sensitive property whose schema is
         * a {@code $ref} counts too).
         */
        boolean covers(Error e, String rootPointer) {
            if (pointers.isEmpty()) {
                return false;
            }
            String location =
                    e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString();
            int hash = location.indexOf('#');
            if (hash >= 0 && within(location.substring(hash + 1))) {
                return true;
            }
            String evaluation =
                    e.getEvaluationPath() == null ? "" : e.getEvaluationPath().toString();
            int ref = evaluation.indexOf("/$ref");
            return within(rootPointer + (ref >= 0 ? evaluation.substring(0, ref) : evaluation));
        }

        private boolean within(String pointer) {
            for (String marked : pointers) {
                if (pointer.equals(marked)
                        || (pointer.startsWith(marked) && pointer.charAt(marked.length()) == '/')
                        || marked.isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Escapes a JSON pointer segment. */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
