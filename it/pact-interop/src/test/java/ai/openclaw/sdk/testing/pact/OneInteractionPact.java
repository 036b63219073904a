package ai.openclaw.sdk.testing.pact;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A pact document of one HTTP interaction, as the conformance tests build it, and pact-jvm's reading of it. */
final class OneInteractionPact {
    private OneInteractionPact() {}

    /**
     * A pact of specification {@code version} whose one interaction has {@code part} as its request (or response); the
     * other side is a plain GET / or 200.
     */
    static ObjectNode of(String version, boolean request, JsonNode part) {
        ObjectNode doc = PactFiles.NODES.objectNode();
        doc.putObject("consumer").put("name", "consumer");
        doc.putObject("provider").put("name", "provider");
        doc.putObject("metadata").putObject("pactSpecification").put("version", version);
        ObjectNode i = doc.putArray("interactions").addObject();
        if (version.startsWith("4")) {
            i.put("type", PactFiles.HTTP);
            i.put("key", "case");
        }
        i.put("description", "case");
        if (request) {
            i.set("request", part);
            i.putObject("response").put("status", 200);
        } else {
            i.putObject("request").put("method", "GET").put("path", "/");
            i.set("response", part);
        }
        return doc;
    }

    /** The document's interaction as pact-jvm reads it from a file. */
    static Interaction readByPactJvm(ObjectNode doc) throws IOException {
        Path file = Files.createTempFile("one-interaction", ".json");
        try {
            Files.writeString(file, PactFiles.JSON.writeValueAsString(doc));
            return DefaultPactReader.INSTANCE
                    .loadPact(file.toFile())
                    .getInteractions()
                    .get(0);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
