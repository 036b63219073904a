package ai.openclaw.sdk.server;

import ai.openclaw.sdk.catalog.EndpointMatch;
import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.config.SettingKeys;
import ai.openclaw.sdk.contract.ContractViolation;
import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.contract.HttpOperation;
import ai.openclaw.sdk.internal.TraceMdc;
import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of a service, independent of any HTTP stack: for each incoming request it
 *
 * <ul>
 *   <li>continues the caller's W3C trace ({@code traceparent}) in a SERVER span named after the contract's operation
 *       ({@code GET /users/{id}}), with {@code trace_id} and {@code span_id} in the logging MDC while the service's
 *       code runs;
 *   <li>checks the request against the service's own OpenAPI contract — parameters as their style serialises them,
 *       the body by its schema — and answers one that breaks it with a {@code 400 application/problem+json} listing
 *       each violation's JSON pointer and rule (never the values sent);
 *   <li>answers an unsafe request (POST, PUT, PATCH, DELETE) sent again with the same {@code Idempotency-Key} with the
 *       first response (marked {@code Idempotent-Replayed: true}), refuses the key while its first request is still
 *       running (409) or when it comes with another request (422);
 *   <li>optionally checks the response against the contract too ({@link ResponseValidation});
 *   <li>answers a {@link Problem} thrown by the service's code in RFC 9457 form, and any other exception with a bare
 *       500 (its message stays in the log, beside the trace id).
 * </ul>
 *
 * <p>On the JDK's HTTP server it serves as it is ({@link #httpHandler}); a framework adapter calls {@link #handle}.
 *
 * <pre>{@code
 * ServerKit kit = ServerKit.builder("user-service", contract)
 *         .openTelemetry(openTelemetry)
 *         .responseValidation(ResponseValidation.LOG)
 *         .build();
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/", kit.httpHandler(request -> ServerResponse.ok(users.get(request.variable("id")))));
 * server.start();
 * }</pre>
 *
 * <p>A kit is immutable and thread-safe; build one per service and share it.
 */
public final class ServerKit {
    /** The header a client sends to make an unsafe request safe to retry. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The header on a response that repeats a stored one. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** The content type of every problem answer. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = LoggerFactory.getLogger(ServerKit.class);
    private static final Set<HttpMethod> UNSAFE =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final TextMapGetter<Map<String, List<String>>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, List<String>> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, List<String>> carrier, String key) {
            if (carrier == null) {
                return null;
            }
            for (Map.Entry<String, List<String>> e : carrier.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    };

    private final String service;
    private final HttpContract contract;
    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final ObjectMapper json;
    private final ResponseValidation responseValidation;
    private final @Nullable IdempotencyStore idempotency;
    private final int maxBodyBytes;

    private ServerKit(Builder b) {
        this.service = b.service;
        this.contract = b.contract;
        this.openTelemetry = b.openTelemetry;
        this.tracer = b.openTelemetry.getTracer("ai.openclaw.sdk.server");
        this.json = b.json;
        this.responseValidation = b.responseValidation;
        this.idempotency = b.idempotency;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /**
     * Starts a builder.
     *
     * @param service the service's catalog name, used in span attributes, logs and problem titles
     * @param contract the service's own HTTP contract
     */
    public static Builder builder(String service, HttpContract contract) {
        return new Builder(service, contract);
    }

