package ai.openclaw.sdk.testing.pact;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractVersion;
import ai.openclaw.sdk.contract.ContractViolation;
import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.events.EventEnvelope;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.pact.BrokerPact;
import ai.openclaw.sdk.pact.PactBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;

/**
 * The provider side of consumer-driven contracts: replays every interaction of the pacts naming this provider against
 * the running provider (HTTP) or its message producers, with provider states set up and torn down through {@link
 * State} methods, and compares what comes with the pact under its matching rules; given the provider's contracts, the
 * answers must keep them too.
 *
 * <pre>{@code
 * @Test
 * void honoursItsConsumersPacts() {
 *     PactVerifier.forProvider("user-service")
 *             .pactsIn(Path.of("../billing-service/target/pacts"))
 *             .stateHandlers(this)            // @State methods
 *             .messageProducers(this)         // @MessageProducer methods
 *             .contracts(contracts)           // also check the answers against user-service's own contracts
 *             .verify(URI.create("http://127.0.0.1:" + server.port()));
 * }
 *
 * @TestFactory
 * Stream<DynamicTest> eachInteraction() { return verifier.tests(baseUrl); }   // one JUnit test per interaction
 * }</pre>
 *
 * <p>A failure names the pact, the interaction, and for each difference where it is, what was expected and what came.
 */
public final class PactVerifier {
    private final String provider;
    private final List<FilesSource> sources = new ArrayList<>();
    private final List<Object> stateHandlers = new ArrayList<>();
    private final List<Object> producers = new ArrayList<>();
    private @Nullable ContractRegistry contracts;
    private @Nullable PactBroker resultsBroker;
    private @Nullable URI stateChangeUrl;
    private @Nullable String providerVersion;
    private @Nullable String providerBranch;
    private java.util.function.Consumer<String> warnings =
            m -> org.slf4j.LoggerFactory.getLogger(PactVerifier.class).warn(m);
    private ObjectMapper json = JsonMappers.standard();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private interface FilesSource {
        List<PactFiles.Pact> load();
    }

