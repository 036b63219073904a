package ai.openclaw.sdk.internal.contract;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import ai.openclaw.sdk.catalog.Endpoint;
import ai.openclaw.sdk.contract.ContractException;
import ai.openclaw.sdk.contract.HttpOperation;
import ai.openclaw.sdk.internal.source.SourceDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An OpenAPI 3.0 or 3.1 document read for validation: its operations, the pointers of their parameters, request
 * bodies and responses (local {@code $ref}s followed), and a schema registry that resolves its references.
 */
public final class OpenApi {
    /** The base of the URIs under which contract files are handed to the validator; never fetched. */
    public static final String BASE = "https://contracts.openclaw.invalid/";

    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** A parameter of an operation. */
    public record Parameter(
            String name,
            String in,
            boolean required,
            @Nullable String schemaPointer) {}

    /** What reading a document gave: the document when it had no error, and the findings. */
    public record Result(@Nullable OpenApi document, List<Finding> findings) {}

    private final JsonNode root;
    private final String baseUri;
    private final String openApiVersion;
    private final String infoVersion;
    private final List<HttpOperation> operations;
    private final SchemaRegistry registry;

    private OpenApi(
            JsonNode root,
            String baseUri,
            String openApiVersion,
            String infoVersion,
            List<HttpOperation> operations,
            SchemaRegistry registry) {
        this.root = root;
        this.baseUri = baseUri;
        this.openApiVersion = openApiVersion;
        this.infoVersion = infoVersion;
        this.operations = List.copyOf(operations);
        this.registry = registry;
    }

    /** Reads a document given in code; its references may only point inside it. */
    public static OpenApi inMemory(String service, JsonNode root) {
        String uri = BASE + "http/" + service + ".json";
        String text = root.toString();
        Result r = read(null, root, uri, u -> u.equals(uri) ? text : null);
        if (r.document() == null) {
            throw new ContractException(r.findings());
        }
        return r.document();
    }