    /**
     * A request as any HTTP stack hands it over.
     *
     * @param method the method as sent ({@code GET})
     * @param rawPath the path, percent-encoded as sent, without the query
     * @param rawQuery the query string as sent, or {@code null}
     * @param headers the headers, names in any case
     * @param body the body's bytes (empty when there is none)
     */
    public record Inbound(
            String method, String rawPath, @Nullable String rawQuery, Map<String, List<String>> headers, byte[] body) {
        /** Validates. */
        public Inbound {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(rawPath, "rawPath");
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * The answer to write back.
     *
     * @param status the status
     * @param headers the headers, {@code Content-Type} among them when there is a body
     * @param body the bytes (empty for none)
     */
    public record Outbound(int status, Map<String, String> headers, byte[] body) {
        /** Copies. */
        public Outbound {
            headers = Map.copyOf(headers);
        }
    }

    /** The service's contract, which requests are checked against. */
    public HttpContract contract() {
        return contract;
    }

    /**
     * Whether the contract has an operation at this raw path, with any method (a wrong method is then the kit's 405):
     * what an adapter asks before handing a request over, so that other paths (health, metrics) pass untouched.
     */
    public boolean describes(String rawPath) {
        for (HttpMethod m : HttpMethod.values()) {
            if (contract.findOperation(m, rawPath).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The largest body a request may carry, in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Serves one request: traced, checked, deduplicated, answered.
     *
     * @param request the request
     * @param responder the service's code, called only for a request that keeps the contract
     * @return the answer to write back
     */
    public Outbound handle(Inbound request, Responder responder) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(responder, "responder");
        Optional<HttpMethod> method = HttpMethod.parse(request.method());
        Optional<HttpOperation> operation = method.flatMap(m -> contract.findOperation(m, request.rawPath()));
        Context parent = openTelemetry
                .getPropagators()
                .getTextMapPropagator()
                .extract(Context.root(), request.headers(), GETTER);
        Span span = tracer.spanBuilder(operation.map(HttpOperation::toString).orElse(request.method()))
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.method())
                .setAttribute("url.path", request.rawPath())
                .setAttribute("service.name", service)
                .startSpan();
        operation.ifPresent(op -> span.setAttribute("http.route", op.pathTemplate()));
        Outbound out = null;
        try (Scope ignored = span.makeCurrent();
                TraceMdc mdc = TraceMdc.of(span)) {
            out = operation.isPresent()
                    ? answer(request, method.orElseThrow(), operation.get(), responder)
                    : noOperation(request, method.orElse(null));
            return out;
        } finally {
            // an Error thrown by the service's code goes on up, but the span still ends, failed
            if (out != null) {
                span.setAttribute("http.response.status_code", (long) out.status());
            }
            if (out == null || out.status() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }

    /**
     * This kit as a handler of the JDK's HTTP server: mount it at {@code /} (and the health endpoints beside it).
     *
     * @param responder the service's code
     */
    public HttpHandler httpHandler(Responder responder) {
        Objects.requireNonNull(responder, "responder");
        return exchange -> serve(exchange, responder);
    }

    private void serve(HttpExchange exchange, Responder responder) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(maxBodyBytes + 1);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
            Outbound out = handle(
                    new Inbound(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getRawPath(),
                            exchange.getRequestURI().getRawQuery(),
                            headers,
                            body),
                    responder);
            out.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean noBody =
                    out.body().length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            exchange.sendResponseHeaders(out.status(), noBody ? -1 : out.body().length);
            if (!noBody) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out.body());
                }
            }
        }
    }

    private Outbound noOperation(Inbound request, @Nullable HttpMethod method) {
        Set<String> allowed = new TreeSet<>();
        for (HttpMethod m : HttpMethod.values()) {
            if (m != method && contract.findOperation(m, request.rawPath()).isPresent()) {
                allowed.add(m.name());
            }
        }
        if (allowed.isEmpty()) {
            return problem(new Problem(404, "no such resource", request.method() + " " + request.rawPath()));
        }
        Outbound out = problem(new Problem(
                405, "method not allowed", request.method() + " " + request.rawPath() + " allows " + allowed));
        Map<String, String> headers = new LinkedHashMap<>(out.headers());
        headers.put("Allow", String.join(", ", allowed));
        return new Outbound(405, headers, out.body());
    }

    private Outbound answer(Inbound request, HttpMethod method, HttpOperation operation, Responder responder) {
        if (request.body().length > maxBodyBytes) {
            return problem(new Problem(413, "request body too large", "at most " + maxBodyBytes + " bytes"));
        }
        Map<String, String> joined = joined(request.headers());
        String contentType = header(joined, "Content-Type");
        JsonNode body;
        try {
            body = parseJson(request.body(), contentType);
        } catch (Problem p) {
            return problem(p);
        }
        String pathAndQuery =
                request.rawQuery() == null ? request.rawPath() : request.rawPath() + "?" + request.rawQuery();
        List<ContractViolation> violations = contract.validateRequest(method, pathAndQuery, joined, contentType, body);
        if (!violations.isEmpty()) {
            LOG.info(
                    "{}: {} {} refused: {} contract violation(s) {}",
                    service,
                    method,
                    request.rawPath(),
                    violations.size(),
                    pointers(violations));
            return violations(400, "the request breaks the " + service + " contract", violations);
        }
        String key = UNSAFE.contains(method) ? header(joined, IDEMPOTENCY_KEY) : null;
        if (key != null && idempotency != null) {
            return idempotent(key, request, method, operation, body, responder);
        }
        return run(request, method, operation, body, responder);
    }