    private PactVerifier(String provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** A verification of the pacts whose provider is {@code provider}. */
    public static PactVerifier forProvider(String provider) {
        return new PactVerifier(provider);
    }

    /** Every {@code *.json} pact in a folder that names this provider. */
    public PactVerifier pactsIn(Path dir) {
        Objects.requireNonNull(dir, "dir");
        sources.add(() -> {
            if (!Files.isDirectory(dir)) {
                throw new AssertionError("no pact folder at " + dir.toAbsolutePath());
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".json"))
                        .sorted()
                        .map(PactFiles::read)
                        .toList();
            } catch (IOException e) {
                throw new AssertionError("could not list pacts in " + dir + ": " + e.getMessage(), e);
            }
        });
        return this;
    }

    /** One pact file. */
    public PactVerifier pact(Path file) {
        sources.add(() -> List.of(PactFiles.read(file)));
        return this;
    }

    /** A pact at a URL (a pact broker's latest-pact link, a file server). */
    public PactVerifier pactAt(URI url) {
        sources.add(() -> {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(url)
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new AssertionError("fetching the pact at " + url + " answered " + r.statusCode());
                }
                return List.of(PactFiles.parse(url.toString(), PactFiles.JSON.readTree(r.body())));
            } catch (IOException e) {
                throw new AssertionError("could not fetch the pact at " + url + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted fetching " + url, e);
            }
        });
        return this;
    }

    /**
     * The pacts a Pact Broker gives this provider to verify (consumer version selectors, pending and work-in-progress
     * pacts as {@code verification} asks). A failure of a pending pact is reported and does not fail the verification.
     *
     * <pre>{@code
     * PactVerifier.forProvider("user-service")
     *         .pactsFrom(broker, PactBroker.Verification.of(ConsumerVersionSelector.mainBranch(),
     *                 ConsumerVersionSelector.deployedOrReleased()).providerBranch("main").withPending())
     *         .publishResults(gitSha, "main")        // only from CI
     *         .verify(baseUrl);
     * }</pre>
     */
    public PactVerifier pactsFrom(PactBroker broker, PactBroker.Verification verification) {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(verification, "verification");
        sources.add(() -> {
            List<PactFiles.Pact> out = new ArrayList<>();
            for (BrokerPact p : broker.pactsForVerification(provider, verification)) {
                PactFiles.Pact pact = PactFiles.parse(p.url().toString(), p.document());
                out.add(new PactFiles.Pact(pact.source(), pact.consumer(), pact.provider(), pact.interactions(), p));
                p.notices().forEach(n -> warnings.accept(p.consumer() + " -> " + p.provider() + ": " + n));
            }
            return out;
        });
        this.resultsBroker = broker;
        return this;
    }

    /**
     * Publishes each broker pact's verification result (success or failure) as this provider version, recorded on the
     * branch when one is given. Call it from CI only: results from a developer's machine mislead {@code can-i-deploy}.
     */
    public PactVerifier publishResults(String providerVersion, @Nullable String providerBranch) {
        this.providerVersion = Objects.requireNonNull(providerVersion, "providerVersion");
        this.providerBranch = providerBranch;
        return this;
    }

    /**
     * Provider states set up by the provider itself over HTTP, for a provider not running inside this test: each
     * state is {@code POST}ed to {@code url} as {@code {"state": name, "params": {...}, "action": "setup"}} (and
     * {@code "teardown"} after the interaction); a JSON object in the answer gives values to {@code ProviderState}
     * generators. A non-2xx answer fails the interaction. {@link State} methods, if any, run too.
     */
    public PactVerifier stateChangeUrl(URI url) {
        this.stateChangeUrl = Objects.requireNonNull(url, "url");
        return this;
    }

    /**
     * Where reports go that do not fail the verification: a pending pact's failures, the broker's notices about the
     * pacts it selected. Default: this class's SLF4J logger, at WARN.
     */
    public PactVerifier reports(java.util.function.Consumer<String> sink) {
        this.warnings = Objects.requireNonNull(sink, "sink");
        return this;
    }

    /** Objects whose {@link State} methods set up and tear down provider states. */
    public PactVerifier stateHandlers(Object... handlers) {
        stateHandlers.addAll(List.of(handlers));
        return this;
    }

    /** Objects whose {@link MessageProducer} methods produce the messages. */
    public PactVerifier messageProducers(Object... producers) {
        this.producers.addAll(List.of(producers));
        return this;
    }

    /**
     * The mapper that turns what {@link MessageProducer} methods return into the message's JSON; default {@link
     * JsonMappers#standard()} ({@code java.time} as ISO-8601 strings). Give the mapper your publisher uses where it
     * maps differently.
     */
    public PactVerifier objectMapper(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
        return this;
    }

    /** The provider's own contracts: HTTP answers and message contents are checked against them as well. */
    public PactVerifier contracts(ContractRegistry contracts) {
        this.contracts = Objects.requireNonNull(contracts, "contracts");
        return this;
    }

    /** One interaction of one pact, to verify. */
    private record Case(PactFiles.Pact pact, ObjectNode interaction) {
        String name() {
            StringBuilder b = new StringBuilder(
                    pact.consumer() + ": " + interaction.path("description").asText());
            List<String> states = new ArrayList<>();
            interaction
                    .path("providerStates")
                    .forEach(s -> states.add(s.path("name").asText()));
            if (!states.isEmpty()) {
                b.append(" (given ").append(String.join(", ", states)).append(")");
            }
            return b.toString();
        }
    }

    private List<Case> cases() {
        if (sources.isEmpty()) {
            throw new IllegalStateException("no pacts to verify: call pactsIn, pact or pactAt");
        }
        List<Case> out = new ArrayList<>();
        for (FilesSource s : sources) {
            for (PactFiles.Pact p : s.load()) {
                if (p.provider().equals(provider)) {
                    p.interactions().forEach(i -> out.add(new Case(p, i)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new AssertionError("no pact names " + provider + " as its provider");
        }
        return out;
    }

    /**
     * Verifies every interaction.
     *
     * @param baseUrl where the provider runs (used for HTTP interactions)
     * @throws AssertionError listing each failed interaction with its differences
     */
    public void verify(URI baseUrl) {
        List<String> failures = new ArrayList<>();
        List<Case> cases = cases();
        Results results = new Results(cases);
        for (Case c : cases) {
            List<String> problems = run(c, baseUrl);
            results.done(c, problems.isEmpty());
            if (!problems.isEmpty()) {
                String failure = c.name() + " [" + c.pact.source() + "]\n    " + String.join("\n    ", problems);
                if (c.pact.pending()) {
                    warnings.accept("pending pact, not failing the verification: " + failure);
                } else {
                    failures.add(failure);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(provider + " does not honour " + failures.size() + " of " + cases.size()
                    + " interaction(s):\n  " + String.join("\n  ", failures));
        }
    }

    /** One dynamic JUnit test per interaction, for a {@code @TestFactory}. */
    public Stream<DynamicTest> tests(URI baseUrl) {
        List<Case> cases = cases();
        Results results = new Results(cases);
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest((c.pact.pending() ? "[pending] " : "") + c.name(), () -> {
                    List<String> problems = run(c, baseUrl);
                    results.done(c, problems.isEmpty());
                    if (!problems.isEmpty()) {
                        String failure =
                                c.name() + " [" + c.pact.source() + "]\n    " + String.join("\n    ", problems);
                        if (c.pact.pending()) {
                            // reported, not failed: a pending pact has never passed with this provider
                            throw new org.opentest4j.TestAbortedException("pending pact: " + failure);
                        }
                        throw new AssertionError(failure);
                    }
                }));
    }

    /** Counts each broker pact's interactions as they finish and publishes its result after the last. */
    private final class Results {
        private final Map<PactFiles.Pact, int[]> remaining = new java.util.IdentityHashMap<>();
        private final Map<PactFiles.Pact, Boolean> passed = new java.util.IdentityHashMap<>();

        Results(List<Case> cases) {
            for (Case c : cases) {
                remaining.computeIfAbsent(c.pact, p -> new int[1])[0]++;
                passed.put(c.pact, true);
            }
        }

        synchronized void done(Case c, boolean ok) {
            if (!ok) {
                passed.put(c.pact, false);
            }
            if (--remaining.get(c.pact)[0] == 0
                    && c.pact.broker() != null
                    && resultsBroker != null
                    && providerVersion != null) {
                resultsBroker.publishVerificationResult(
                        c.pact.broker(), passed.get(c.pact), providerVersion, providerBranch, null);
            }
        }
    }

    private List<String> run(Case c, URI baseUrl) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> stateValues;
        try {
            stateValues = states(c.interaction, State.Action.SETUP);
        } catch (AssertionError e) {
            problems.add(e.getMessage());
            return problems;
        }
        try {
            if (c.interaction.path("type").asText().equals(PactFiles.MESSAGE)) {
                message(c.interaction, problems);
            } else {
                http(c.interaction, baseUrl, stateValues, problems);
            }
        } finally {
            try {
                states(c.interaction, State.Action.TEARDOWN);
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /**
     * Runs the state methods of an interaction's provider states; on setup, returns the values they make known: each
     * state's parameters, then the entries of any {@code Map} a setup method returned (for {@code ProviderState}
     * generators).
     */
    private Map<String, Object> states(ObjectNode interaction, State.Action action) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (JsonNode s : interaction.path("providerStates")) {
            String name = s.path("name").asText();
            @SuppressWarnings("unchecked")
            Map<String, Object> params = s.has("params") ? json.convertValue(s.get("params"), Map.class) : Map.of();
            values.putAll(params);
            boolean found = false;
            for (Object handler : stateHandlers) {
                for (Method m : allMethods(handler.getClass())) {
                    State st = m.getAnnotation(State.class);
                    if (st == null
                            || st.action() != action
                            || !List.of(st.value()).contains(name)) {
                        continue;
                    }
                    found = true;
                    Object result = invoke(
                            handler,
                            m,
                            m.getParameterCount() == 0 ? new Object[0] : new Object[] {params},
                            "provider state '" + name + "'");
                    if (result instanceof Map<?, ?> made) {
                        made.forEach((k, v) -> values.put(String.valueOf(k), v));
                    }
                }
            }
            if (stateChangeUrl != null) {
                found = true;
                values.putAll(postState(name, s.path("params"), action));
            }
            if (!found && action == State.Action.SETUP) {
                throw new AssertionError("no @State(\"" + name + "\") method sets up this provider state");
            }
        }
        return values;
    }

    private Map<String, Object> postState(String name, JsonNode params, State.Action action) {
        ObjectNode body = PactFiles.NODES.objectNode();
        body.put("state", name);
        body.set("params", params.isObject() ? params : PactFiles.NODES.objectNode());
        body.put("action", action == State.Action.SETUP ? "setup" : "teardown");
        URI url = Objects.requireNonNull(stateChangeUrl);
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new AssertionError(
                        "the state change URL answered " + r.statusCode() + " to " + action + " of '" + name + "'");
            }
            JsonNode answer = r.body().isBlank() ? null : PactFiles.JSON.readTree(r.body());
            @SuppressWarnings("unchecked")
            Map<String, Object> values =
                    answer != null && answer.isObject() ? json.convertValue(answer, Map.class) : Map.of();
            return values;
        } catch (IOException e) {
            throw new AssertionError("the state change URL could not be reached for '" + name + "': " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted setting up '" + name + "'", e);
        }
    }

    private static List<Method> allMethods(Class<?> type) {
        List<Method> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            out.addAll(List.of(c.getDeclaredMethods()));
        }
        return out;
    }

    private static @Nullable Object invoke(Object target, Method m, Object[] args, String what) {
        try {
            m.setAccessible(true);
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new AssertionError(what + ": cannot call " + m + ": " + e.getMessage(), e);
        }
    }

    private void http(ObjectNode interaction, URI baseUrl, Map<String, Object> stateValues, List<String> problems) {
        // generators give the request fresh values: random ones, or ones the provider state made (ProviderState)
        JsonNode request =
                PactGenerators.applyToPart(interaction.path("request"), PactGenerators.Context.provider(stateValues));
        String method = request.path("method").asText("GET").toUpperCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(baseUrl.toString().replaceAll("/$", ""))
                .append(request.path("path").asText("/"));
        String sep = "?";
        if (request.path("query").isTextual() && !request.path("query").asText().isEmpty()) {
            url.append('?').append(request.path("query").asText()); // a version-1.0 query string, sent as it is
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = request.path("query").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> q = it.next();
            for (JsonNode v : q.getValue().isArray()
                    ? q.getValue()
                    : PactFiles.NODES.arrayNode().add(q.getValue())) {
                url.append(sep).append(encode(q.getKey())).append('=').append(encode(v.asText()));
                sep = "&";
            }
        }
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(30));
        for (Iterator<Map.Entry<String, JsonNode>> it = request.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (!Set.of("content-length", "host", "connection")
                    .contains(h.getKey().toLowerCase(Locale.ROOT))) {
                b.header(h.getKey(), PactFiles.joined(h.getValue()));
            }
        }
        JsonNode body = request.path("body");
        b.method(
                method,
                body.has("content")
                        ? HttpRequest.BodyPublishers.ofByteArray(PactHttp.bodyBytes(body))
                        : HttpRequest.BodyPublishers.noBody());
        HttpResponse<byte[]> raw;
        try {
            raw = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            problems.add("the provider could not be reached at " + baseUrl + ": " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted");
            return;
        }
        String text = PactHttp.received(
                raw.body(), raw.headers().firstValue("Content-Type").orElse(null));
        Map<String, String> headers = new LinkedHashMap<>();
        raw.headers().map().forEach((k, v) -> headers.put(k, String.join(", ", v)));
        HttpResponse<byte[]> response = raw;
        String responseBody = text == null ? "" : text;
        PactHttp.matchResponse(interaction.path("response"), response.statusCode(), headers, responseBody)
                .forEach(m -> problems.add(m.toString()));
        if (contracts != null) {
            HttpContract contract = contracts.httpContract(provider).orElse(null);
            if (contract != null) {
                JsonNode tree = null;
                try {
                    tree = responseBody.isEmpty() ? null : PactFiles.JSON.readTree(responseBody);
                } catch (IOException e) {
                    // not JSON: the pact comparison reports it when a body was expected
                }
                HttpMethod m;
                try {
                    m = HttpMethod.valueOf(method);
                } catch (IllegalArgumentException e) {
                    return;
                }
                java.util.Map<String, String> answered = new java.util.LinkedHashMap<>();
                response.headers().map().forEach((name, values) -> answered.put(name, String.join(",", values)));
                for (ContractViolation v : contract.validateResponse(
                        m,
                        request.path("path").asText("/"),
                        response.statusCode(),
                        answered,
                        response.headers().firstValue("Content-Type").orElse(null),
                        tree)) {
                    problems.add("the answer breaks " + provider + "'s own contract: " + v);
                }
            }
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private void message(ObjectNode interaction, List<String> problems) {
        String description = interaction.path("description").asText();
        Object produced = null;
        boolean found = false;
        for (Object p : producers) {
            for (Method m : allMethods(p.getClass())) {
                MessageProducer mp = m.getAnnotation(MessageProducer.class);
                if (mp != null && List.of(mp.value()).contains(description)) {
                    found = true;
                    try {
                        produced = invoke(p, m, new Object[0], "the producer of '" + description + "'");
                    } catch (AssertionError e) {
                        problems.add(e.getMessage());
                        return;
                    }
                }
            }
        }
        if (!found) {
            problems.add("no @MessageProducer(\"" + description + "\") method produces this message");
            return;
        }
        JsonNode content;
        ObjectNode producedMetadata = PactFiles.NODES.objectNode();
        if (produced instanceof EventEnvelope envelope) {
            content = envelope.data();
            producedMetadata.put("id", envelope.id());
            producedMetadata.put("source", envelope.source());
            producedMetadata.put("type", envelope.type());
            envelope.contractVersion().ifPresent(v -> producedMetadata.put("contractversion", v));
            envelope.dataSchema().ifPresent(v -> producedMetadata.put("dataschema", v));
            envelope.partitionKey().ifPresent(v -> producedMetadata.put("partitionkey", v));
        } else if (produced instanceof ProducedMessage message) {
            content = json.valueToTree(message.content());
            message.metadata().forEach((k, v) -> producedMetadata.set(k, json.valueToTree(v)));
        } else {
            content = json.valueToTree(produced);
        }
        if (!producedMetadata.has("contentType")) {
            producedMetadata.put("contentType", "application/json"); // the content is JSON, as this verifier maps it
        }
        JsonNode all = interaction.path("matchingRules");
        // version 4 keys a message's content rules 'content'; version 3 'body' (the specification's own cases also
        // write 'contents')
        JsonNode rules =
                all.has("content") ? all.get("content") : all.has("body") ? all.get("body") : all.get("contents");
        PactMatching.of(rules)
                .compare("body", interaction.path("contents").path("content"), content, true)
                .forEach(m -> problems.add(m.toString()));
        JsonNode expectedMetadata = interaction.path("metadata");
        PactHttp.metadata(
                        expectedMetadata,
                        all.path("metadata"),
                        producedMetadata,
                        produced instanceof EventEnvelope || produced instanceof ProducedMessage)
                .forEach(m -> problems.add(m.toString()));
        // the contract the producer's own metadata names, else the one the consumer expects
        JsonNode metadata = producedMetadata.has("type") && producedMetadata.has("contractversion")
                ? producedMetadata
                : expectedMetadata;
        if (contracts != null && metadata.has("type") && metadata.has("contractversion")) {
            String type = metadata.get("type").asText();
            ContractVersion version =
                    ContractVersion.parse(metadata.get("contractversion").asText());
            if (contracts.eventContract(type, version).isEmpty()) {
                problems.add(provider + " has no contract for " + type + " " + version);
            } else {
                for (ContractViolation v : contracts.validateEvent(type, version, content)) {
                    problems.add("the message breaks the " + type + " " + version + " contract: " + v);
                }
            }
        }
    }
}
