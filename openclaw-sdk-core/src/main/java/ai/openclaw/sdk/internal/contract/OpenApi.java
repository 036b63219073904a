package ai.openclaw.sdk.internal.contract;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import ai.openclaw.sdk.catalog.Endpoint;
import ai.openclaw.sdk.contract.ContractException;
import ai.openclaw.sdk.contract.HttpOperation;
import ai.openclaw.sdk.internal.PathTemplate;
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

    /**
     * A parameter of an operation (or a header of a response), as its value is serialised.
     *
     * @param name the name
     * @param in {@code path}, {@code query}, {@code header} or {@code cookie}
     * @param required whether it must be present (path parameters always)
     * @param schemaPointer the pointer of its schema: {@code schema}, or the schema of its one {@code content} entry
     * @param style its style, the location's default when not given ({@code simple} for path and header, {@code form}
     *     for query and cookie)
     * @param explode whether arrays and objects are exploded; true by default for {@code form} only
     * @param allowEmptyValue whether an empty query value stands for "no value"
     * @param mediaType the media type of a parameter described by {@code content}, else null
     */
    public record Parameter(
            String name,
            String in,
            boolean required,
            @Nullable String schemaPointer,
            String style,
            boolean explode,
            boolean allowEmptyValue,
            @Nullable String mediaType) {}

    /** What reading a document gave: the document when it had no error, and the findings. */
    public record Result(@Nullable OpenApi document, List<Finding> findings) {}

    private final JsonNode root;
    private final String baseUri;
    private final String openApiVersion;
    private final String infoVersion;
    private final List<HttpOperation> operations;
    private final SchemaRegistry registry;
    private final Function<String, @Nullable String> resources;
    private final Map<String, JsonNode> files = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean discriminators;
    private final boolean accessModifiers;

    private OpenApi(
            JsonNode root,
            String baseUri,
            String openApiVersion,
            String infoVersion,
            List<HttpOperation> operations,
            SchemaRegistry registry,
            Function<String, @Nullable String> resources) {
        this.root = root;
        this.baseUri = baseUri;
        this.openApiVersion = openApiVersion;
        this.infoVersion = infoVersion;
        this.operations = List.copyOf(operations);
        this.registry = registry;
        this.resources = resources;
        String text = root.toString(); // a false positive costs only a look-up
        boolean external = java.util.regex.Pattern.compile("\"\\$ref\":\"[^#]")
                .matcher(text)
                .find();
        this.discriminators = external || text.contains("\"discriminator\"");
        this.accessModifiers = external || text.contains("\"readOnly\"") || text.contains("\"writeOnly\"");
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
        JsonNode effective = Inliner.pathItems(root, baseUri, resources, report);
        List<HttpOperation> operations = new ArrayList<>();
        Map<String, String> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : effective.path("paths").properties()) {
            String pathPointer = "/paths/" + Schemas.escape(path.getKey());
            if (path.getKey().startsWith("x-")) {
                continue;
            }
            PathTemplate template;
            try {
                template =
                        PathTemplate.of(Endpoint.parse("GET " + path.getKey()).pathTemplate());
            } catch (IllegalArgumentException ex) {
                report.error("invalid-openapi", pathPointer, ex.getMessage());
                continue;
            }
            String same = shapes.putIfAbsent(template.shape(), path.getKey());
            if (same != null) {
                report.error(
                        "invalid-openapi",
                        pathPointer,
                        "'" + path.getKey() + "' is the same path as '" + same
                                + "' (templates that differ only in variable names must not both exist)");
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey();
                if (!METHODS.contains(method)) {
                    continue; // parameters, summary, servers, x-...
                }
                String pointer = pathPointer + "/" + method;
                Endpoint e = Endpoint.parse(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                JsonNode id = op.getValue().path("operationId");
                operations.add(new HttpOperation(
                        e.method(),
                        e.pathTemplate(),
                        id.isTextual() ? Optional.of(id.asText()) : Optional.empty(),
                        pointer,
                        Optional.ofNullable(source == null ? null : source.keyLocation(source.pathOf(pointer)))));
                checkPathParameters(effective, template, pathPointer, pointer, report);
                checkSecurity(effective, pointer + "/security", report);
            }
        }
        checkSecurity(effective, "/security", report);
        checkReferences(effective, effective, "", baseUri, resources, report);
        if (findings.stream().anyMatch(Finding::isError)) {
            return new Result(null, findings);
        }
        String effectiveText = effective == root ? null : effective.toString();
        Function<String, @Nullable String> seen =
                effectiveText == null ? resources : u -> u.equals(baseUri) ? effectiveText : resources.apply(u);
        SchemaRegistry registry = Schemas.openApi(version, seen);
        OpenApi doc = new OpenApi(effective, baseUri, version, infoVersion, operations, registry, seen);
        doc.compileAll(report);
        return new Result(findings.stream().anyMatch(Finding::isError) ? null : doc, findings);
    }

    /**
     * Each path parameter names a variable of its template (else no request could carry it: an error), and each
     * variable has a path parameter (else its value goes unchecked: a warning). The specification says both MUST hold.
     */
    private static void checkPathParameters(
            JsonNode doc, PathTemplate template, String pathPointer, String opPointer, Reporter report) {
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (String base : List.of(pathPointer, opPointer)) {
            JsonNode list = doc.at(base + "/parameters");
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = Inliner.follow(doc, list.get(i));
                if (!p.path("in").asText().equals("path")) {
                    continue;
                }
                String name = p.path("name").asText("");
                declared.add(name);
                if (!template.variables().contains(name)) {
                    report.error(
                            "invalid-openapi",
                            base + "/parameters/" + i,
                            "path parameter '" + name + "' is not a variable of '" + template + "'");
                }
            }
        }
        for (String variable : template.variables()) {
            if (!declared.contains(variable)) {
                // the specification says MUST, but requests can still be checked (the variable matches any value),
                // and documents in the wild often leave it out: a warning, an error under --strict
                report.warning(
                        "invalid-openapi",
                        opPointer,
                        "'{" + variable + "}' of '" + template + "' has no path parameter; its value is not checked");
            }
        }
    }

    /** Every security requirement names a scheme of {@code components.securitySchemes}. */
    private static void checkSecurity(JsonNode doc, String pointer, Reporter report) {
        JsonNode requirements = doc.at(pointer);
        JsonNode schemes = doc.path("components").path("securitySchemes");
        for (int i = 0; i < requirements.size(); i++) {
            for (Map.Entry<String, JsonNode> r : requirements.get(i).properties()) {
                if (!schemes.has(r.getKey())) {
                    report.error(
                            "invalid-openapi",
                            pointer + "/" + i + "/" + Schemas.escape(r.getKey()),
                            "security scheme '" + r.getKey() + "' is not defined in components.securitySchemes");
                }
            }
        }
    }

    /**
     * The base paths an operation is served under, from its {@code servers}, its path item's, or the document's
     * ({@code https://api.example.com/v1} gives {@code /v1}; variables take their defaults); empty for the root.
     */
    public List<String> basePaths(HttpOperation op) {
        String pathPointer = op.pointer().substring(0, op.pointer().lastIndexOf('/'));
        JsonNode servers = root.at(op.pointer() + "/servers");
        if (!servers.isArray() || servers.isEmpty()) {
            servers = root.at(pathPointer + "/servers");
        }
        if (!servers.isArray() || servers.isEmpty()) {
            servers = root.path("servers");
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (JsonNode server : servers) {
            String url = server.path("url").asText("");
            for (Map.Entry<String, JsonNode> v : server.path("variables").properties()) {
                url = url.replace(
                        "{" + v.getKey() + "}", v.getValue().path("default").asText(""));
            }
            int scheme = url.indexOf("://");
            String path = url;
            if (scheme >= 0) {
                int slash = url.indexOf('/', scheme + 3);
                path = slash < 0 ? "" : url.substring(slash);
            }
            int cut = path.indexOf('?');
            path = cut < 0 ? path : path.substring(0, cut);
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (!path.isEmpty() && !path.contains("{")) {
                out.add(path.startsWith("/") ? path : "/" + path);
            }
        }
        return List.copyOf(out);
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

    /** Whether any schema of the document may say {@code readOnly} or {@code writeOnly}. */
    public boolean hasAccessModifiers() {
        return accessModifiers;
    }

    /** Whether any schema of the document may carry a {@code discriminator}. */
    public boolean hasDiscriminators() {
        return discriminators;
    }

    /**
     * The node at an absolute location ({@code <file uri>#<pointer>}) in this document or a contract file it refers to;
     * missing when there is none.
     */
    public JsonNode node(String location) {
        int hash = location.indexOf('#');
        String file = hash < 0 ? location : location.substring(0, hash);
        String pointer = hash < 0 ? "" : location.substring(hash + 1);
        JsonNode doc = file.isEmpty() || file.equals(baseUri) ? root : fileRoot(file);
        return doc == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : doc.at(pointer);
    }

    /** The absolute location a {@code $ref} found in {@code file} points at. */
    public static String target(String file, String ref) {
        if (ref.startsWith("#")) {
            return file + ref;
        }
        return java.net.URI.create(file).resolve(ref).toString();
    }

    private @Nullable JsonNode fileRoot(String file) {
        JsonNode cached = files.get(file);
        if (cached != null) {
            return cached;
        }
        String text = resources.apply(file);
        if (text == null) {
            return null;
        }
        try {
            JsonNode parsed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            files.put(file, parsed);
            return parsed;
        } catch (java.io.IOException e) {
            return null;
        }
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
                Parameter p = parameter(resolve(base + "/parameters/" + i), null);
                out.put(p.in() + ":" + p.name(), p);
            }
        }
        return List.copyOf(out.values());
    }

    /** The headers a response declares, {@code Content-Type} aside (the specification says it is ignored). */
    public List<Parameter> responseHeaders(String responsePointer) {
        List<Parameter> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> h :
                root.at(responsePointer).path("headers").properties()) {
            if (!h.getKey().equalsIgnoreCase("content-type")) {
                out.add(parameter(resolve(responsePointer + "/headers/" + Schemas.escape(h.getKey())), h.getKey()));
            }
        }
        return List.copyOf(out);
    }

    /** A parameter object, or a header object when {@code headerName} is given. */
    private Parameter parameter(String pointer, @Nullable String headerName) {
        JsonNode p = root.at(pointer);
        String name = headerName != null ? headerName : p.path("name").asText("");
        String in = headerName != null ? "header" : p.path("in").asText("");
        boolean required = in.equals("path") || p.path("required").asBoolean(false);
        String schema = p.has("schema") ? pointer + "/schema" : null;
        String mediaType = null;
        if (schema == null && p.path("content").size() == 1) {
            mediaType = p.path("content").fieldNames().next();
            if (p.path("content").path(mediaType).has("schema")) {
                schema = pointer + "/content/" + Schemas.escape(mediaType) + "/schema";
            }
        }
        String defaultStyle = in.equals("query") || in.equals("cookie") ? "form" : "simple";
        String style = p.path("style").asText(defaultStyle);
        boolean explode = p.path("explode").asBoolean(style.equals("form"));
        return new Parameter(
                name,
                in,
                required,
                schema,
                style,
                explode,
                in.equals("query") && p.path("allowEmptyValue").asBoolean(false),
                mediaType);
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
    private static final class Reporter implements Inliner.OpenApiReporter {
        private final @Nullable SourceDocument source;
        private final List<Finding> findings;

        Reporter(@Nullable SourceDocument source, List<Finding> findings) {
            this.source = source;
            this.findings = findings;
        }

        @Override
        public void error(String code, String pointer, String message) {
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