    private Outbound idempotent(
            String key,
            Inbound request,
            HttpMethod method,
            HttpOperation operation,
            @Nullable JsonNode body,
            Responder responder) {
        IdempotencyStore store = Objects.requireNonNull(idempotency);
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return problem(
                    new Problem(400, "invalid Idempotency-Key", "1 to 255 printable ASCII characters are expected"));
        }
        IdempotencyStore.Claim claim = store.claim(key, fingerprint(request));
        switch (claim.kind()) {
            case REPLAY -> {
                IdempotencyStore.StoredResponse stored = Objects.requireNonNull(claim.response());
                Map<String, String> headers = new LinkedHashMap<>(stored.headers());
                headers.put(REPLAYED, "true");
                return new Outbound(stored.status(), headers, stored.body());
            }
            case IN_FLIGHT -> {
                return problem(new Problem(
                        409, "a request with this Idempotency-Key is in progress", "retry once it has been answered"));
            }
            case MISMATCH -> {
                return problem(new Problem(
                        422, "the Idempotency-Key was used with another request", "send a new key for a new request"));
            }
            default -> {
                // NEW: run it, remember the answer unless it failed (a retry may then succeed)
            }
        }
        Outbound out;
        try {
            out = run(request, method, operation, body, responder);
        } catch (RuntimeException | Error e) {
            store.release(key);
            throw e;
        }
        if (out.status() >= 500) {
            store.release(key);
        } else {
            store.complete(key, new IdempotencyStore.StoredResponse(out.status(), out.headers(), out.body()));
        }
        return out;
    }

    private Outbound run(
            Inbound request, HttpMethod method, HttpOperation operation, @Nullable JsonNode body, Responder responder) {
        Map<String, String> variables = operation
                .endpoint()
                .match(method, request.rawPath())
                .map(EndpointMatch::pathVariables)
                .orElse(Map.of());
        ServerRequest serverRequest = new ServerRequest(
                method,
                request.rawPath(),
                operation,
                variables,
                query(request.rawQuery()),
                request.headers(),
                request.body(),
                body,
                json);
        ServerResponse response;
        try {
            response = Objects.requireNonNull(responder.respond(serverRequest), "the responder answered null");
        } catch (Problem p) {
            return problem(p);
        } catch (Exception e) {
            LOG.error("{}: {} {} failed", service, method, request.rawPath(), e);
            return problem(new Problem(500, "internal error", ""));
        }
        Outbound out;
        try {
            out = write(response);
        } catch (JsonProcessingException e) {
            LOG.error("{}: {} {}: the response cannot be written as JSON", service, method, request.rawPath(), e);
            return problem(new Problem(500, "internal error", ""));
        }
        return responseValidation == ResponseValidation.OFF ? out : checked(request, method, out);
    }

    private Outbound checked(Inbound request, HttpMethod method, Outbound out) {
        String contentType = header(out.headers(), "Content-Type");
        JsonNode body;
        try {
            body = parseJson(out.body(), contentType);
        } catch (Problem p) {
            body = null; // not JSON: the contract check says so if it expects JSON
        }
        List<ContractViolation> violations =
                contract.validateResponse(method, request.rawPath(), out.status(), out.headers(), contentType, body);
        if (violations.isEmpty()) {
            return out;
        }
        LOG.warn(
                "{}: the response to {} {} ({}) breaks the contract: {}",
                service,
                method,
                request.rawPath(),
                out.status(),
                pointers(violations));
        return responseValidation == ResponseValidation.REFUSE
                ? violations(500, "the response breaks the " + service + " contract", violations)
                : out;
    }

    private Outbound write(ServerResponse response) throws JsonProcessingException {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        Object body = response.body();
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (body instanceof byte[] raw) {
            bytes = raw.clone();
            if (header(headers, "Content-Type") == null) {
                headers.put("Content-Type", "application/octet-stream");
            }
        } else {
            bytes = json.writeValueAsBytes(body);
            if (header(headers, "Content-Type") == null) {
                headers.put("Content-Type", "application/json");
            }
        }
        return new Outbound(response.status(), headers, bytes);
    }

    private @Nullable JsonNode parseJson(byte[] bytes, @Nullable String contentType) {
        if (bytes.length == 0 || !isJson(contentType)) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : "line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new Problem(400, "the body is not JSON", where);
        } catch (IOException e) {
            throw new Problem(400, "the body is not JSON", "");
        }
    }

    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private Outbound violations(int status, String title, List<ContractViolation> violations) {
        ObjectNode problem =
                problemNode(status, title, violations.size() + (violations.size() == 1 ? " violation" : " violations"));
        ArrayNode list = problem.putArray("violations");
        for (ContractViolation v : violations) {
            // the pointer, the rule and the validator's words; the value sent stays out (it may be a secret)
            list.addObject().put("pointer", v.pointer()).put("rule", v.rule()).put("message", v.message());
        }
        return problemOutbound(status, problem);
    }

    private Outbound problem(Problem p) {
        return problemOutbound(p.status(), problemNode(p.status(), p.title(), p.detail()));
    }

    private ObjectNode problemNode(int status, String title, String detail) {
        ObjectNode problem = json.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status);
        if (!detail.isEmpty()) {
            problem.put("detail", detail);
        }
        String traceId = Span.current().getSpanContext().isValid()
                ? Span.current().getSpanContext().getTraceId()
                : null;
        if (traceId != null) {
            problem.put("traceId", traceId);
        }
        return problem;
    }

    private Outbound problemOutbound(int status, ObjectNode problem) {
        try {
            return new Outbound(status, Map.of("Content-Type", PROBLEM_JSON), json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document cannot be written", e);
        }
    }

    private static List<String> pointers(List<ContractViolation> violations) {
        List<String> out = new ArrayList<>();
        violations.forEach(v -> out.add(v.pointer() + " (" + v.rule() + ")"));
        return out;
    }

    private static Map<String, String> joined(Map<String, List<String>> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.merge(k, String.join(",", v), (a, b) -> a + "," + b));
        return out;
    }

    private static @Nullable String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Map<String, List<String>> query(@Nullable String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        query.replaceAll((k, v) -> List.copyOf(v));
        return query;
    }

    /** What identifies a request for its Idempotency-Key: method, path, query and body, digested. */
    private static String fingerprint(Inbound request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(
                    (request.method() + " " + request.rawPath() + "?" + Objects.toString(request.rawQuery(), "") + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            sha.update(request.body());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ServerKit[" + service + ", " + contract.operations().size() + " operations, responses "
                + responseValidation + "]";
    }

    /** Builds a {@link ServerKit}. */
    public static final class Builder {
        private final String service;
        private final HttpContract contract;
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private ObjectMapper json = JsonMappers.standard();
        private ResponseValidation responseValidation = ResponseValidation.OFF;
        private @Nullable IdempotencyStore idempotency = IdempotencyStore.inMemory(Duration.ofHours(24), 10_000);
        private int maxBodyBytes = 1024 * 1024;

        private Builder(String service, HttpContract contract) {
            this.service = Objects.requireNonNull(service, "service");
            this.contract = Objects.requireNonNull(contract, "contract");
        }

        /** Where spans go and how trace context is read (default: no-op, W3C context still propagates nowhere). */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** The mapper for bodies (default {@link JsonMappers#standard()}: java.time, no default typing). */
        public Builder json(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** What to do with a response that breaks the contract (default {@link ResponseValidation#OFF}). */
        public Builder responseValidation(ResponseValidation responseValidation) {
            this.responseValidation = Objects.requireNonNull(responseValidation, "responseValidation");
            return this;
        }

        /**
         * Where responses to {@code Idempotency-Key} requests are kept (default: in memory, 24 hours, 10,000 keys).
         *
         * @param store the store, or {@code null} to ignore the header
         */
        public Builder idempotency(@Nullable IdempotencyStore store) {
            this.idempotency = store;
            return this;
        }

        /** The largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 0) {
                throw new IllegalArgumentException("maxBodyBytes must not be negative, not " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Takes what the settings give ({@code openclaw.server.*}: max-body-bytes, response-validation,
         * idempotency.enabled, idempotency.ttl, idempotency.max-keys); what they leave out keeps its current value.
         *
         * @throws OpenClawSettings.SettingsException for a value that cannot be read, naming the key and its source
         */
        public Builder settings(OpenClawSettings settings) {
            Objects.requireNonNull(settings, "settings");
            maxBodyBytes(settings.integer(SettingKeys.SERVER_MAX_BODY_BYTES, maxBodyBytes));
            responseValidation(settings.choice(
                    SettingKeys.SERVER_RESPONSE_VALIDATION, ResponseValidation.class, responseValidation));
            boolean keys = settings.bool(SettingKeys.SERVER_IDEMPOTENCY_ENABLED, idempotency != null);
            if (!keys) {
                idempotency = null;
            } else if (settings.string(SettingKeys.SERVER_IDEMPOTENCY_TTL).isPresent()
                    || settings.string(SettingKeys.SERVER_IDEMPOTENCY_MAX_KEYS).isPresent()
                    || idempotency == null) {
                idempotency = IdempotencyStore.inMemory(
                        settings.duration(SettingKeys.SERVER_IDEMPOTENCY_TTL, Duration.ofHours(24)),
                        settings.integer(SettingKeys.SERVER_IDEMPOTENCY_MAX_KEYS, 10_000));
            }
            return this;
        }

        /** The kit. */
        public ServerKit build() {
            return new ServerKit(this);
        }
    }
}
