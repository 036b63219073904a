package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.internal.contract.OpenApi;
import ai.openclaw.sdk.internal.contract.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private final Schemas.Sensitive sensitive;
    private final List<Route> routes;

    /** An operation with its template's segments, built once: matching runs on every call. */
    private static final class Route {
        final HttpOperation operation;
        final String[] segments; // a variable's segment is null; its name is in names
        final String[] names;
        final int literals;

        Route(HttpOperation operation) {
            this.operation = operation;
            List<String> parts = new java.util.ArrayList<>();
            for (String part : operation.pathTemplate().split("/")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            segments = new String[parts.size()];
            names = new String[parts.size()];
            int lits = 0;
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                if (part.startsWith("{") && part.endsWith("}")) {
                    names[i] = part.substring(1, part.length() - 1);
                } else {
                    segments[i] = part;
                    lits++;
                }
            }
            literals = lits;
        }

        /** The path variables (decoded) when {@code path} (no query) matches, else null; no allocation on a miss. */
        @Nullable
        Map<String, String> match(String path) {
            int n = path.length();
            int at = 0;
            int segment = 0;
            java.util.Map<String, String> variables = null;
            while (true) {
                while (at < n && path.charAt(at) == '/') {
                    at++;
                }
                if (at >= n) {
                    break;
                }
                int end = path.indexOf('/', at);
                if (end < 0) {
                    end = n;
                }
                if (segment == segments.length) {
                    return null;
                }
                String literal = segments[segment];
                if (literal != null) {
                    if (end - at != literal.length() || !path.regionMatches(at, literal, 0, literal.length())) {
                        return null;
                    }
                } else {
                    if (variables == null) {
                        variables = new java.util.LinkedHashMap<>();
                    }
                    variables.put(names[segment], URLDecoder.decode(path.substring(at, end), StandardCharsets.UTF_8));
                }
                segment++;
                at = end;
            }
            if (segment != segments.length) {
                return null;
            }
            return variables == null ? Map.of() : variables;
        }
    }

    /** Where the response of an operation and status is described, or why it is not: found once. */
    private record ResponsePlan(
            String contract,
            @Nullable ContractViolation undocumented,
            @Nullable String pointer) {}

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
            r.add(new Route(op));
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

    private record Match(HttpOperation operation, Map<String, String> variables) {}

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
        int bestLiterals = -1;
        for (Route route : routes) {
            if (route.literals <= bestLiterals || route.operation.method() != method) {
                continue;
            }
            Map<String, String> variables = route.match(path);
            if (variables != null) {
                best = new Match(route.operation, variables);
                bestLiterals = route.literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Checks a response.
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
        return validateContent(plan.contract, Objects.requireNonNull(plan.pointer), contentType, body, false);
    }

    private ResponsePlan responsePlan(HttpOperation op, int status) {
        String contract = service + " " + op + " " + status;
        Optional<String> response = document.responsePointer(op, status);
        if (response.isPresent()) {
            return new ResponsePlan(contract, null, response.get());
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
                null);
    }

    /**
     * Checks a response and throws when it breaks the contract.
     *
     * @throws ContractViolationException listing every violation
     */
    public void checkResponse(
            HttpMethod method, String requestPath, int status, @Nullable String contentType, @Nullable JsonNode body) {
        throwIfAny(validateResponse(method, requestPath, status, contentType, body));
    }

    /**
     * Checks a request: path and query parameters, required headers, and the body.
     *
     * @param method the method
     * @param requestPathAndQuery the path, with the query string if there is one ({@code /users?limit=5})
     * @param headers the request's headers (names in any case; first value of each)
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
        String contract = service + " " + op + " request";
        List<ContractViolation> out = new ArrayList<>();
        Map<String, String> query = query(requestPathAndQuery);
        Map<String, String> lowerHeaders = new java.util.HashMap<>();
        headers.forEach((k, v) -> lowerHeaders.put(k.toLowerCase(Locale.ROOT), v));
        for (OpenApi.Parameter p : document.parameters(op)) {
            String value =
                    switch (p.in()) {
                        case "path" -> match.get().variables.get(p.name());
                        case "query" -> query.get(p.name());
                        case "header" -> lowerHeaders.get(p.name().toLowerCase(Locale.ROOT));
                        default -> null; // cookies are not checked
                    };
            String where = "/" + p.in() + "/" + Schemas.escape(p.name());
            if (value == null) {
                if (p.required() && !p.in().equals("cookie")) {
                    out.add(violation(
                            contract, where, "parameter", "required " + p.in() + " parameter is missing", ""));
                }
                continue;
            }
            if (p.schemaPointer() != null) {
                JsonNode typed = coerce(value, document.typeOf(p.schemaPointer()));
                out.addAll(validateAt(contract, p.schemaPointer(), typed, where));
            }
        }
        Optional<String> requestBody = document.requestBodyPointer(op);
        if (requestBody.isPresent()) {
            out.addAll(validateContent(contract, requestBody.get(), contentType, body, true));
        }
        return List.copyOf(out);
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
            return List.of();
        }
        if (plan.unmatchedContent != null) {
            return List.of(contentTypeViolation(contract, plan.unmatchedContent, contentType));
        }
        return plan.schemaPointer == null ? List.of() : validateAt(contract, plan.schemaPointer, body, "");
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

    private List<ContractViolation> validateAt(String contract, String schemaPointer, JsonNode value, String prefix) {
        Schema schema = compiled.computeIfAbsent(schemaPointer, p -> {
            Schema s = registry.getSchema(SchemaLocation.of(document.baseUri() + "#" + p));
            s.initializeValidators();
            return s;
        });
        return Schemas.violations(
                schema.validate(value), contract, document.infoVersion(), sensitive, schemaPointer, prefix);
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

    private static JsonNode coerce(String value, String type) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            switch (type) {
                case "integer":
                    return f.numberNode(new java.math.BigInteger(value));
                case "number":
                    return f.numberNode(new BigDecimal(value));
                case "boolean":
                    if (value.equals("true") || value.equals("false")) {
                        return f.booleanNode(Boolean.parseBoolean(value));
                    }
                    return f.textNode(value);
                default:
                    return f.textNode(value);
            }
        } catch (NumberFormatException e) {
            return f.textNode(value); // the schema's type check reports it
        }
    }

    private static Map<String, String> query(String pathAndQuery) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(name, value);
        }
        return out;
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
