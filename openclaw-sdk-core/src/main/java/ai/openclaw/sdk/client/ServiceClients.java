package ai.openclaw.sdk.client;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractViolation;
import ai.openclaw.sdk.contract.ContractViolationException;
import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.discovery.SelectedInstance;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.internal.Arguments;
import ai.openclaw.sdk.internal.TraceMdc;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.policy.CallContext;
import ai.openclaw.sdk.policy.CallPolicies;
import ai.openclaw.sdk.policy.CallPolicy;
import ai.openclaw.sdk.policy.CallPolicyException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Everything service clients share: one OkHttp connection pool and dispatcher, discovery, contracts, the policy of
 * each target, OpenTelemetry, the JSON mapper. One per SDK instance; thread-safe; close it at shutdown.
 *
 * <pre>{@code
 * ServiceClients clients = ServiceClients.builder(discovery)
 *         .contracts(contracts)              // responses checked against the provider's OpenAPI document
 *         .validateRequests(true)            // and requests too
 *         .policies(ResiliencePolicies.defaults())
 *         .openTelemetry(openTelemetry)
 *         .build();
 * ServiceClient users = clients.client("user-service");
 * }</pre>
 *
 * <p>A call: the path template filled and encoded; the request checked against the contract when asked; then under
 * the target's policy, each attempt picks an instance from discovery, sends with W3C trace context and a CLIENT span,
 * and reports the instance's outcome (connection failures and 5xx count against it); a 4xx or 5xx answer becomes an
 * {@link HttpStatusException} (with the RFC 9457 problem when there is one); a 2xx body is checked against the contract
 * (drift is a {@link ContractViolationException}, never a silently wrong object) and mapped to the asked type.
 */
public final class ServiceClients implements AutoCloseable {
    /** Connect timeout, by default. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Read timeout, by default. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Whole-call timeout (every attempt of a call), by default. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);
    /** The longest response body read, by default: 10 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final int EXCERPT = 1024;

    private final ServiceDiscovery discovery;
    private final @Nullable ContractRegistry contracts;
    private final boolean validateRequests;
    private final boolean validateResponses;
    private final CallPolicies policies;
    private final ObjectMapper json;
    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final Duration callTimeout;
    private final int maxResponseBytes;
    private final ExecutorService executor;
    private final LongCounter requests;
    private final DoubleHistogram duration;

    private ServiceClients(Builder b) {
        this.discovery = b.discovery;
        this.contracts = b.contracts;
        this.validateRequests = b.validateRequests;
        this.validateResponses = b.validateResponses;
        this.policies = b.policies;
        this.json = b.json;
        this.openTelemetry = b.openTelemetry;
        this.tracer = b.openTelemetry.getTracer("ai.openclaw.sdk.client");
        this.ownsHttp = b.http == null;
        this.http = b.http != null
                ? b.http
                : new OkHttpClient.Builder()
                        .connectTimeout(b.connectTimeout)
                        .readTimeout(b.readTimeout)
                        .retryOnConnectionFailure(false) // retries are the policy's, counted and visible
                        .build();
        this.callTimeout = b.callTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "openclaw-client-async");
            t.setDaemon(true);
            return t;
        });
        var meter = b.openTelemetry.getMeter("ai.openclaw.sdk.client");
        this.requests = meter.counterBuilder("openclaw.client.requests")
                .setDescription("HTTP attempts to other services")
                .setUnit("{request}")
                .build();
        this.duration = meter.histogramBuilder("openclaw.client.duration")
                .setDescription("Duration of HTTP attempts to other services")
                .setUnit("s")
                .build();
    }

    /** A builder; discovery says where services run. */
    public static Builder builder(ServiceDiscovery discovery) {
        return new Builder(discovery);
    }

    /** A client for a catalog service. */
    public ServiceClient client(String service) {
        return new ServiceClient(this, Objects.requireNonNull(service, "service"));
    }

    /** The Jackson type of a class. */
    public JavaType type(Class<?> type) {
        return json.constructType(type);
    }

    /** A type from reflection, such as a method's generic return type. */
    JavaType type(java.lang.reflect.Type type) {
        return json.getTypeFactory().constructType(type);
    }

    /** A generic Jackson type, such as {@code type(List.class, Invoice.class)}. */
    public JavaType type(Class<?> container, Class<?>... parameters) {
        return json.getTypeFactory().constructParametricType(container, parameters);
    }

