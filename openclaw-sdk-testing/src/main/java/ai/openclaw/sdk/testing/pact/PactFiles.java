package ai.openclaw.sdk.testing.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing pact files (V3 and V4), and the interaction forms they hold. */
final class PactFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String HTTP = "Synchronous/HTTP";
    static final String MESSAGE = "Asynchronous/Messages";
    private static final Object LOCK = new Object();

    private PactFiles() {}

    /** A V4 interaction's {@code key}: a digest of its description and provider states. */
    static String key(String description, JsonNode states) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(description.getBytes(StandardCharsets.UTF_8));
            sha.update(states.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pact document in {@code version}, from interactions held in V4 form. */
    static ObjectNode document(String consumer, String provider, List<ObjectNode> interactions, PactVersion version) {
        ObjectNode root = NODES.objectNode();
        root.putObject("consumer").put("name", consumer);
        root.putObject("provider").put("name", provider);
        if (version == PactVersion.V4) {
            ArrayNode list = root.putArray("interactions");
            interactions.forEach(i -> list.add(i.deepCopy()));
        } else {
            boolean messages =
                    interactions.stream().anyMatch(i -> i.path("type").asText().equals(MESSAGE));
            boolean http =
                    interactions.stream().anyMatch(i -> i.path("type").asText().equals(HTTP));
            if (messages && http) {
                throw new IllegalArgumentException("a V3 pact holds HTTP interactions or messages, not both: "
                        + consumer + " -> " + provider + " has both; write it as V4");
            }
            ArrayNode list = root.putArray(messages ? "messages" : "interactions");
            interactions.forEach(i -> list.add(toV3(i)));
        }
        ObjectNode metadata = root.putObject("metadata");
        metadata.putObject("pactSpecification").put("version", version.text());
        metadata.putObject("openclaw").put("sdk", "openclaw-sdk-testing");
        return root;
    }

    private static ObjectNode toV3(ObjectNode v4) {
        ObjectNode out = NODES.objectNode();
        out.put("description", v4.path("description").asText());
        if (v4.has("providerStates")) {
            out.set("providerStates", v4.get("providerStates").deepCopy());
        }
        if (v4.path("type").asText().equals(MESSAGE)) {
            JsonNode content = v4.path("contents").path("content");
            if (!content.isMissingNode()) {
                out.set("contents", content.deepCopy());
            }
            if (v4.has("matchingRules")) {
                out.set("matchingRules", v4.get("matchingRules").deepCopy());
            }
            if (v4.has("generators")) {
                out.set("generators", v4.get("generators").deepCopy());
            }
            out.set("metaData", v4.path("metadata").deepCopy()); // the version-3 message format's spelling
            return out;
        }
        out.set("request", partToV3(v4.path("request")));
        out.set("response", partToV3(v4.path("response")));
        return out;
    }

    private static ObjectNode partToV3(JsonNode part) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "headers" -> {
                    ObjectNode headers = out.putObject("headers");
                    e.getValue().fields().forEachRemaining(h -> headers.put(h.getKey(), joined(h.getValue())));
                }
                case "body" -> out.set("body", e.getValue().path("content").deepCopy());
                default -> out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    static String joined(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> parts = new ArrayList<>();
        value.forEach(v -> parts.add(v.asText()));
        return String.join(", ", parts);
    }

    /**
     * Writes the pact to {@code dir/<consumer>-<provider>.json}, keeping the interactions already there that these do
     * not replace (same description and provider states). A V4 pact is checked against {@link PactSchema} first.
     *
     * @throws IllegalStateException when the V4 document would not conform to the schema
     */
    static Path write(Path dir, String consumer, String provider, List<ObjectNode> interactions, PactVersion version) {
        synchronized (LOCK) {
            Path file = dir.resolve(consumer + "-" + provider + ".json");
            try {
                Files.createDirectories(dir);
                Map<String, ObjectNode> merged = new LinkedHashMap<>();
                if (Files.exists(file)) {
                    for (ObjectNode i : read(file).interactions()) {
                        merged.put(i.path("key").asText(), i);
                    }
                }
                interactions.forEach(i -> merged.put(i.path("key").asText(), i));
                ObjectNode doc = document(consumer, provider, new ArrayList<>(merged.values()), version);
                if (version == PactVersion.V4) {
                    List<String> problems = PactSchema.v4().problems(doc);
                    if (!problems.isEmpty()) { // a pact other tools would refuse is never written
                        throw new IllegalStateException(
                                "the pact " + file + " would not conform to Pact V4: " + String.join("; ", problems));
                    }
                }
                // created as any file is (the umask's permissions, commonly rw-r--r--): a pact is shared, not secret;
                // createTempFile would make it owner-only
                Path tmp = dir.resolve("." + file.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
                Files.writeString(
                        tmp, JSON.writeValueAsString(doc) + "\n", java.nio.file.StandardOpenOption.CREATE_NEW);
                Files.move(
                        tmp,
                        file,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the pact " + file, e);
            }
        }
    }

    /**
     * A pact file read: consumer, provider, and its interactions in V4 form (V2/V3 files converted).
     *
     * @param source where it came from, for messages
     */
    record Pact(
            String source,
            String consumer,
            String provider,
            List<ObjectNode> interactions,
            ai.openclaw.sdk.pact.@org.jspecify.annotations.Nullable BrokerPact broker) {
        Pact(String source, String consumer, String provider, List<ObjectNode> interactions) {
            this(source, consumer, provider, interactions, null);
        }

        /** Whether a failure of this pact leaves the verification passing (a pending pact from a broker). */
        boolean pending() {
            return broker != null && broker.pending();
        }
    }

    static Pact read(Path file) {
        try {
            return parse(file.toString(), JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the pact " + file + ": " + e.getMessage(), e);
        }
    }

    static Pact parse(String source, JsonNode doc) {
        String consumer = doc.path("consumer").path("name").asText("");
        String provider = doc.path("provider").path("name").asText("");
        if (consumer.isEmpty() || provider.isEmpty()) {
            throw new IllegalArgumentException(source + " is not a pact: consumer.name and provider.name are required");
        }
        List<ObjectNode> out = new ArrayList<>();
        int index = 0;
        // version 1.0 compared query strings as strings; version 1.1 on as parameters in any order
        boolean rawQueries = specificationVersion(doc).matches("1(\\.0(\\.\\d+)?)?");
        for (JsonNode i : doc.path("interactions")) {
            ObjectNode o = object(source, "/interactions/" + index++, i);
            ObjectNode http = o.has("type") ? o.deepCopy() : httpFromV3(o);
            if (rawQueries && o.path("request").path("query").isTextual()) {
                ((ObjectNode) http.get("request"))
                        .put("query", o.path("request").path("query").asText());
            }
            out.add(http);
        }
        index = 0;
        for (JsonNode m : doc.path("messages")) {
            out.add(messageFromV3(object(source, "/messages/" + index++, m)));
        }
        return new Pact(source, consumer, provider, out);
    }

    /** The specification version a pact declares ({@code metadata.pactSpecification.version} and older spellings). */
    static String specificationVersion(JsonNode doc) {
        JsonNode metadata = doc.path("metadata");
        for (String key : List.of("pactSpecification", "pact-specification")) {
            if (metadata.path(key).has("version")) {
                return metadata.path(key).path("version").asText();
            }
        }
        return metadata.path("pactSpecificationVersion").asText("");
    }

    private static ObjectNode object(String source, String pointer, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(source + " is not a valid pact: " + pointer + " is not an object");
        }
        return (ObjectNode) node;
    }

    private static ObjectNode httpFromV3(ObjectNode v3) {
        ObjectNode out = NODES.objectNode();
        out.put("type", HTTP);
        out.put("description", v3.path("description").asText());
        JsonNode states = states(v3);
        out.set("providerStates", states);
        out.put("key", key(v3.path("description").asText(), states));
        out.set("request", partFromV3(v3.path("request")));
        out.set("response", partFromV3(v3.path("response")));
        return out;
    }

    private static ObjectNode messageFromV3(ObjectNode v3) {
        ObjectNode out = NODES.objectNode();
        out.put("type", MESSAGE);
        out.put("description", v3.path("description").asText());
        JsonNode states = states(v3);
        out.set("providerStates", states);
        out.put("key", key(v3.path("description").asText(), states));
        ObjectNode contents = out.putObject("contents");
        if (v3.has("contents")) {
            // no contents at all is no expectation of them; "contents": null expects null
            contents.set("content", v3.get("contents").deepCopy());
        }
        contents.put("contentType", "application/json");
        contents.put("contentTypeHint", "TEXT");
        contents.put("encoded", false);
        if (v3.has("matchingRules")) {
            out.set("matchingRules", categorised(v3.get("matchingRules")));
        }
        if (v3.has("generators")) {
            out.set("generators", v3.get("generators").deepCopy());
        }
        // version 3 spells it metaData; some tools write metadata
        JsonNode metadata = v3.path("metaData").isObject() ? v3.get("metaData") : v3.path("metadata");
        out.set("metadata", metadata.isObject() ? metadata.deepCopy() : NODES.objectNode());
        return out;
    }

    private static JsonNode states(ObjectNode v3) {
        if (v3.has("providerStates")) {
            return v3.get("providerStates").deepCopy();
        }
        ArrayNode states = NODES.arrayNode();
        String legacy = v3.has("providerState")
                ? v3.get("providerState").asText()
                : v3.path("provider_state").asText("");
        if (!legacy.isEmpty()) {
            states.addObject().put("name", legacy);
        }
        return states;
    }

    private static ObjectNode partFromV3(JsonNode part) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = part.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "headers" -> {
                    ObjectNode headers = out.putObject("headers");
                    e.getValue().fields().forEachRemaining(h -> headers.putArray(h.getKey())
                            .add(h.getValue().asText()));
                }
                case "body" -> {
                    ObjectNode body = out.putObject("body");
                    body.set("content", e.getValue().deepCopy());
                    body.put("contentType", contentTypeOf(part, e.getValue()));
                    body.put("contentTypeHint", "TEXT");
                    body.put("encoded", false);
                }
                case "query" -> out.set("query", queryFromV2(e.getValue()));
                case "matchingRules" -> out.set("matchingRules", categorised(e.getValue()));
                default -> out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    /**
     * The content type of a version-1 to -3 body: the part's own {@code Content-Type} header; without one, JSON for a
     * JSON document and, for text, XML where it looks like XML, else plain text (the body is then sent as written).
     */
    private static String contentTypeOf(JsonNode part, JsonNode body) {
        for (Iterator<Map.Entry<String, JsonNode>> it = part.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                JsonNode value = h.getValue().isArray() ? h.getValue().path(0) : h.getValue();
                if (!value.asText("").isBlank()) {
                    return value.asText();
                }
            }
        }
        if (!body.isTextual()) {
            return "application/json";
        }
        return PactXml.looksLikeXml(body.asText()) ? "application/xml" : "text/plain";
    }

    /**
     * Matching rules by category, as version 3 writes them. Version 2 keyed every rule by a path from the request or
     * response itself ({@code $.body.animals[0].name}, {@code $.headers.Accept}, {@code $.query.q}, {@code $.path}):
     * those are split into {@code body} ({@code $.animals[0].name}), {@code header}, {@code query} and {@code path}.
     */
    static JsonNode categorised(JsonNode rules) {
        boolean v2 = false;
        for (Iterator<String> it = rules.fieldNames(); it.hasNext(); ) {
            v2 |= it.next().startsWith("$.");
        }
        if (!v2) {
            return rules.deepCopy();
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode rule = e.getValue().has("matchers")
                    ? e.getValue().deepCopy()
                    : NODES.objectNode()
                            .set("matchers", NODES.arrayNode().add(e.getValue().deepCopy()));
            if (key.equals("$.body") || key.startsWith("$.body.") || key.startsWith("$.body[")) {
                child(out, "body").set("$" + key.substring("$.body".length()), rule);
            } else if (key.startsWith("$.headers.") || key.startsWith("$.header.")) {
                child(out, "header").set(key.substring(key.indexOf('.', 2) + 1), rule);
            } else if (key.startsWith("$.query.")) {
                child(out, "query").set(key.substring("$.query.".length()), rule);
            } else if (key.equals("$.path")) {
                out.set("path", rule);
            } else if (!key.startsWith("$.")) {
                out.set(key, e.getValue().deepCopy()); // already a category
            }
        }
        return out;
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        return existing instanceof ObjectNode o ? o : parent.putObject(name);
    }

    /** V2 wrote the query as a string ({@code a=1&b=2}); V3 as a map of lists. */
    private static JsonNode queryFromV2(JsonNode query) {
        if (!query.isTextual()) {
            return query.deepCopy();
        }
        ObjectNode out = NODES.objectNode();
        for (String pair : query.asText().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            ((ArrayNode) (out.has(k) ? out.get(k) : out.putArray(k))).add(v);
        }
        return out;
    }
}
