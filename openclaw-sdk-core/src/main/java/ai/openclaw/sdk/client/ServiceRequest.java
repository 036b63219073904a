package ai.openclaw.sdk.client;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.internal.Arguments;
import com.fasterxml.jackson.databind.JavaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One request being built. Not thread-safe; build it, send it, drop it.
 *
 * <pre>{@code
 * List<Invoice> open = billing.get("/invoices").query("status", "open").header("X-Tenant", "acme")
 *         .timeout(Duration.ofSeconds(2))
 *         .send(clients.type(List.class, Invoice.class));
 * }</pre>
 */
public final class ServiceRequest {
    private final ServiceClients clients;
    private final String service;
    private final HttpMethod method;
    private final String pathTemplate;
    private final Map<String, String> pathVariables = new LinkedHashMap<>();
    private final List<String[]> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable Object body;
    private @Nullable String idempotencyKey;
    private @Nullable Duration timeout;
    private @Nullable String routingKey;

    ServiceRequest(ServiceClients clients, String service, HttpMethod method, String pathTemplate) {
        this.clients = clients;
        this.service = service;
        this.method = method;
        this.pathTemplate = pathTemplate;
    }

    /** A value for a {@code {name}} of the path template; encoded as a path segment. */
    public ServiceRequest pathVariable(String name, Object value) {
        pathVariables.put(Objects.requireNonNull(name, "name"), String.valueOf(Objects.requireNonNull(value, "value")));
        return this;
    }

    /** A query parameter; may repeat. */
    public ServiceRequest query(String name, Object value) {
        query.add(new String[] {
            Objects.requireNonNull(name, "name"), String.valueOf(Objects.requireNonNull(value, "value"))
        });
        return this;
    }

    /** A header. */
    public ServiceRequest header(String name, String value) {
        headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The JSON body: any object Jackson writes. */
    public ServiceRequest body(Object body) {
        this.body = Objects.requireNonNull(body, "body");
        return this;
    }

    /**
     * An {@code Idempotency-Key} header: the service applies the request once however often it arrives, so a POST or
     * PATCH carrying one may be retried.
     */
    public ServiceRequest idempotencyKey(String key) {
        if (Objects.requireNonNull(key, "key").isBlank()) {
            throw new IllegalArgumentException("idempotency key must not be blank");
        }
        this.idempotencyKey = key;
        return this;
    }

    /**
     * The caller's key (a user or session id) for a sticky canary split: calls with one key go to one track of the
     * service while its split stays ({@link ai.openclaw.sdk.discovery.CanarySplit}). Not sent.
     */
    public ServiceRequest routingKey(String key) {
        if (Objects.requireNonNull(key, "key").isEmpty()) {
            throw new IllegalArgumentException("routing key must not be empty");
        }
        this.routingKey = key;
        return this;
    }

    /** The caller's routing key, if given. */
    @Nullable
    String routingKey() {
        return routingKey;
    }

    /** A time limit for this call, every attempt included; default the clients' call timeout. */
    public ServiceRequest timeout(Duration timeout) {
        this.timeout = Arguments.positive("timeout", timeout);
        return this;
    }

    /**
     * Sends and maps a 2xx body to {@code type} ({@code Void} for none, {@code String}, {@code JsonNode}, any Jackson
     * type).
     *
     * @throws HttpStatusException for a 4xx or 5xx answer
     * @throws ServiceUnavailableException when the service cannot be reached or its circuit is open
     * @throws ai.openclaw.sdk.contract.ContractViolationException when the request or response breaks the contract
     */
    public <T> T send(Class<T> type) {
        return clients.call(this, clients.type(type));
    }

    /**
     * Sends, and when the call fails as a {@link ClientException} (unreachable, refused by an open circuit, a full
     * bulkhead or a rate limit, out of time, or an error status), answers with the fallback instead. The fallback
     * runs after the policy has given up (retries spent), on the caller's thread; it may rethrow. A response that
     * breaks the contract is never replaced: the {@code ContractViolationException} propagates.
     *
     * <pre>{@code
     * Profile profile = profiles.get("/profiles/{id}").pathVariable("id", id)
     *         .sendOrElse(Profile.class, failure -> Profile.anonymous(id));
     * }</pre>
     */
    public <T> T sendOrElse(Class<T> type, Function<? super ClientException, ? extends T> fallback) {
        Objects.requireNonNull(fallback, "fallback");
        try {
            return send(type);
        } catch (ClientException e) {
            return fallback.apply(e);
        }
    }

    /** Sends and maps the body to a generic type, from {@link ServiceClients#type}. */
    public <T> T send(JavaType type) {
        return clients.call(this, type);
    }

    /** Sends without blocking the caller. */
    public <T> CompletableFuture<T> sendAsync(Class<T> type) {
        JavaType javaType = clients.type(type);
        return CompletableFuture.supplyAsync(() -> clients.<T>call(this, javaType), clients.executor());
    }

    /** Sends without blocking the caller, mapping the body to a generic type from {@link ServiceClients#type}. */
    public <T> CompletableFuture<T> sendAsync(JavaType type) {
        Objects.requireNonNull(type, "type");
        return CompletableFuture.supplyAsync(() -> clients.<T>call(this, type), clients.executor());
    }

    String service() {
        return service;
    }

    HttpMethod method() {
        return method;
    }

    String pathTemplate() {
        return pathTemplate;
    }

    String operation() {
        return method + " " + pathTemplate;
    }

    Map<String, String> headers() {
        return headers;
    }

    @Nullable
    Object body() {
        return body;
    }

    @Nullable
    String idempotencyKey() {
        return idempotencyKey;
    }

    @Nullable
    Duration timeout() {
        return timeout;
    }

    /** The concrete path with its query string. */
    String pathAndQuery() {
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (i < pathTemplate.length()) {
            int open = pathTemplate.indexOf('{', i);
            if (open < 0) {
                path.append(pathTemplate, i, pathTemplate.length());
                break;
            }
            int close = pathTemplate.indexOf('}', open);
            path.append(pathTemplate, i, open);
            String name = pathTemplate.substring(open + 1, close);
            String value = pathVariables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for path variable {" + name + "} of " + operation());
            }
            path.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            i = close + 1;
        }
        for (int q = 0; q < query.size(); q++) {
            path.append(q == 0 ? '?' : '&')
                    .append(URLEncoder.encode(query.get(q)[0], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(query.get(q)[1], StandardCharsets.UTF_8));
        }
        return path.toString();
    }
}
