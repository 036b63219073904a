package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.internal.PathTemplate;
import ai.openclaw.sdk.internal.contract.Discriminators;
import ai.openclaw.sdk.internal.contract.OpenApi;
import ai.openclaw.sdk.internal.contract.ParameterValues;
import ai.openclaw.sdk.internal.contract.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP contract of one providing service: an OpenAPI 3.0 or 3.1 document, with {@code $ref}s resolved, against
 * which requests and responses are checked. Each schema is compiled once, the first time it is needed; nothing on the
 * per-call path parses. Immutable and thread-safe.
 *
 * <pre>{@code
 * HttpContract users = registry.httpContract("user-service").orElseThrow();
 * List<ContractViolation> drift = users.validateResponse(HttpMethod.GET, "/users/42", 200, "application/json", body);
 * users.checkRequest(HttpMethod.POST, "/users", Map.of(), "application/json", newUser); // or throw
 * }</pre>
 *
 * <p>A violation names the operation and status as its contract ({@code user-service GET /users/{id} 200}), the
 * document's {@code info.version}, the JSON pointer into the body (or {@code /query/name}, {@code /path/name}, {@code
 * /header/name} for parameters), the rule and the value seen, withheld for {@code writeOnly} or {@code x-sensitive}
 * properties.
 */
public final class HttpContract {
    private final String service;
    private final OpenApi document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final Map<String, Schema> elsewhere = new ConcurrentHashMap<>();
    private final Schemas.Sensitive sensitive;
    private final List<Route> routes;

    /** An operation with its compiled template and base paths, built once: matching runs on every call. */
    private static final class Route {
        final HttpOperation operation;
        final PathTemplate template;
        final String[] bases;

        Route(HttpOperation operation, List<String> bases) {
            this.operation = operation;
            this.template = PathTemplate.of(operation.pathTemplate());
            this.bases = bases.toArray(new String[0]);
        }

        /**
         * The path variables (raw) when {@code path} (no query) matches, after one of the servers' base paths or as
         * given (a client whose base URL already ends in the base path passes the rest); else null.
         */
        @Nullable
        Map<String, String> match(String path) {
            for (String base : bases) {
                if (path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/')) {
                    Map<String, String> m = template.match(path, base.length());
                    if (m != null) {
                        return m;
                    }
                }
            }
            return template.match(path, 0);
        }
    }

    /** Where the response of an operation and status is described, or why it is not: found once. */
    private record ResponsePlan(
            String contract,
            @Nullable ContractViolation undocumented,
            @Nullable String pointer,
            List<ParameterPlan> headers) {}

    /** A parameter (or response header) with its schema's shape, found once per operation. */
    private record ParameterPlan(OpenApi.Parameter parameter, ParameterValues.Shape shape, String where) {}

    /** What checking a request to an operation needs, found once. */
    private record RequestPlan(
            String contract,
            List<ParameterPlan> parameters,
            Set<String> queryNames,
            @Nullable String body) {}

    private final Map<HttpOperation, RequestPlan> requestPlans = new ConcurrentHashMap<>();

    private record ResponseKey(HttpOperation operation, int status) {}

    /**
     * What checking a body against a request body or response described at a pointer needs, for one content type,
     * found once: whether a body is required, whether any content is described, the described content when the
     * content type matches none of it, and the schema to validate against.
     */
    private record BodyPlan(
            boolean required,
            boolean hasContent,
            @Nullable JsonNode unmatchedContent,
            @Nullable String schemaPointer) {}

    private record BodyKey(String pointer, @Nullable String contentType, boolean request) {}

    /** At most this many plans of each kind are kept (operations x statuses x content types seen). */
    private static final int MAX_PLANS = 1024;

    private final Map<ResponseKey, ResponsePlan> responsePlans = new ConcurrentHashMap<>();
    private final Map<BodyKey, BodyPlan> bodyPlans = new ConcurrentHashMap<>();

    HttpContract(String service, OpenApi document) {
        this.service = service;
        this.document = document;
        this.registry = document.registry();
        this.sensitive = Schemas.Sensitive.of(document.root());
        List<Route> r = new java.util.ArrayList<>();
        for (HttpOperation op : document.operations()) {
            r.add(new Route(op, document.basePaths(op)));
        }
        this.routes = List.copyOf(r);
    }

