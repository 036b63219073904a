package ai.openclaw.sdk.testing.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractViolation;
import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.contract.HttpOperation;
import ai.openclaw.sdk.discovery.InstanceSource;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.testing.internal.SampleValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A WireMock server standing in for a catalog service in tests: stubbed from the provider's OpenAPI contract, reachable
 * through discovery, and checking every request it receives against the contract.
 *
 * <pre>{@code
 * try (StubService users = StubService.start("user-service", ContractRegistry.load(Path.of("contracts")))) {
 *     ServiceDiscovery discovery = ServiceDiscovery.builder().addSource(users.instanceSource()).build();
 *     ServiceClients clients = ServiceClients.builder(discovery).build();
 *     users.respond(HttpMethod.GET, "/users/{id}", 404, Map.of("title", "no such user"));  // override one answer
 *
 *     billing.startTrial("u-1");                 // the code under test calls user-service
 *
 *     users.assertNoViolations();                // every request it sent kept the contract
 * }
 * }</pre>
 *
 * <p>Each operation of the contract answers its lowest 2xx status with a JSON body taken from the response's example
 * ({@code example}, or the first of {@code examples}), else built from its schema (examples and enums first, required
 * and optional properties, one array item, a value per common string format); a built body is checked against the
 * contract before it is served. {@link #respond} and {@link #wireMock()} stubs take precedence. A request that breaks
 * the contract (unknown operation, missing or ill-typed parameter, body against the schema) is still answered, and
 * recorded: {@link #violations()}, {@link #assertNoViolations()}.
 */
public final class StubService implements AutoCloseable {
    /** Reads requests as trees, which no mapper setting changes. */
    private static final ObjectMapper JSON = JsonMappers.standard();

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");
    private static final int CONTRACT_PRIORITY = 10;
    private static final int USER_PRIORITY = 1;

    private final String service;
    private final @Nullable HttpContract contract;
    private final WireMockServer server;
    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private volatile ObjectMapper json = JsonMappers.standard();

    /**
     * A request the stub received that broke the contract.
     *
     * @param request the method and path (with query) of the request
     * @param violations what it broke
     */
    public record Violation(String request, List<ContractViolation> violations) {
        /** Copies the list. */
        public Violation {
            violations = List.copyOf(violations);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(request);
            violations.forEach(v -> b.append("\n  ").append(v));
            return b.toString();
        }
    }

    private StubService(String service, @Nullable HttpContract contract) {
        this.service = service;
        this.contract = contract;
        this.server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        server.start();
        if (contract != null) {
            server.addMockServiceRequestListener((request, response) -> check(request));
            stubContract();
        }
    }

    /**
     * Starts a stub of {@code service} on a free loopback port, stubbed from its HTTP contract and checking requests
     * against it.
     *
     * @throws IllegalArgumentException when the registry has no HTTP contract for the service, or a response cannot
     *     be built from the contract (the message names the operation; give it an example)
     */
    public static StubService start(String service, ContractRegistry contracts) {
        Objects.requireNonNull(service, "service");
        HttpContract contract = contracts
                .httpContract(service)
                .orElseThrow(() -> new IllegalArgumentException("the contracts have no HTTP contract for " + service));
        return new StubService(service, contract);
    }

    /** Starts a stub of {@code service} with no contract: no stubs, no checks; stub it with {@link #respond}. */
    public static StubService start(String service) {
        return new StubService(Objects.requireNonNull(service, "service"), null);
    }

    /** The service this stub stands in for. */
    public String service() {
        return service;
    }

    /** Where it listens, such as {@code http://127.0.0.1:51234}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The WireMock server, for stubs and verifications of your own. */
    public WireMockServer wireMock() {
        return server;
    }

    /** A discovery source that places this service at this stub. */
    public InstanceSource instanceSource() {
        return instanceSource(this);
    }

    /** A discovery source that places each stub's service at the stub. */
    public static InstanceSource instanceSource(StubService... stubs) {
        Map<String, List<URI>> where = new LinkedHashMap<>();
        for (StubService s : stubs) {
            where.put(s.service, List.of(s.baseUrl()));
        }
        return InstanceSource.of(where);
    }

    /**
     * The mapper {@link #respond} writes bodies with; default {@link JsonMappers#standard()} ({@code java.time} as
     * ISO-8601 strings). Give your provider's mapper where it writes differently.
     */
    public StubService objectMapper(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
        return this;
    }

    /**
     * Answers {@code method pathTemplate} (OpenAPI style, {@code /users/{id}}) with {@code status} and {@code body} as
     * JSON (none when null), ahead of the contract's stubs. The answer is not checked against the contract: a test
     * may want a provider that breaks it.
     */
    public StubService respond(HttpMethod method, String pathTemplate, int status, @Nullable Object body) {
        var response = aResponse().withStatus(status);
        if (body != null) {
            try {
                response.withHeader("Content-Type", "application/json").withBody(json.writeValueAsString(body));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the body cannot be written as JSON: " + e.getOriginalMessage());
            }
        }
        server.stubFor(request(method.name(), urlPathMatching(pathPattern(pathTemplate)))
                .atPriority(USER_PRIORITY)
                .willReturn(response));
        return this;
    }

    /** Removes every stub of your own and every recorded violation; the contract's stubs stay. */
    public void reset() {
        server.resetAll();
        violations.clear();
        if (contract != null) {
            stubContract();
        }
    }

    /** The requests received so far that broke the contract, in order. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /**
     * Fails when a request received so far broke the contract.
     *
     * @throws AssertionError listing each request and what it broke
     */
    public void assertNoViolations() {
        if (!violations.isEmpty()) {
            StringBuilder b = new StringBuilder(
                    violations.size() + " request(s) to the " + service + " stub broke its contract:");
            violations.forEach(v -> b.append("\n").append(v));
            throw new AssertionError(b.toString());
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "StubService{" + service + " at " + baseUrl() + "}";
    }

    private void stubContract() {
        HttpContract c = Objects.requireNonNull(contract);
        for (HttpOperation op : c.operations()) {
            JsonNode responses = c.document().at(op.pointer() + "/responses");
            String status = lowestSuccess(responses);
            var response = aResponse().withStatus(status == null ? 200 : Integer.parseInt(status));
            if (status != null) {
                JsonNode content = responses.get(status).path("content");
                String mediaType = jsonMediaType(content);
                if (mediaType != null) {
                    JsonNode body = bodyFor(c, op, content.get(mediaType), Integer.parseInt(status), mediaType);
                    response.withHeader("Content-Type", mediaType).withBody(body.toString());
                }
            }
            server.stubFor(request(op.method().name(), urlPathMatching(pathPattern(op.pathTemplate())))
                    .atPriority(CONTRACT_PRIORITY)
                    .willReturn(response));
        }
    }

    private static JsonNode bodyFor(HttpContract c, HttpOperation op, JsonNode media, int status, String mediaType) {
        JsonNode example = SampleValues.mediaExample(media);
        if (example != null) {
            return example;
        }
        JsonNode body;
        try {
            body = SampleValues.of(media.path("schema"), c.document());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cannot build a response for " + op + " of " + c.service() + ": " + e.getMessage(), e);
        }
        String path = PARAMETER.matcher(op.pathTemplate()).replaceAll("1");
        List<ContractViolation> wrong = c.validateResponse(op.method(), path, status, mediaType, body);
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("the response built from the schema of " + op + " of " + c.service()
                    + " does not keep the contract (" + wrong.get(0) + "); give the response an example");
        }
        return body;
    }

    private static @Nullable String lowestSuccess(JsonNode responses) {
        String best = null;
        for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
            String code = it.next();
            if (code.length() == 3 && code.startsWith("2") && (best == null || code.compareTo(best) < 0)) {
                best = code;
            }
        }
        return best;
    }

    private static @Nullable String jsonMediaType(JsonNode content) {
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String type = it.next();
            if (type.equals("application/json") || type.endsWith("+json")) {
                return type;
            }
        }
        return null;
    }

    /** {@code /users/{id}} as a regular expression over request paths. */
    static String pathPattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return regex.toString();
    }

    private void check(Request request) {
        HttpContract c = Objects.requireNonNull(contract);
        HttpMethod method;
        try {
            method = HttpMethod.valueOf(request.getMethod().getName().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return; // a method the catalog does not know (OPTIONS, HEAD): not the contract's business
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader h : request.getHeaders().all()) {
            headers.put(h.key(), h.firstValue());
        }
        String contentType = request.getHeader("Content-Type");
        String text = request.getBodyAsString();
        JsonNode body = null;
        List<ContractViolation> found = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            try {
                body = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                found.add(new ContractViolation(
                        service + " " + method + " " + request.getUrl(),
                        c.version(),
                        "",
                        "body",
                        "the request body is not JSON",
                        ""));
            }
        }
        found.addAll(c.validateRequest(method, request.getUrl(), headers, contentType, body));
        if (!found.isEmpty()) {
            violations.add(new Violation(method + " " + request.getUrl(), found));
        }
    }
}
