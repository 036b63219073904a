package ai.openclaw.sdk.server;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.contract.HttpOperation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A request that keeps the service's contract, as a {@link Responder} sees it: the operation it matched, its path
 * variables and query parameters decoded, its headers, and its body (parsed when it is JSON).
 *
 * <pre>{@code
 * Responder handler = request -> {
 *     String id = request.variable("id");
 *     NewUser user = request.body(NewUser.class);
 *     return ServerResponse.created(users.create(id, user));
 * };
 * }</pre>
 */
public final class ServerRequest {
    private final HttpMethod method;
    private final String path;
    private final HttpOperation operation;
    private final Map<String, String> pathVariables;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final @Nullable JsonNode json;
    private final ObjectMapper mapper;

    ServerRequest(
            HttpMethod method,
            String path,
            HttpOperation operation,
            Map<String, String> pathVariables,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            byte[] body,
            @Nullable JsonNode json,
            ObjectMapper mapper) {
        this.method = method;
        this.path = path;
        this.operation = operation;
        this.pathVariables = Map.copyOf(pathVariables);
        this.query = Map.copyOf(query);
        TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> byName.merge(k, List.copyOf(v), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        this.headers = java.util.Collections.unmodifiableMap(byName);
        this.body = body.clone();
        this.json = json;
        this.mapper = mapper;
    }

    /** The method. */
    public HttpMethod method() {
        return method;
    }

    /** The path as the request carried it (percent-encoded), without the query. */
    public String path() {
        return path;
    }

    /** The contract's operation the request matched ({@code GET /users/{id}}). */
    public HttpOperation operation() {
        return operation;
    }

    /** The template's variables, decoded. */
    public Map<String, String> pathVariables() {
        return pathVariables;
    }

    /**
     * A variable of the operation's path template.
     *
     * @throws IllegalArgumentException when the template has no such variable (a programming error)
     */
    public String variable(String name) {
        String v = pathVariables.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the template of " + operation + " has no variable '" + name + "'");
        }
        return v;
    }

    /** Every query parameter with its values in order, decoded. */
    public Map<String, List<String>> query() {
        return query;
    }

    /** A query parameter's first value. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every header, names in any case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A header's first value, its name in any case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body's bytes; empty when there is none. */
    public byte[] bodyBytes() {
        return body.clone();
    }

    /** The body parsed as JSON, when it is JSON. */
    public Optional<JsonNode> json() {
        return Optional.ofNullable(json);
    }

    /**
     * The JSON body mapped to a type.
     *
     * @throws Problem 400 when there is no JSON body or it does not map to the type
     */
    public <T> T body(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (json == null) {
            throw new Problem(400, "a JSON body is required", "");
        }
        try {
            return mapper.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new Problem(400, "the body does not map to " + type.getSimpleName(), e.getOriginalMessage());
        }
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + operation + ")";
    }
}
