package ai.openclaw.sdk.catalog;

import ai.openclaw.sdk.internal.PathTemplate;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP endpoint a service offers: a method and a path template. The catalog accepts both template styles, {@code
 * /users/:id} (Express) and {@code /users/{id}} (OpenAPI); the template is kept in the OpenAPI style. A segment may
 * hold literals around variables, as OpenAPI allows: {@code /reports/{id}.csv}, {@code /pet/by_owner-{ownerId}}.
 *
 * <pre>{@code
 * Endpoint getUser = Endpoint.parse("GET /users/:id");
 * getUser.pathTemplate();                 // "/users/{id}"
 * getUser.match(HttpMethod.GET, "/users/42")
 *        .map(m -> m.pathVariables());    // Optional[{id=42}]
 * }</pre>
 *
 * @param method the HTTP method
 * @param pathTemplate the path in OpenAPI template style, starting with {@code /}
 */
public record Endpoint(HttpMethod method, String pathTemplate) {
    private static final Pattern DECLARATION = Pattern.compile("(\\S+)\\s+(\\S+)");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    /** Validates the components and normalises the template. */
    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        pathTemplate = normalise(pathTemplate);
    }

    /**
     * Parses the catalog's form, {@code METHOD /path}.
     *
     * @param declaration for example {@code "POST /users"} or {@code "GET /users/{id}"}
     * @return the endpoint
     * @throws IllegalArgumentException naming what is wrong: the shape, the method, or the path
     */
    public static Endpoint parse(String declaration) {
        Objects.requireNonNull(declaration, "declaration");
        Matcher m = DECLARATION.matcher(declaration.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "endpoint '" + declaration + "' is not of the form 'METHOD /path', for example 'GET /users/{id}'");
        }
        String methodName = m.group(1);
        HttpMethod method = HttpMethod.parse(methodName).orElseThrow(() -> {
            String hint = HttpMethod.parseIgnoringCase(methodName)
                    .map(known -> " (methods are upper case: '" + known + "')")
                    .orElse(" (expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE)");
            return new IllegalArgumentException("unknown HTTP method '" + methodName + "'" + hint);
        });
        return new Endpoint(method, m.group(2));
    }

    private static String normalise(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' must start with '/'");
        }
        if (path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("path '" + path + "' must not hold a query or fragment");
        }
        StringBuilder out = new StringBuilder();
        for (String segment : PathTemplate.segments(path)) {
            out.append('/');
            if (segment.startsWith(":")) {
                String name = segment.substring(1);
                if (!VARIABLE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException(
                            "path '" + path + "' has an invalid variable name '" + name + "'");
                }
                out.append('{').append(name).append('}');
            } else {
                out.append(segment);
            }
        }
        String template = out.length() == 0 ? "/" : out.toString();
        PathTemplate.of(template); // checks variables: {id}, {id}.csv, by_owner-{ownerId}
        return template;
    }

    /** Templates compiled once each (matching runs per request); at most this many are kept. */
    private static final int MAX_COMPILED = 4096;

    private static final Map<String, PathTemplate> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private PathTemplate compiled() {
        PathTemplate t = COMPILED.get(pathTemplate);
        if (t == null) {
            t = PathTemplate.of(pathTemplate);
            if (COMPILED.size() < MAX_COMPILED) {
                COMPILED.put(pathTemplate, t);
            }
        }
        return t;
    }

    /** The names of the template's variables, in order. */
    public List<String> pathVariables() {
        return compiled().variables();
    }

    /**
     * Matches a concrete request against this endpoint.
     *
     * @param requestMethod the request's method
     * @param requestPath the request's path; a query string is ignored, a trailing {@code /} too
     * @return the match with the decoded values of the path variables, or empty
     */
    public Optional<EndpointMatch> match(HttpMethod requestMethod, String requestPath) {
        Objects.requireNonNull(requestMethod, "requestMethod");
        Objects.requireNonNull(requestPath, "requestPath");
        if (requestMethod != method) {
            return Optional.empty();
        }
        String path = requestPath;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        Map<String, String> raw = compiled().match(path, 0);
        if (raw == null) {
            return Optional.empty();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        raw.forEach((k, v) -> variables.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8)));
        return Optional.of(new EndpointMatch(this, variables));
    }

    /** How many segments of the template are literal; the most specific of several matches wins. */
    int literalSegments() {
        return compiled().literalSegments();
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }

    /** The catalog's form: {@code METHOD /path/{var}}. */
    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