    /**
     * A contract from an OpenAPI document in code; {@code $ref}s may only point inside it.
     *
     * @param service the providing service's catalog name
     * @param openApi the OpenAPI document
     * @return the contract
     * @throws ContractException listing what is wrong with the document
     */
    public static HttpContract of(String service, JsonNode openApi) {
        return new HttpContract(service, OpenApi.inMemory(service, openApi));
    }

    /** The providing service. */
    public String service() {
        return service;
    }

    /** The document's {@code info.version}. */
    public String version() {
        return document.infoVersion();
    }

    /** The document's {@code openapi} version, {@code 3.0.x} or {@code 3.1.x}. */
    public String openApiVersion() {
        return document.openApiVersion();
    }

    /** The operations, in document order. */
    public List<HttpOperation> operations() {
        return document.operations();
    }

    /** A copy of the document. */
    public JsonNode document() {
        return document.root().deepCopy();
    }

    /** The operation a concrete request matches; the most specific template wins. */
    public Optional<HttpOperation> findOperation(HttpMethod method, String requestPath) {
        return match(method, requestPath).map(m -> m.operation);
    }

    /** The variables' raw values (percent-encoded, as the path carries them). */
    private record Match(HttpOperation operation, Map<String, String> variables) {}

    /** Concrete paths before templated ones: more literal segments, then more literal characters. */
    private static boolean moreSpecific(Route a, Route b) {
        if (a.template.literalSegments() != b.template.literalSegments()) {
            return a.template.literalSegments() > b.template.literalSegments();
        }
        return a.template.literalChars() > b.template.literalChars();
    }