    ExecutorService executor() {
        return executor;
    }

    private record Answer(
            int status,
            @Nullable String contentType,
            byte[] body,
            @Nullable String requestId,
            @Nullable String retryAfter,
            okhttp3.Headers headers) {}

    /** A response's headers as the contract reads them: by name in any case, several values joined by a comma. */
    private static final class HeaderView extends java.util.AbstractMap<String, String> {
        private final okhttp3.Headers headers;

        HeaderView(okhttp3.Headers headers) {
            this.headers = headers;
        }

        @Override
        public @Nullable String get(Object name) {
            if (!(name instanceof String n)) {
                return null;
            }
            List<String> values = headers.values(n);
            return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : String.join(",", values);
        }

        @Override
        public java.util.Set<Map.Entry<String, String>> entrySet() {
            java.util.Set<Map.Entry<String, String>> out = new java.util.LinkedHashSet<>();
            for (String name : headers.names()) {
                out.add(Map.entry(name, get(name)));
            }
            return out;
        }
    }

    <T> T call(ServiceRequest request, JavaType type) {
        String service = request.service();
        String operation = request.operation();
        String pathAndQuery = request.pathAndQuery();
        byte[] bodyBytes = null;
        JsonNode bodyTree = null;
        if (request.body() != null) {
            bodyTree = json.valueToTree(request.body());
            bodyBytes = bodyTree.toString().getBytes(StandardCharsets.UTF_8);
        }
        HttpContract contract =
                contracts == null ? null : contracts.httpContract(service).orElse(null);
        if (validateRequests && contract != null) {
            contract.checkRequest(
                    request.method(),
                    pathAndQuery,
                    request.headers(),
                    bodyTree == null ? null : "application/json",
                    bodyTree);
        }
        boolean repeatable = request.method().isIdempotent() || request.idempotencyKey() != null;
        Duration timeout = request.timeout() != null ? request.timeout() : callTimeout;
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] sent = bodyBytes;
        Context caller = Context.current(); // a policy may run attempts on its own threads
        Answer answer;
        try {
            answer = policies.forTarget(service)
                    .execute(new CallContext(service, operation, repeatable), new CallPolicy.Attempt<Answer>() {
                        private final AtomicReference<Running> running = new AtomicReference<>();

                        @Override
                        public Answer call() throws IOException {
                            Running now = new Running();
                            running.set(now);
                            return attempt(request, pathAndQuery, sent, deadline, caller, now);
                        }

                        @Override
                        public void abandon() {
                            Running now = running.get();
                            if (now != null) {
                                now.abandon();
                            }
                        }
                    });
        } catch (ClientException | ContractViolationException | IllegalArgumentException e) {
            throw e;
        } catch (CallPolicyException e) {
            // refused by the policy (open circuit, full bulkhead, rate limit) or given up on (time limit)
            throw new ServiceUnavailableException(service, operation, e.getMessage(), e);
        } catch (Exception e) {
            throw new ServiceUnavailableException(service, operation, service + " refused " + operation + ": " + e, e);
        }
        boolean validating = validateResponses && contract != null;
        boolean hasJson = answer.body.length > 0 && isJson(answer.contentType);
        JsonNode tree = null;
        if (validating && hasJson) {
            try {
                tree = json.readTree(answer.body);
            } catch (IOException e) {
                throw notJson(service, operation, answer, contract);
            }
        }
        if (validating) {
            contract.checkResponse(
                    request.method(),
                    pathAndQuery,
                    answer.status,
                    new HeaderView(answer.headers),
                    answer.contentType,
                    tree);
        }
        Class<?> raw = type.getRawClass();
        if (raw == Void.class || raw == void.class) {
            return null;
        }
        if (raw == String.class) {
            @SuppressWarnings("unchecked")
            T text = (T) new String(answer.body, StandardCharsets.UTF_8);
            return text;
        }
        if (!hasJson) {
            return null;
        }
        try {
            // checked as a tree when validating; otherwise straight from the bytes, as a raw Jackson call would
            return tree != null ? json.readerFor(type).readValue(tree) : json.readValue(answer.body, type);
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            throw notJson(service, operation, answer, contract);
        } catch (IOException | IllegalArgumentException e) {
            throw new ContractViolationException(List.of(new ContractViolation(
                    service + " " + operation + " " + answer.status,
                    contract == null ? "-" : contract.version(),
                    "",
                    "mapping",
                    "the body does not map to " + type + ": " + e.getMessage(),
                    "")));
        }
    }

    private static ContractViolationException notJson(
            String service, String operation, Answer answer, @Nullable HttpContract contract) {
        return new ContractViolationException(List.of(new ContractViolation(
                service + " " + operation + " " + answer.status,
                contract == null ? "-" : contract.version(),
                "",
                "body",
                "the response body is not JSON",
                "")));
    }

    private static boolean isJson(@Nullable String contentType) {
        return contentType == null || contentType.contains("json");
    }

    /** The attempt running now, which a policy may abandon (cancelling its request) from another thread. */
    private static final class Running {
        private volatile boolean abandoned;
        private volatile okhttp3.@Nullable Call call;

        void abandon() {
            abandoned = true;
            okhttp3.Call c = call;
            if (c != null) {
                c.cancel();
            }
        }

        /** Sets the request; cancels it at once when the attempt was abandoned before it was made. */
        void start(okhttp3.Call c) {
            call = c;
            if (abandoned) {
                c.cancel();
            }
        }
    }

    /** One attempt: an instance, a request, a span; 4xx/5xx and connection failures thrown for the policy to judge. */
    private Answer attempt(
            ServiceRequest request,
            String pathAndQuery,
            byte @Nullable [] body,
            long deadline,
            Context caller,
            Running running)
            throws IOException {
        String service = request.service();
        String operation = request.operation();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new ServiceUnavailableException(
                    service, operation, "the time limit of " + operation + " was spent before this attempt", null);
        }
        try (SelectedInstance instance = discovery.select(service, request.routingKey())) {
            java.net.URI base = instance.baseUrl();
            String url = instance.url(pathAndQuery); // text: OkHttp parses it once
            Span span = tracer.spanBuilder(operation)
                    .setParent(caller)
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute("http.request.method", request.method().name())
                    .setAttribute("url.full", url)
                    .setAttribute("url.template", request.pathTemplate())
                    .setAttribute("server.address", base.getHost())
                    .setAttribute("server.port", (long) base.getPort())
                    .setAttribute("peer.service", service)
                    .startSpan();
            long start = System.nanoTime();
            String outcome = "error";
            try (Scope ignored = span.makeCurrent();
                    TraceMdc mdc = TraceMdc.of(span)) {
                Request.Builder builder = new Request.Builder().url(url);
                request.headers().forEach(builder::header);
                builder.header("Accept", "application/json, application/problem+json");
                if (request.idempotencyKey() != null) {
                    builder.header("Idempotency-Key", request.idempotencyKey());
                }
                openTelemetry
                        .getPropagators()
                        .getTextMapPropagator()
                        .inject(Context.current(), builder, (b, k, v) -> b.header(k, v));
                RequestBody requestBody = body == null
                        ? (request.method() == HttpMethod.POST
                                        || request.method() == HttpMethod.PUT
                                        || request.method() == HttpMethod.PATCH
                                ? RequestBody.create(new byte[0], null)
                                : null)
                        : RequestBody.create(body, JSON_TYPE);
                builder.method(request.method().name(), requestBody);
                okhttp3.Call call = http.newCall(builder.build());
                call.timeout().timeout(left, TimeUnit.NANOSECONDS);
                running.start(call);
                Answer answer;
                try (Response response = call.execute()) {
                    answer = new Answer(
                            response.code(),
                            response.header("Content-Type"),
                            read(response.body()),
                            response.header("X-Request-Id"),
                            response.header("Retry-After"),
                            response.headers());
                } catch (IOException e) {
                    if (running.abandoned) {
                        abandoned(span);
                        throw new ServiceUnavailableException(
                                service, operation, operation + " on " + service + " was abandoned by its policy", e);
                    }
                    instance.failed();
                    span.recordException(e);
                    span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
                    span.setAttribute("error.type", e.getClass().getName());
                    throw new ServiceUnavailableException(
                            service,
                            operation,
                            service + " could not be reached at " + instance.baseUrl() + " for " + operation + ": " + e,
                            e);
                }
                span.setAttribute("http.response.status_code", (long) answer.status);
                if (running.abandoned) {
                    // the answer came, but after the policy stopped waiting: nobody uses it
                    abandoned(span);
                    return answer;
                }
                if (answer.status >= 500) {
                    instance.failed();
                    span.setStatus(StatusCode.ERROR);
                    span.setAttribute("error.type", String.valueOf(answer.status));
                } else {
                    instance.succeeded();
                }
                outcome = String.valueOf(answer.status);
                if (answer.status >= 400) {
                    throw statusException(request, answer);
                }
                return answer;
            } finally {
                span.end();
                Attributes attributes = Attributes.of(
                        AttributeKey.stringKey("peer.service"),
                        service,
                        AttributeKey.stringKey("http.request.method"),
                        request.method().name(),
                        AttributeKey.stringKey("url.template"),
                        request.pathTemplate(),
                        AttributeKey.stringKey("http.response.status_code"),
                        outcome);
                requests.add(1, attributes);
                duration.record((System.nanoTime() - start) / 1e9, attributes);
            }
        }
    }

    private static void abandoned(Span span) {
        span.setStatus(StatusCode.ERROR, "abandoned: the policy's time limit passed");
        span.setAttribute("error.type", "timeout");
    }

    private HttpStatusException statusException(ServiceRequest request, Answer answer) {
        String text = new String(answer.body, 0, Math.min(answer.body.length, EXCERPT * 4), StandardCharsets.UTF_8);
        String excerpt = text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
        ProblemDetails problem = null;
        if (answer.contentType != null && answer.contentType.startsWith("application/problem+json")) {
            try {
                problem = ProblemDetails.from(json.readTree(answer.body)).orElse(null);
            } catch (IOException ignored) {
                // not a parsable problem document: the excerpt still shows it
            }
        }
        java.time.Duration retryAfter = null;
        if (answer.retryAfter != null && answer.retryAfter.strip().matches("\\d{1,6}")) {
            retryAfter = java.time.Duration.ofSeconds(Long.parseLong(answer.retryAfter.strip()));
        }
        return new HttpStatusException(
                request.service(), request.operation(), answer.status, excerpt, answer.requestId, problem, retryAfter);
    }

    private byte[] read(@Nullable ResponseBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(maxResponseBytes + 1);
            if (bytes.length > maxResponseBytes) {
                throw new IOException("the response body is over the limit of " + maxResponseBytes + " bytes");
            }
            return bytes;
        }
    }

    /** Closes the connection pool and dispatcher when this object made them. */
    @Override
    public void close() {
        executor.shutdownNow();
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** Builds {@link ServiceClients}. Not thread-safe. */
    public static final class Builder {
        private final ServiceDiscovery discovery;
        private @Nullable ContractRegistry contracts;
        private boolean validateRequests;
        private boolean validateResponses = true;
        private CallPolicies policies = CallPolicies.none();
        private ObjectMapper json = JsonMappers.standard();
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private @Nullable OkHttpClient http;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(ServiceDiscovery discovery) {
            this.discovery = Objects.requireNonNull(discovery, "discovery");
        }

        /** The providers' HTTP contracts: responses are checked against them. */
        public Builder contracts(ContractRegistry contracts) {
            this.contracts = Objects.requireNonNull(contracts, "contracts");
            return this;
        }

        /** Whether requests are checked against the contract before sending; default false. */
        public Builder validateRequests(boolean validate) {
            this.validateRequests = validate;
            return this;
        }

        /** Whether responses are checked against the contract; default true (when contracts are given). */
        public Builder validateResponses(boolean validate) {
            this.validateResponses = validate;
            return this;
        }

        /** The policy of each target; default one attempt per call. */
        public Builder policies(CallPolicies policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        /** The JSON mapper of requests and responses; default {@link JsonMappers#standard()}. */
        public Builder objectMapper(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** The OpenTelemetry to trace and measure with; default no-op. */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** An OkHttp client to use (and not close) instead of one made here; the timeouts below then do not apply. */
        public Builder okHttpClient(OkHttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** The connect timeout; default 2 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Arguments.positive("connectTimeout", timeout);
            return this;
        }

        /** The read timeout; default 10 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Arguments.positive("readTimeout", timeout);
            return this;
        }

        /** The whole-call timeout, every attempt included; default 15 s. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Arguments.positive("callTimeout", timeout);
            return this;
        }

        /** The longest response body read; default 10 MiB. */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be >= 1, was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /** Builds the clients. */
        public ServiceClients build() {
            return new ServiceClients(this);
        }
    }
}