    /**
     * Reads and checks a document.
     *
     * @param source the document as read from its file, for locations; {@code null} for one given in code
     * @param root the document's tree
     * @param baseUri the URI the document is known by to the validator
     * @param resources the contents of contract files by URI, as JSON text, for references between files
     */
    public static Result read(
            @Nullable SourceDocument source,
            JsonNode root,
            String baseUri,
            Function<String, @Nullable String> resources) {
        List<Finding> findings = new ArrayList<>();
        Reporter report = new Reporter(source, findings);
        if (!root.isObject()) {
            report.error("invalid-openapi", "", "an OpenAPI document is a mapping with 'openapi', 'info' and 'paths'");
            return new Result(null, findings);
        }
        String version = root.path("openapi").asText("");
        if (!(version.startsWith("3.0.") || version.startsWith("3.1."))) {
            report.error(
                    "invalid-openapi",
                    root.has("openapi") ? "/openapi" : "",
                    root.has("swagger")
                            ? "Swagger 2.0 is not supported; convert the document to OpenAPI 3"
                            : "'openapi' must be 3.0.x or 3.1.x, found '" + version + "'");
            return new Result(null, findings);
        }
        String infoVersion = root.path("info").path("version").asText("");
        if (infoVersion.isEmpty()) {
            report.warning("invalid-openapi", "/info", "'info.version' is missing; violations will name version 0");
            infoVersion = "0";
        }
        JsonNode paths = root.path("paths");
        if (!paths.isObject()) {
            if (version.startsWith("3.0.") || root.has("paths")) {
                report.error("invalid-openapi", root.has("paths") ? "/paths" : "", "'paths' must be a mapping");
            }
        }
        List<HttpOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            String pathPointer = "/paths/" + Schemas.escape(path.getKey());
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey();
                if (!METHODS.contains(method)) {
                    continue; // parameters, summary, servers, x-...
                }
                String pointer = pathPointer + "/" + method;
                try {
                    Endpoint e = Endpoint.parse(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    JsonNode id = op.getValue().path("operationId");
                    operations.add(new HttpOperation(
                            e.method(),
                            e.pathTemplate(),
                            id.isTextual() ? Optional.of(id.asText()) : Optional.empty(),
                            pointer,
                            Optional.ofNullable(source == null ? null : source.keyLocation(source.pathOf(pointer)))));
                } catch (IllegalArgumentException ex) {
                    report.error("invalid-openapi", pathPointer, ex.getMessage());
                }
            }
        }
        checkReferences(root, root, "", baseUri, resources, report);
        if (findings.stream().anyMatch(Finding::isError)) {
            return new Result(null, findings);
        }
        SchemaRegistry registry = Schemas.openApi(version, resources);
        OpenApi doc = new OpenApi(root, baseUri, version, infoVersion, operations, registry);
        doc.compileAll(report);
        return new Result(findings.stream().anyMatch(Finding::isError) ? null : doc, findings);
    }

    /** Every {@code $ref} must resolve: inside the document, or to a contract file handed over. */
    private static void checkReferences(
            JsonNode document,
            JsonNode node,
            String pointer,
            String baseUri,
            Function<String, @Nullable String> resources,
            Reporter report) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                if (target.startsWith("#")) {
                    if (document.at(target.substring(1)).isMissingNode()) {
                        report.error("unresolved-ref", pointer + "/$ref", "'$ref' " + target + " points at nothing");
                    }
                } else {
                    String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                    String resolved = java.net.URI.create(baseUri).resolve(file).toString();
                    if (!resolved.startsWith(BASE) || resources.apply(resolved) == null) {
                        report.error(
                                "unresolved-ref",
                                pointer + "/$ref",
                                "'$ref' " + target + " names no contract file (references may only reach files"
                                        + " under the contracts directory)");
                    }
                }
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                checkReferences(
                        document, e.getValue(), pointer + "/" + Schemas.escape(e.getKey()), baseUri, resources, report);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkReferences(document, node.get(i), pointer + "/" + i, baseUri, resources, report);
            }
        }
    }

    /** Compiles every schema an operation uses, so that a broken one is a finding at load, not a surprise later. */
    private void compileAll(Reporter report) {
        for (HttpOperation op : operations) {
            List<String> schemaPointers = new ArrayList<>();
            for (Parameter p : parameters(op)) {
                if (p.schemaPointer() != null) {
                    schemaPointers.add(p.schemaPointer());
                }
            }
            requestBodyPointer(op).ifPresent(b -> contentSchemas(b, schemaPointers));
            for (Map.Entry<String, JsonNode> r :
                    root.at(op.pointer()).path("responses").properties()) {
                contentSchemas(resolve(op.pointer() + "/responses/" + Schemas.escape(r.getKey())), schemaPointers);
            }
            for (String p : schemaPointers) {
                try {
                    registry.getSchema(SchemaLocation.of(baseUri + "#" + p)).initializeValidators();
                } catch (RuntimeException e) {
                    report.error("invalid-schema", p, "schema cannot be compiled: " + e.getMessage());
                }
            }
        }
    }

    private void contentSchemas(String pointer, List<String> out) {
        for (Map.Entry<String, JsonNode> media :
                root.at(pointer).path("content").properties()) {
            if (media.getValue().has("schema")) {
                out.add(pointer + "/content/" + Schemas.escape(media.getKey()) + "/schema");
            }
        }
    }

    /** Follows local {@code $ref}s from a pointer to the object they lead to. */
    public String resolve(String pointer) {
        String p = pointer;
        for (int hops = 0; hops < 16; hops++) {
            JsonNode ref = root.at(p).path("$ref");
            if (!ref.isTextual() || !ref.asText().startsWith("#/")) {
                return p;
            }
            p = ref.asText().substring(1);
        }
        return p;
    }

    public JsonNode root() {
        return root;
    }

    public String baseUri() {
        return baseUri;
    }

    public String openApiVersion() {
        return openApiVersion;
    }

    public String infoVersion() {
        return infoVersion;
    }

    public List<HttpOperation> operations() {
        return operations;
    }

    public SchemaRegistry registry() {
        return registry;
    }

    /** The response object for a status: the exact code, then its range ({@code 2XX}), then {@code default}. */
    public Optional<String> responsePointer(HttpOperation op, int status) {
        JsonNode responses = root.at(op.pointer()).path("responses");
        for (String key : List.of(String.valueOf(status), (status / 100) + "XX", (status / 100) + "xx", "default")) {
            if (responses.has(key)) {
                return Optional.of(resolve(op.pointer() + "/responses/" + key));
            }
        }
        return Optional.empty();
    }

    public List<String> documentedStatuses(HttpOperation op) {
        List<String> out = new ArrayList<>();
        root.at(op.pointer()).path("responses").fieldNames().forEachRemaining(out::add);
        return out;
    }

    public Optional<String> requestBodyPointer(HttpOperation op) {
        String pointer = op.pointer() + "/requestBody";
        return root.at(pointer).isMissingNode() ? Optional.empty() : Optional.of(resolve(pointer));
    }

    /** Path-level and operation-level parameters; the operation's win on the same name and location. */
    public List<Parameter> parameters(HttpOperation op) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        String pathPointer = op.pointer().substring(0, op.pointer().lastIndexOf('/'));
        for (String base : List.of(pathPointer, op.pointer())) {
            JsonNode list = root.at(base + "/parameters");
            for (int i = 0; i < list.size(); i++) {
                String pointer = resolve(base + "/parameters/" + i);
                JsonNode p = root.at(pointer);
                String name = p.path("name").asText("");
                String in = p.path("in").asText("");
                boolean required = in.equals("path") || p.path("required").asBoolean(false);
                String schema = p.has("schema") ? pointer + "/schema" : null;
                out.put(in + ":" + name, new Parameter(name, in, required, schema));
            }
        }
        return List.copyOf(out.values());
    }

    /** The JSON type a schema declares ({@code integer}, {@code string}, ...), after local references; or "". */
    public String typeOf(String schemaPointer) {
        JsonNode type = root.at(resolve(schemaPointer)).path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText("");
    }

    /** The documented media type that a response's or request's content type matches. */
    public static Optional<String> matchMediaType(JsonNode content, @Nullable String contentType) {
        List<String> declared = new ArrayList<>();
        content.fieldNames().forEachRemaining(declared::add);
        if (contentType == null) {
            return declared.stream().filter(d -> d.contains("json")).findFirst();
        }
        String actual = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (String d : declared) {
            if (d.toLowerCase(Locale.ROOT).equals(actual)) {
                return Optional.of(d);
            }
        }
        for (String d : declared) {
            String lower = d.toLowerCase(Locale.ROOT);
            if (lower.equals("*/*")
                    || (lower.endsWith("/*") && actual.startsWith(lower.substring(0, lower.length() - 1)))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Findings located in the document's file, when there is one. */
    private static final class Reporter {
        private final @Nullable SourceDocument source;
        private final List<Finding> findings;

        Reporter(@Nullable SourceDocument source, List<Finding> findings) {
            this.source = source;
            this.findings = findings;
        }

        void error(String code, String pointer, String message) {
            add(Severity.ERROR, code, pointer, message);
        }

        void warning(String code, String pointer, String message) {
            add(Severity.WARNING, code, pointer, message);
        }

        private void add(Severity severity, String code, String pointer, String message) {
            findings.add(Finding.of(
                    severity, code, source == null ? null : source.pointerLocation(pointer), pointer, message));
        }
    }
}
