package ai.openclaw.sdk.testing.pact;

import ai.openclaw.sdk.events.EventEnvelope;
import ai.openclaw.sdk.events.EventHandler;
import ai.openclaw.sdk.events.EventMetadata;
import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A consumer's expectations of one provider: HTTP interactions (given a provider state, upon a request, the response it
 * relies on) and messages (the events it handles), written as a Pact specification file once a test has exercised
 * them.
 *
 * <pre>{@code
 * ConsumerPact pact = ConsumerPact.between("billing-service", "user-service")
 *         .given("user u-1 exists", Map.of("id", "u-1"))
 *         .uponReceiving("a request for user u-1",
 *                 PactRequest.get("/users/u-1").header("Accept", "application/json"),
 *                 PactResponse.status(200).body(Map.of("id", like("u-1"), "email", regex(".+@.+", "ada@example.com"))))
 *         .build();
 * try (MockProvider users = MockProvider.start(pact)) {
 *     UserClient client = new UserClient(users.baseUrl());     // the consumer's real client code
 *     assertThat(client.user("u-1").email()).isEqualTo("ada@example.com");
 *     users.verify();          // every interaction exercised, nothing unexpected; writes target/pacts/billing-service-user-service.json
 * }
 *
 * ConsumerPact events = ConsumerPact.between("billing-service", "user-service")
 *         .expectsToReceive("a user.created event", "user.created", "1.0",
 *                 Map.of("userId", like("u-1"), "email", regex(".+@.+", "ada@example.com")))
 *         .build();
 * events.runMessage("a user.created event", UserCreated.class, billing::onUserCreated);  // the real handler; then written
 * }</pre>
 *
 * <p>Files go to {@code target/pacts} (system property {@code openclaw.pact.dir} moves them), in V4 unless {@link
 * Builder#version} asks for V3. Interactions already in the file that these do not replace (same description and
 * states) are kept, so several tests can add to one pact.
 */
public final class ConsumerPact {
    /** Where pact files go unless {@code openclaw.pact.dir} says otherwise. */
    public static final String DEFAULT_DIR = "target/pacts";

    private final String consumer;
    private final String provider;
    private final List<ObjectNode> interactions;
    private final PactVersion version;
    private final ObjectMapper json;
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    private ConsumerPact(Builder b) {
        this.consumer = b.consumer;
        this.provider = b.provider;
        this.interactions = List.copyOf(b.interactions);
        this.version = b.version;
        this.json = b.json;
    }

    /** A pact between a consumer and a provider, both catalog service names. */
    public static Builder between(String consumer, String provider) {
        return new Builder(consumer, provider);
    }

    /** The consumer. */
    public String consumer() {
        return consumer;
    }

    /** The provider. */
    public String provider() {
        return provider;
    }

    /** The interactions in V4 form. */
    List<ObjectNode> interactions() {
        return interactions;
    }

    /** The pact document as it would be written (this pact's interactions only). */
    public JsonNode toJson() {
        return PactFiles.document(consumer, provider, interactions, version);
    }

    void exercised(ObjectNode interaction) {
        exercised.add(interaction.path("key").asText());
    }

    boolean isExercised(ObjectNode interaction) {
        return exercised.contains(interaction.path("key").asText());
    }

    /** The descriptions of the interactions no test has exercised yet. */
    public List<String> unexercised() {
        List<String> out = new ArrayList<>();
        for (ObjectNode i : interactions) {
            if (!isExercised(i)) {
                out.add(i.path("description").asText());
            }
        }
        return out;
    }

    /** The directory pact files are written to. */
    public static Path pactDirectory() {
        return Path.of(System.getProperty("openclaw.pact.dir", DEFAULT_DIR));
    }

    /**
     * Writes the exercised interactions to {@code <pact dir>/<consumer>-<provider>.json}.
     *
     * @return the file
     */
    public Path write() {
        List<ObjectNode> done = new ArrayList<>();
        for (ObjectNode i : interactions) {
            if (isExercised(i)) {
                done.add(i);
            }
        }
        return PactFiles.write(pactDirectory(), consumer, provider, done, version);
    }