    private Optional<Match> match(HttpMethod method, String requestPath) {
        String path = requestPath;
        int cut = path.indexOf('?');
        int hash = path.indexOf('#');
        if (hash >= 0 && (cut < 0 || hash < cut)) {
            cut = hash;
        }
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        Match best = null;
        Route bestRoute = null;
        for (Route route : routes) {
            if (route.operation.method() != method || (bestRoute != null && !moreSpecific(route, bestRoute))) {
                continue;
            }
            Map<String, String> variables = route.match(path);
            if (variables != null) {
                best = new Match(route.operation, variables);
                bestRoute = route;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Checks a response; its headers are not looked at (see the overload that takes them).
     *
     * @param method the request's method
     * @param requestPath the request's path (a query is ignored)
     * @param status the response's status code
     * @param contentType the response's {@code Content-Type}, or {@code null}
     * @param body the response's JSON body, or {@code null} when it has none
     * @return every violation; empty when the response keeps the contract
     */
    public List<ContractViolation> validateResponse(
            HttpMethod method, String requestPath, int status, @Nullable String contentType, @Nullable JsonNode body) {
        return response(method, requestPath, status, null, contentType, body);
    }

    /**
     * Checks a response, its documented headers included: a required header must be present, and each present one
     * must match its schema ({@code simple} style: {@code X-Rate-Limit: 1,2,3} for an array).
     *
     * <pre>{@code
     * contract.validateResponse(HttpMethod.GET, "/users/42", 200,
     *         Map.of("X-Request-Id", "r-1"), "application/json", body);
     * }</pre>
     *
     * @param headers the response's headers (names in any case; several values of one name joined by {@code ,})
     * @return every violation; empty when the response keeps the contract
     */
    public List<ContractViolation> validateResponse(
            HttpMethod method,
            String requestPath,
            int status,
            Map<String, String> headers,
            @Nullable String contentType,
            @Nullable JsonNode body) {
        Objects.requireNonNull(headers, "headers");
        return response(method, requestPath, status, headers, contentType, body);
    }

    private List<ContractViolation> response(
            HttpMethod method,
            String requestPath,
            int status,
            @Nullable Map<String, String> headers,
            @Nullable String contentType,
            @Nullable JsonNode body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestPath, "requestPath");
        Optional<Match> match = match(method, requestPath);
        if (match.isEmpty()) {
            return List.of(noOperation(method, requestPath));
        }
        HttpOperation op = match.get().operation;
        ResponseKey key = new ResponseKey(op, status);
        ResponsePlan plan = responsePlans.get(key);
        if (plan == null) {
            plan = responsePlan(op, status);
            if (responsePlans.size() < MAX_PLANS) {
                responsePlans.put(key, plan);
            }
        }
        if (plan.undocumented != null) {
            return List.of(plan.undocumented);
        }
        List<ContractViolation> content =
                validateContent(plan.contract, Objects.requireNonNull(plan.pointer), contentType, body, false);
        if (headers == null || plan.headers.isEmpty()) {
            return content;
        }
        List<ContractViolation> out = new ArrayList<>(content);
        for (ParameterPlan h : plan.headers) {
            String value = header(headers, h.parameter.name());
            if (value == null) {
                if (h.parameter.required()) {
                    out.add(violation(plan.contract, h.where, "header", "required header is missing", ""));
                }
                continue;
            }
            out.addAll(
                    parameter(plan.contract, h, () -> ParameterValues.header(value, h.parameter.explode(), h.shape)));
        }
        return List.copyOf(out);
    }

    private ResponsePlan responsePlan(HttpOperation op, int status) {
        String contract = service + " " + op + " " + status;
        Optional<String> response = document.responsePointer(op, status);
        if (response.isPresent()) {
            List<ParameterPlan> headers = new ArrayList<>();
            for (OpenApi.Parameter h : document.responseHeaders(response.get())) {
                headers.add(plan(h));
            }
            return new ResponsePlan(contract, null, response.get(), List.copyOf(headers));
        }
        return new ResponsePlan(
                contract,
                violation(
                        contract,
                        "",
                        "status",
                        "status " + status + " is not documented (documented: "
                                + String.join(", ", document.documentedStatuses(op)) + ")",
                        String.valueOf(status)),
                null,
                List.of());
    }

    private ParameterPlan plan(OpenApi.Parameter p) {
        ParameterValues.Shape shape = p.schemaPointer() == null || p.mediaType() != null
                ? ParameterValues.Shape.ANY
                : ParameterValues.Shape.of(document, document.baseUri() + "#" + p.schemaPointer());
        return new ParameterPlan(p, shape, "/" + p.in() + "/" + Schemas.escape(p.name()));
    }

    /**
     * Checks a response and throws when it breaks the contract; its headers are not looked at.
     *
     * @throws ContractViolationException listing every violation
     */
    public void checkResponse(
            HttpMethod method, String requestPath, int status, @Nullable String contentType, @Nullable JsonNode body) {
        throwIfAny(validateResponse(method, requestPath, status, contentType, body));
    }

    /**
     * Checks a response, its documented headers included, and throws when it breaks the contract.
     *
     * @throws ContractViolationException listing every violation
     */
    public void checkResponse(
            HttpMethod method,
            String requestPath,
            int status,
            Map<String, String> headers,
            @Nullable String contentType,
            @Nullable JsonNode body) {
        throwIfAny(validateResponse(method, requestPath, status, headers, contentType, body));
    }

    /**
     * Checks a request: path, query, header and cookie parameters as their {@code style} and {@code explode} serialise
     * them ({@code /items/1,2,3}, {@code ?tag=a&tag=b}, {@code ?filter[status]=active}, {@code Cookie: id=5}), and the
     * body. A required {@code readOnly} property may be left out of a request body.
     *
     * @param method the method
     * @param requestPathAndQuery the path, with the query string if there is one ({@code /users?limit=5})
     * @param headers the request's headers (names in any case; several values of one name joined by {@code ,}); the
     *     {@code Cookie} header carries cookie parameters
     * @param contentType the request's {@code Content-Type}, or {@code null}
     * @param body the request's JSON body, or {@code null} when it has none
     * @return every violation; empty when the request keeps the contract
     */
    public List<ContractViolation> validateRequest(
            HttpMethod method,
            String requestPathAndQuery,
            Map<String, String> headers,
            @Nullable String contentType,
            @Nullable JsonNode body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestPathAndQuery, "requestPathAndQuery");
        Objects.requireNonNull(headers, "headers");
        Optional<Match> match = match(method, requestPathAndQuery);
        if (match.isEmpty()) {
            return List.of(noOperation(method, requestPathAndQuery));
        }
        HttpOperation op = match.get().operation;
        RequestPlan plan = requestPlans.computeIfAbsent(op, this::requestPlan);
        List<ContractViolation> out = new ArrayList<>();
        List<String[]> query = null;
        for (ParameterPlan pp : plan.parameters) {
            OpenApi.Parameter p = pp.parameter;
            List<ContractViolation> found;
            switch (p.in()) {
                case "path" -> {
                    String raw = match.get().variables.get(p.name());
                    if (raw == null) {
                        continue;
                    }
                    found = parameter(
                            plan.contract,
                            pp,
                            () -> p.mediaType() != null
                                    ? ParameterValues.content(ParameterValues.decodePath(raw), p.mediaType())
                                    : ParameterValues.path(raw, p.name(), p.style(), p.explode(), pp.shape));
                }
                case "query" -> {
                    if (query == null) {
                        query = ParameterValues.parseQuery(queryOf(requestPathAndQuery));
                    }
                    List<String[]> q = query;
                    JsonNode value;
                    try {
                        value = p.mediaType() != null
                                ? contentQuery(q, p)
                                : ParameterValues.query(q, p.name(), p.style(), p.explode(), pp.shape, plan.queryNames);
                    } catch (ParameterValues.Malformed e) {
                        out.add(violation(plan.contract, pp.where, "style", e.getMessage(), ""));
                        continue;
                    }
                    if (value == null) {
                        found = missing(plan.contract, pp);
                    } else if (p.allowEmptyValue()
                            && value.isTextual()
                            && value.asText().isEmpty()) {
                        found = List.of();
                    } else {
                        found = parameter(plan.contract, pp, () -> value);
                    }
                }
                case "header" -> {
                    String value = header(headers, p.name());
                    found = value == null
                            ? missing(plan.contract, pp)
                            : parameter(
                                    plan.contract,
                                    pp,
                                    () -> p.mediaType() != null
                                            ? ParameterValues.content(value, p.mediaType())
                                            : ParameterValues.header(value, p.explode(), pp.shape));
                }
                case "cookie" -> {
                    String cookies = header(headers, "Cookie");
                    JsonNode value;
                    try {
                        value = ParameterValues.cookie(cookies, p.name(), p.explode(), pp.shape);
                    } catch (ParameterValues.Malformed e) {
                        out.add(violation(plan.contract, pp.where, "style", e.getMessage(), ""));
                        continue;
                    }
                    found = value == null ? missing(plan.contract, pp) : parameter(plan.contract, pp, () -> value);
                }
                default -> found = List.of();
            }
            out.addAll(found);
        }
        if (plan.body != null) {
            out.addAll(validateContent(plan.contract, plan.body, contentType, body, true));
        }
        return List.copyOf(out);
    }

    private RequestPlan requestPlan(HttpOperation op) {
        List<ParameterPlan> parameters = new ArrayList<>();
        Set<String> queryNames = new java.util.HashSet<>();
        for (OpenApi.Parameter p : document.parameters(op)) {
            parameters.add(plan(p));
            if (p.in().equals("query")) {
                queryNames.add(p.name());
            }
        }
        return new RequestPlan(
                service + " " + op + " request",
                List.copyOf(parameters),
                Set.copyOf(queryNames),
                document.requestBodyPointer(op).orElse(null));
    }

    private static @Nullable JsonNode contentQuery(List<String[]> query, OpenApi.Parameter p)
            throws ParameterValues.Malformed {
        for (String[] pair : query) {
            if (pair[0].equals(p.name())) {
                return ParameterValues.content(ParameterValues.decodeQuery(pair[1]), p.mediaType());
            }
        }
        return null;
    }

    private List<ContractViolation> missing(String contract, ParameterPlan pp) {
        if (!pp.parameter.required()) {
            return List.of();
        }
        return List.of(violation(
                contract, pp.where, "parameter", "required " + pp.parameter.in() + " parameter is missing", ""));
    }

    /** How a parameter's value is read; fails when it does not follow the parameter's style. */
    private interface Reading {
        JsonNode read() throws ParameterValues.Malformed;
    }

    private List<ContractViolation> parameter(String contract, ParameterPlan pp, Reading reading) {
        JsonNode value;
        try {
            value = reading.read();
        } catch (ParameterValues.Malformed e) {
            return List.of(violation(contract, pp.where, "style", e.getMessage(), ""));
        }
        String schema = pp.parameter.schemaPointer();
        return schema == null ? List.of() : validateAt(contract, schema, value, pp.where, null);
    }

    /** A header's value by name in any case; several values of one name are joined by {@code ,}. */
    private static @Nullable String header(Map<String, String> headers, String name) {
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Checks a request and throws when it breaks the contract.
     *
     * @throws ContractViolationException listing every violation
     */
    public void checkRequest(
            HttpMethod method,
            String requestPathAndQuery,
            Map<String, String> headers,
            @Nullable String contentType,
            @Nullable JsonNode body) {
        throwIfAny(validateRequest(method, requestPathAndQuery, headers, contentType, body));
    }

    private List<ContractViolation> validateContent(
            String contract, String pointer, @Nullable String contentType, @Nullable JsonNode body, boolean request) {
        BodyKey key = new BodyKey(pointer, contentType, request);
        BodyPlan plan = bodyPlans.get(key);
        if (plan == null) {
            plan = bodyPlan(pointer, contentType, request);
            if (bodyPlans.size() < MAX_PLANS) {
                bodyPlans.put(key, plan);
            }
        }
        if (body == null || body.isMissingNode()) {
            if (plan.required || (!request && plan.hasContent && contentType != null)) {
                return List.of(violation(
                        contract, "", "body", (request ? "a request" : "a response") + " body is required", ""));
            }
            return List.of();
        }
        if (!plan.hasContent) {
            if (request) {
                return List.of();
            }
            return List.of(violation(
                    contract, "", "body", "no content is described for this response, yet it has a body", ""));
        }
        if (plan.unmatchedContent != null) {
            return List.of(contentTypeViolation(contract, plan.unmatchedContent, contentType));
        }
        return plan.schemaPointer == null ? List.of() : validateAt(contract, plan.schemaPointer, body, "", request);
    }

    private BodyPlan bodyPlan(String pointer, @Nullable String contentType, boolean request) {
        JsonNode container = document.root().at(pointer);
        JsonNode content = container.path("content");
        boolean required = request && container.path("required").asBoolean(false);
        if (content.isEmpty()) {
            return new BodyPlan(required, false, null, null);
        }
        Optional<String> mediaType = OpenApi.matchMediaType(content, contentType);
        if (mediaType.isEmpty()) {
            return new BodyPlan(required, true, content, null);
        }
        String schemaPointer = pointer + "/content/" + Schemas.escape(mediaType.get()) + "/schema";
        boolean hasSchema = !document.root().at(schemaPointer).isMissingNode();
        return new BodyPlan(required, true, null, hasSchema ? schemaPointer : null);
    }

    private ContractViolation contentTypeViolation(String contract, JsonNode content, @Nullable String contentType) {
        return violation(
                contract,
                "",
                "content-type",
                "content type is not documented (documented: " + String.join(", ", iterable(content.fieldNames()))
                        + ")",
                contentType == null ? "(none)" : contentType);
    }

    /** The schema at an absolute location, compiled once; the document's own are cached by pointer instead. */
    private Schema schemaAt(String location) {
        Schema cached = elsewhere.get(location);
        if (cached != null) {
            return cached;
        }
        Schema s = registry.getSchema(SchemaLocation.of(location));
        s.initializeValidators();
        if (elsewhere.size() < MAX_PLANS) {
            elsewhere.put(location, s);
        }
        return s;
    }

    /**
     * Validates a value against a schema of the document.
     *
     * @param request true for a request body, false for a response body, null for a parameter: a required {@code
     *     readOnly} property may be absent from a request, a required {@code writeOnly} one from a response
     */
    private List<ContractViolation> validateAt(
            String contract, String schemaPointer, JsonNode value, String prefix, @Nullable Boolean request) {
        List<Error> errors = compiled.computeIfAbsent(schemaPointer, p -> schemaAt(document.baseUri() + "#" + p))
                .validate(value);
        if (!document.hasDiscriminators()) {
            if (errors.isEmpty()) {
                return List.of();
            }
            if (request != null) {
                errors = withoutAccessOnly(errors, request);
            }
            return Schemas.violations(errors, contract, document.infoVersion(), sensitive, schemaPointer, prefix);
        }
        List<ContractViolation> out = new ArrayList<>();
        Set<String> discriminated = new java.util.HashSet<>();
        String location = document.baseUri() + "#" + schemaPointer;
        for (Discriminators.Found f : Discriminators.find(document, location, value)) {
            String at = prefix + f.instancePointer();
            if (!discriminated.add(at)) {
                continue;
            }
            String name = Discriminators.propertyName(document, f);
            JsonNode chosen = f.value().get(name);
            String where = at + "/" + Schemas.escape(name);
            if (chosen == null || !chosen.isTextual()) {
                out.add(violation(
                        contract,
                        where,
                        "discriminator",
                        chosen == null
                                ? "the discriminator property '" + name + "' is missing"
                                : "the discriminator property '" + name + "' must be a string",
                        Schemas.render(chosen)));
                continue;
            }
            String target = Discriminators.select(document, f, chosen.asText());
            if (target == null) {
                out.add(violation(
                        contract,
                        where,
                        "discriminator",
                        "'" + chosen.asText() + "' selects no schema (expected one of: "
                                + String.join(", ", Discriminators.values(document, f)) + ")",
                        Schemas.render(chosen)));
                continue;
            }
            List<Error> branch = schemaAt(target).validate(f.value());
            if (request != null) {
                branch = withoutAccessOnly(branch, request);
            }
            String targetPointer = target.substring(target.indexOf('#') + 1);
            out.addAll(Schemas.violations(branch, contract, document.infoVersion(), sensitive, targetPointer, at));
        }
        List<Error> kept = new ArrayList<>();
        for (Error e : errors) {
            String keyword = e.getKeyword() == null ? "" : e.getKeyword();
            boolean superseded = keyword.equals("discriminator")
                    || ((keyword.equals("oneOf") || keyword.equals("anyOf"))
                            && discriminated.contains(prefix + e.getInstanceLocation()));
            if (!superseded) {
                kept.add(e);
            }
        }
        if (request != null) {
            kept = withoutAccessOnly(kept, request);
        }
        out.addAll(Schemas.violations(kept, contract, document.infoVersion(), sensitive, schemaPointer, prefix));
        return out.isEmpty() ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(out));
    }

    /** Drops "required" errors for properties that are readOnly (in a request) or writeOnly (in a response). */
    private List<Error> withoutAccessOnly(List<Error> errors, boolean request) {
        if (!document.hasAccessModifiers()) {
            return errors;
        }
        List<Error> out = new ArrayList<>(errors.size());
        String keyword = request ? "readOnly" : "writeOnly";
        for (Error e : errors) {
            if ("required".equals(e.getKeyword()) && e.getProperty() != null && e.getSchemaLocation() != null) {
                String location = e.getSchemaLocation().toString();
                String parent = location.endsWith("/required")
                        ? location.substring(0, location.length() - "/required".length())
                        : location;
                if (flagged(parent + "/properties/" + Schemas.escape(e.getProperty()), keyword, 0)) {
                    continue;
                }
            }
            out.add(e);
        }
        return out;
    }

    /** Whether a schema, through references and allOf, says {@code readOnly: true} (or writeOnly). */
    private boolean flagged(String location, String keyword, int depth) {
        JsonNode node = document.node(location);
        if (depth > 16 || !node.isObject()) {
            return false;
        }
        if (node.path(keyword).asBoolean(false)) {
            return true;
        }
        String file = location.contains("#") ? location.substring(0, location.indexOf('#')) : location;
        if (node.path("$ref").isTextual()
                && flagged(OpenApi.target(file, node.get("$ref").asText()), keyword, depth + 1)) {
            return true;
        }
        JsonNode allOf = node.path("allOf");
        for (int i = 0; i < allOf.size(); i++) {
            if (flagged(location + "/allOf/" + i, keyword, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private ContractViolation noOperation(HttpMethod method, String path) {
        return violation(
                service + " " + method + " " + path,
                "",
                "operation",
                "no operation of " + service + "'s contract matches " + method + " " + stripQuery(path),
                "");
    }

    private ContractViolation violation(String contract, String pointer, String rule, String message, String value) {
        return new ContractViolation(contract, document.infoVersion(), pointer, rule, message, value);
    }

    private static void throwIfAny(List<ContractViolation> violations) {
        if (!violations.isEmpty()) {
            throw new ContractViolationException(violations);
        }
    }

    private static @Nullable String queryOf(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = pathAndQuery.indexOf('#', q);
        return hash < 0 ? pathAndQuery.substring(q + 1) : pathAndQuery.substring(q + 1, hash);
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Override
    public String toString() {
        return "HttpContract{" + service + " " + version() + ", " + operations().size() + " operations}";
    }
}
