package ai.openclaw.samples.support;

import ai.openclaw.sdk.catalog.Endpoint;
import ai.openclaw.sdk.catalog.EndpointMatch;
import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.contract.ContractViolation;
import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.contract.HttpOperation;
import ai.openclaw.sdk.health.HealthEndpoint;
import ai.openclaw.sdk.health.HealthRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sample service's HTTP face: JSON routes on the JDK's HTTP server, each request checked against the service's own
 * OpenAPI contract before its handler runs (a request that breaks it gets a 400 {@code application/problem+json}
 * naming each JSON pointer and rule), a SERVER span continuing the caller's W3C trace, and the health endpoints at
 * {@code /health}.
 *
 * <pre>{@code
 * SampleServer server = SampleServer.builder("user-service", env)
 *         .route("GET /users/{id}", request -> SampleServer.Reply.ok(users.get(request.variable("id"))))
 *         .health(health)
 *         .start(8080);
 * }</pre>
 *
 * <p>Every route must be an operation of the contract, so the code cannot drift from it unnoticed: {@link
 * Builder#start} refuses a route the contract does not have.
 */
public final class SampleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SampleServer.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final TextMapGetter<HttpExchange> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpExchange carrier) {
            return carrier.getRequestHeaders().keySet();
        }

        @Override
        public @Nullable String get(@Nullable HttpExchange carrier, String key) {
            return carrier == null ? null : carrier.getRequestHeaders().getFirst(key);
        }
    };

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers a request that keeps the contract.
         *
         * @throws Problem for an answer other than success
         */
        Reply handle(Request request) throws Exception;
    }

    /**
     * A request that keeps the contract.
     *
     * @param method the method
     * @param path the path, without the query
     * @param pathVariables the template's variables, decoded
     * @param query the query parameters (first value of each), decoded
     * @param body the JSON body, or {@code null}
     */
    public record Request(
            HttpMethod method,
            String path,
            Map<String, String> pathVariables,
            Map<String, String> query,
            @Nullable JsonNode body,
            ObjectMapper json) {
        /** A path variable of the route's template. */
        public String variable(String name) {
            String v = pathVariables.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no path variable '" + name + "' in " + path);
            }
            return v;
        }

        /** The body mapped to a type. */
        public <T> T body(Class<T> type) {
            if (body == null) {
                throw new Problem(400, "a JSON body is required", "");
            }
            try {
                return json.treeToValue(body, type);
            } catch (JsonProcessingException e) {
                throw new Problem(400, "the body does not map to " + type.getSimpleName(), e.getOriginalMessage());
            }
        }
    }

    /**
     * An answer.
     *
     * @param status the status code
     * @param body what is written as JSON, or {@code null} for no body
     */
    public record Reply(int status, @Nullable Object body) {
        /** 200 with a body. */
        public static Reply ok(Object body) {
            return new Reply(200, body);
        }

        /** 201 with a body. */
        public static Reply created(Object body) {
            return new Reply(201, body);
        }

        /** 204, no body. */
        public static Reply noContent() {
            return new Reply(204, null);
        }
    }

    /** An answer in RFC 9457 form ({@code application/problem+json}): throw it from a handler. */
    public static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String detail;

        /**
         * A problem.
         *
         * @param status the status code
         * @param title a short, fixed summary
         * @param detail this occurrence's detail; may be empty
         */
        public Problem(int status, String title, String detail) {
            super(title);
            this.status = status;
            this.detail = Objects.requireNonNull(detail, "detail");
        }

        /** The status code. */
        public int status() {
            return status;
        }

        /** This occurrence's detail. */
        public String detail() {
            return detail;
        }
    }

    private record Route(Endpoint endpoint, Handler handler) {}

    private final String service;
    private final HttpContract contract;
    private final ObjectMapper json;
    private final Tracer tracer;
    private final SampleEnvironment env;
    private final List<Route> routes;
    private final HttpServer server;
    private final ExecutorService executor;

    private SampleServer(Builder b, int port) throws IOException {
        this.service = b.service;
        this.env = b.env;
        this.contract = b.contract;
        this.json = b.env.json();
        this.tracer = b.env.openTelemetry().getTracer("ai.openclaw.samples");
        this.routes = List.copyOf(b.routes);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, service + "-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        if (b.health != null) {
            server.createContext("/health", HealthEndpoint.of(b.health));
        }
        server.start();
    }

    /**
     * Starts a builder.
     *
     * @param service the catalog name of the service, whose contract is {@code contracts/http/<service>.openapi.yaml}
     * @param env the environment
     * @throws IllegalArgumentException when the service has no HTTP contract
     */
    public static Builder builder(String service, SampleEnvironment env) {
        return new Builder(service, env);
    }

    /** The port the server listens on (loopback). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Stops at once: requests in progress are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Optional<HttpMethod> method = HttpMethod.parse(exchange.getRequestMethod());
            Optional<HttpOperation> operation = method.flatMap(m -> contract.findOperation(m, rawPath));
            Optional<Route> route = operation.flatMap(op -> routes.stream()
                    .filter(r -> r.endpoint.equals(op.endpoint()))
                    .findFirst());
            String name = operation.map(HttpOperation::toString).orElse(exchange.getRequestMethod());
            Context parent = env.openTelemetry()
                    .getPropagators()
                    .getTextMapPropagator()
                    .extract(Context.root(), exchange, HEADERS);
            Span span = tracer.spanBuilder(name)
                    .setParent(parent)
                    .setSpanKind(SpanKind.SERVER)
                    .setAttribute("http.request.method", exchange.getRequestMethod())
                    .setAttribute("url.path", rawPath)
                    .startSpan();
            operation.ifPresent(op -> span.setAttribute("http.route", op.pathTemplate()));
            Reply reply;
            try (Scope ignored = span.makeCurrent()) {
                reply = route.isEmpty()
                        ? problem(new Problem(404, "no such resource", exchange.getRequestMethod() + " " + rawPath))
                        : answer(exchange, method.orElseThrow(), rawPath, rawQuery, route.get());
            }
            span.setAttribute("http.response.status_code", reply.status());
            if (reply.status() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
            write(exchange, reply);
        }
    }

    private Reply answer(
            HttpExchange exchange, HttpMethod method, String rawPath, @Nullable String rawQuery, Route route) {
        try {
            JsonNode body = readBody(exchange);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String pathAndQuery = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
            List<ContractViolation> violations =
                    contract.validateRequest(method, pathAndQuery, headers, contentType, body);
            if (!violations.isEmpty()) {
                LOG.info("{} {} {} refused: {}", service, method, rawPath, violations);
                return violations(violations);
            }
            EndpointMatch match = route.endpoint.match(method, rawPath).orElseThrow();
            return route.handler.handle(
                    new Request(method, rawPath, match.pathVariables(), query(rawQuery), body, json));
        } catch (Problem p) {
            return problem(p);
        } catch (Exception e) {
            LOG.error("{} {} {} failed", service, method, rawPath, e);
            return problem(new Problem(500, "internal error", e.getClass().getSimpleName()));
        }
    }

    private @Nullable JsonNode readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new Problem(413, "request body too large", "at most " + MAX_BODY_BYTES + " bytes");
            }
            if (bytes.length == 0) {
                return null;
            }
            try {
                return json.readTree(bytes);
            } catch (JsonProcessingException e) {
                throw new Problem(
                        400,
                        "the body is not JSON",
                        "line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
            }
        }
    }

    private Reply violations(List<ContractViolation> violations) {
        ObjectNode problem = problemNode(
                400,
                "the request breaks the " + service + " contract",
                violations.size() + (violations.size() == 1 ? " violation" : " violations"));
        ArrayNode list = problem.putArray("violations");
        for (ContractViolation v : violations) {
            list.addObject().put("pointer", v.pointer()).put("rule", v.rule()).put("message", v.message());
        }
        return new Reply(400, problem);
    }

    private Reply problem(Problem p) {
        return new Reply(p.status(), problemNode(p.status(), p.getMessage(), p.detail()));
    }

    private ObjectNode problemNode(int status, String title, String detail) {
        ObjectNode problem = json.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status);
        if (!detail.isEmpty()) {
            problem.put("detail", detail);
        }
        return problem;
    }

    private void write(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(reply.body());
        boolean problem = reply.status() >= 400 && reply.body() instanceof ObjectNode;
        exchange.getResponseHeaders()
                .set("Content-Type", problem ? "application/problem+json" : "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(@Nullable String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(k, v);
        }
        return query;
    }

    /** Builds a {@link SampleServer}. */
    public static final class Builder {
        private final String service;
        private final SampleEnvironment env;
        private final HttpContract contract;
        private final List<Route> routes = new ArrayList<>();
        private @Nullable HealthRegistry health;

        private Builder(String service, SampleEnvironment env) {
            this.service = Objects.requireNonNull(service, "service");
            this.env = Objects.requireNonNull(env, "env");
            this.contract = env.contracts()
                    .httpContract(service)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no HTTP contract for " + service + " (contracts/http/" + service + ".openapi.yaml)"));
        }

        /**
         * Serves an operation of the contract.
         *
         * @param endpoint {@code METHOD /template}, as the contract writes it ({@code GET /users/{id}})
         * @param handler the handler
         */
        public Builder route(String endpoint, Handler handler) {
            Endpoint e = Endpoint.parse(endpoint);
            boolean known =
                    contract.operations().stream().anyMatch(op -> op.endpoint().equals(e));
            if (!known) {
                throw new IllegalArgumentException(service + " contract has no operation " + endpoint);
            }
            routes.add(new Route(e, Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /** The health checks to serve at {@code /health}, {@code /health/live}, {@code /ready}, {@code /started}. */
        public Builder health(HealthRegistry health) {
            this.health = Objects.requireNonNull(health, "health");
            return this;
        }

        /**
         * Starts listening on loopback.
         *
         * @param port the port; 0 for any free one
         */
        public SampleServer start(int port) {
            try {
                return new SampleServer(this, port);
            } catch (IOException e) {
                throw new UncheckedIOException(service + " cannot listen on port " + port, e);
            }
        }
    }

    @Override
    public String toString() {
        return service + " at " + uri() + " (" + routes.size() + " routes)";
    }
}