    /**
     * Runs the message interaction of that description through the consumer's handler: its example content mapped to
     * {@code type}, in an envelope whose type and contract version come from the message's metadata. When the handler
     * returns, the message counts as exercised and the pact file is written.
     *
     * @throws AssertionError when there is no such message, the content does not map to {@code type}, or the handler
     *     throws
     */
    public <T> void runMessage(String description, Class<T> type, EventHandler<T> handler) {
        ObjectNode message = interactions.stream()
                .filter(i -> i.path("type").asText().equals(PactFiles.MESSAGE)
                        && i.path("description").asText().equals(description))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "the pact " + consumer + " -> " + provider + " has no message '" + description + "'"));
        JsonNode content = message.path("contents").path("content");
        if (content.isMissingNode()) {
            content = PactFiles.NODES.nullNode(); // a message with no contents gives the handler null
        }
        JsonNode generators = message.path("generators");
        JsonNode contentGenerators = generators.has("content") ? generators.get("content") : generators.get("body");
        if (contentGenerators != null && contentGenerators.isObject()) {
            content = PactGenerators.applyToBody(content, contentGenerators, PactGenerators.Context.consumer(null));
        }
        JsonNode metadata = message.path("metadata");
        T payload;
        try {
            payload = json.treeToValue(content, type);
        } catch (Exception e) {
            throw new AssertionError(
                    "the content of message '" + description + "' does not map to " + type.getSimpleName() + ": "
                            + e.getMessage(),
                    e);
        }
        String eventType = metadata.path("type").asText(description);
        EventEnvelope envelope = new EventEnvelope(
                "pact-" + message.path("key").asText(),
                provider,
                eventType,
                Instant.now(),
                metadata.has("contractversion")
                        ? Optional.of("urn:openclaw:event:" + eventType + ":"
                                + metadata.get("contractversion").asText())
                        : Optional.empty(),
                Optional.ofNullable(
                        metadata.has("contractversion")
                                ? metadata.get("contractversion").asText()
                                : null),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                content);
        try {
            handler.handle(payload, new EventMetadata(envelope, eventType, "0-1", 1));
        } catch (Exception e) {
            throw new AssertionError("the handler of message '" + description + "' failed: " + e, e);
        }
        exercised(message);
        write();
    }

    /** Builds a {@link ConsumerPact}. */
    public static final class Builder {
        private final String consumer;
        private final String provider;
        private final List<ObjectNode> interactions = new ArrayList<>();
        private final List<ProviderState> states = new ArrayList<>();
        private ObjectMapper json = JsonMappers.standard();
        private PactVersion version = PactVersion.V4;

        private Builder(String consumer, String provider) {
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        /** A provider state for the next interaction (several may be given). */
        public Builder given(String state) {
            return given(state, Map.of());
        }

        /** A provider state with parameters for the next interaction. */
        public Builder given(String state, Map<String, ?> params) {
            states.add(new ProviderState(state, new LinkedHashMap<>(params)));
            return this;
        }

        /**
         * The mapper that turns bodies and message contents given as objects (records, maps, {@code Instant}s...)
         * into the pact's JSON, and message contents back into the handler's type in {@link #runMessage}; default
         * {@link JsonMappers#standard()}, the SDK's ({@code java.time} as ISO-8601 strings). Give your service's mapper
         * where it maps differently. Set it before the interactions that use it.
         */
        public Builder objectMapper(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** The version the file is written in; default V4. */
        public Builder version(PactVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * An HTTP interaction.
         *
         * @throws IllegalArgumentException when the description is taken
         */
        public Builder uponReceiving(String description, PactRequest request, PactResponse response) {
            ObjectNode i = start(PactFiles.HTTP, description);
            i.set("request", request(request));
            i.set("response", response(response));
            interactions.add(i);
            return this;
        }

        /** A message (an event the consumer handles) with its content (matchers allowed) and no metadata. */
        public Builder expectsToReceive(String description, Object content) {
            return expectsToReceive(description, Map.of(), content);
        }

        /** An event of a type and contract version: recorded as metadata {@code type} and {@code contractversion}. */
        public Builder expectsToReceive(String description, String eventType, String version, Object content) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("type", eventType);
            metadata.put("contractversion", version);
            return expectsToReceive(description, metadata, content);
        }

        /**
         * A message with metadata; values may be matchers ({@code Map.of("contractversion", regex("^1\\.\\d+$",
         * "1.0"))}). The provider's message must carry each key with a matching value.
         */
        public Builder expectsToReceive(String description, Map<String, ?> metadata, Object content) {
            ObjectNode i = start(PactFiles.MESSAGE, description);
            PactBody body = PactBody.of(content, json);
            ObjectNode contents = i.putObject("contents");
            contents.set("content", body.example());
            contents.put("contentType", "application/json");
            contents.put("contentTypeHint", "TEXT");
            contents.put("encoded", false);
            if (!body.rules().isEmpty()) {
                i.putObject("matchingRules").set("body", body.rulesNode());
            }
            if (!body.generators().isEmpty()) {
                i.putObject("generators").set("body", body.generatorsNode());
            }
            ObjectNode meta = i.putObject("metadata");
            ObjectNode metaRules = PactFiles.NODES.objectNode();
            metadata.forEach((key, v) -> {
                PactBody value = PactBody.of(v, json);
                meta.set(key, value.example());
                rootRule(value).ifPresent(rule -> metaRules.set(key, rule));
            });
            if (!metaRules.isEmpty()) {
                ObjectNode rules =
                        i.has("matchingRules") ? (ObjectNode) i.get("matchingRules") : i.putObject("matchingRules");
                rules.set("metadata", metaRules);
            }
            interactions.add(i);
            return this;
        }

        private ObjectNode start(String type, String description) {
            Objects.requireNonNull(description, "description");
            ArrayNode stateNodes = PactFiles.NODES.arrayNode();
            for (ProviderState s : states) {
                ObjectNode n = stateNodes.addObject().put("name", s.name());
                if (!s.params().isEmpty()) {
                    n.set("params", json.valueToTree(s.params()));
                }
            }
            states.clear();
            String key = PactFiles.key(description, stateNodes);
            for (ObjectNode other : interactions) {
                if (other.path("key").asText().equals(key)) {
                    throw new IllegalArgumentException(
                            "the pact already has an interaction '" + description + "' with the same provider states");
                }
            }
            ObjectNode i = PactFiles.NODES.objectNode();
            i.put("type", type);
            i.put("key", key);
            i.put("description", description);
            i.set("providerStates", stateNodes);
            i.put("pending", false);
            return i;
        }

        private ObjectNode request(PactRequest r) {
            ObjectNode out = PactFiles.NODES.objectNode();
            ObjectNode rules = PactFiles.NODES.objectNode();
            ObjectNode generators = PactFiles.NODES.objectNode();
            out.put("method", r.method);
            PactBody path = PactBody.of(r.path, json);
            out.put("path", path.example().asText());
            rootRule(path).ifPresent(rule -> rules.set("path", rule));
            rootGenerator(path).ifPresent(g -> generators.set("path", g));
            if (!r.query.isEmpty()) {
                ObjectNode query = out.putObject("query");
                ObjectNode queryRules = PactFiles.NODES.objectNode();
                ObjectNode queryGenerators = PactFiles.NODES.objectNode();
                r.query.forEach((name, values) -> {
                    ArrayNode list = query.putArray(name);
                    for (Object v : values) {
                        PactBody value = PactBody.of(v, json);
                        list.add(value.example().asText());
                        rootRule(value).ifPresent(rule -> queryRules.set(name, rule));
                        rootGenerator(value).ifPresent(g -> queryGenerators.set(name, g));
                    }
                });
                if (!queryRules.isEmpty()) {
                    rules.set("query", queryRules);
                }
                if (!queryGenerators.isEmpty()) {
                    generators.set("query", queryGenerators);
                }
            }
            String contentType = contentTypeOf(r.body, r.contentType);
            headers(out, rules, generators, r.headers, r.hasBody ? contentType : null);
            body(out, rules, generators, r.hasBody, r.body, contentType);
            extraBodyRules(rules, r.bodyRules);
            finish(out, rules, generators);
            return out;
        }

        private ObjectNode response(PactResponse r) {
            ObjectNode out = PactFiles.NODES.objectNode();
            ObjectNode rules = PactFiles.NODES.objectNode();
            ObjectNode generators = PactFiles.NODES.objectNode();
            out.put("status", r.status);
            if (r.statusRule != null) {
                ObjectNode status = rules.putObject("status");
                status.put("combine", "AND");
                status.putArray("matchers").add(r.statusRule.deepCopy());
            }
            String contentType = contentTypeOf(r.body, r.contentType);
            headers(out, rules, generators, r.headers, r.hasBody ? contentType : null);
            body(out, rules, generators, r.hasBody, r.body, contentType);
            extraBodyRules(rules, r.bodyRules);
            finish(out, rules, generators);
            return out;
        }

        /** Rules given by path ({@code bodyRule}), added to the body's own. */
        private static void extraBodyRules(ObjectNode rules, Map<String, PactMatcher> extra) {
            if (extra.isEmpty()) {
                return;
            }
            ObjectNode body = rules.has("body") ? (ObjectNode) rules.get("body") : rules.putObject("body");
            extra.forEach((path, m) -> {
                ObjectNode entry = body.has(path) ? (ObjectNode) body.get(path) : body.putObject(path);
                if (!entry.has("combine")) {
                    entry.put("combine", "AND");
                }
                (entry.has("matchers") ? (ArrayNode) entry.get("matchers") : entry.putArray("matchers"))
                        .add(Objects.requireNonNull(m.rule).deepCopy());
            });
        }

        /** The body's content type: a {@code contentType} matcher's own, else the one given. */
        private static String contentTypeOf(@Nullable Object body, String given) {
            if (body instanceof PactMatcher m
                    && m.rule != null
                    && m.rule.path("match").asText().equals("contentType")) {
                return m.rule.path("value").asText(given);
            }
            return given;
        }

        private static void finish(ObjectNode out, ObjectNode rules, ObjectNode generators) {
            if (!rules.isEmpty()) {
                out.set("matchingRules", rules);
            }
            if (!generators.isEmpty()) {
                out.set("generators", generators);
            }
        }

        private void headers(
                ObjectNode out,
                ObjectNode rules,
                ObjectNode generators,
                Map<String, Object> given,
                @Nullable String contentType) {
            Map<String, Object> all = new LinkedHashMap<>(given);
            if (contentType != null && all.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
                all.put("Content-Type", contentType);
            }
            if (all.isEmpty()) {
                return;
            }
            ObjectNode headers = out.putObject("headers");
            ObjectNode headerRules = PactFiles.NODES.objectNode();
            ObjectNode headerGenerators = PactFiles.NODES.objectNode();
            all.forEach((name, v) -> {
                PactBody value = PactBody.of(v, json);
                headers.putArray(name).add(value.example().asText());
                rootRule(value).ifPresent(rule -> headerRules.set(name, rule));
                rootGenerator(value).ifPresent(g -> headerGenerators.set(name, g));
            });
            if (!headerRules.isEmpty()) {
                rules.set("header", headerRules);
            }
            if (!headerGenerators.isEmpty()) {
                generators.set("header", headerGenerators);
            }
        }

        private void body(
                ObjectNode out,
                ObjectNode rules,
                ObjectNode generators,
                boolean has,
                @Nullable Object value,
                String contentType) {
            if (!has) {
                return;
            }
            ObjectNode b = out.putObject("body");
            if (value instanceof Binary binary) {
                b.put("content", java.util.Base64.getEncoder().encodeToString(binary.bytes()));
                b.put("contentType", contentType);
                b.put("contentTypeHint", "BINARY");
                b.put("encoded", "base64");
                return;
            }
            if (value instanceof PactMatcher m && m.example instanceof byte[] bytes) {
                // a matcher over binary content (contentType): the bytes are the example, the rule judges them
                b.put("content", java.util.Base64.getEncoder().encodeToString(bytes));
                b.put("contentType", contentType);
                b.put("contentTypeHint", "BINARY");
                b.put("encoded", "base64");
                ObjectNode rule = PactFiles.NODES.objectNode();
                ObjectNode root = rule.putObject("$");
                root.put("combine", "AND");
                root.putArray("matchers")
                        .add(java.util.Objects.requireNonNull(m.rule).deepCopy());
                rules.set("body", rule);
                return;
            }
            PactBody body = PactBody.of(value, json);
            b.set("content", body.example());
            b.put("contentType", contentType);
            b.put("contentTypeHint", "TEXT");
            b.put("encoded", false);
            if (!body.rules().isEmpty()) {
                rules.set("body", body.rulesNode());
            }
            if (!body.generators().isEmpty()) {
                generators.set("body", body.generatorsNode());
            }
        }

        private static Optional<ObjectNode> rootGenerator(PactBody value) {
            return Optional.ofNullable(value.generators().get("$")).map(ObjectNode::deepCopy);
        }

        private static Optional<ObjectNode> rootRule(PactBody value) {
            return Optional.ofNullable(value.rules().get("$"));
        }

        /**
         * The pact.
         *
         * @throws IllegalStateException when it has no interaction, or states were given after the last one
         */
        public ConsumerPact build() {
            if (interactions.isEmpty()) {
                throw new IllegalStateException("the pact " + consumer + " -> " + provider + " has no interaction");
            }
            if (!states.isEmpty()) {
                throw new IllegalStateException(
                        "provider state '" + states.get(0).name()
                                + "' was given after the last interaction: call given(...) before uponReceiving/expectsToReceive");
            }
            return new ConsumerPact(this);
        }
    }
}
