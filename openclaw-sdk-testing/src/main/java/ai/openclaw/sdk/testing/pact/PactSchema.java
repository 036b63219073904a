package ai.openclaw.sdk.testing.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a Pact specification V4 file, as a JSON Schema (draft 2020-12) written from the <a
 * href="https://github.com/pact-foundation/pact-specification/tree/version-4">specification</a>: participants,
 * {@code Synchronous/HTTP}, {@code Asynchronous/Messages} and {@code Synchronous/Messages} interactions, bodies,
 * matching rules with each matcher's required attributes, generators and metadata. Every V4 pact this module writes is
 * checked against it before it is written; use it to check pacts from elsewhere too.
 *
 * <pre>{@code
 * List<String> problems = PactSchema.v4().problems(Path.of("target/pacts/billing-service-user-service.json"));
 * // ["/interactions/1/response/status: must have a maximum value of 599", ...]; empty when the file conforms
 * }</pre>
 *
 * <p>The schema itself is the class-path resource {@link #RESOURCE}. Immutable and thread-safe.
 */
public final class PactSchema {
    /** The class-path resource holding the schema. */
    public static final String RESOURCE = "/ai/openclaw/sdk/testing/pact/pact-v4.schema.json";

    private static final PactSchema V4 = new PactSchema(load());

    private final Schema schema;

    private PactSchema(Schema schema) {
        this.schema = schema;
    }

    /** The Pact V4 schema. */
    public static PactSchema v4() {
        return V4;
    }

    /**
     * Checks a pact document.
     *
     * @return each problem as {@code JSON pointer: message}; empty when the document conforms
     */
    public List<String> problems(JsonNode pact) {
        Objects.requireNonNull(pact, "pact");
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(pact)) {
            String where = e.getInstanceLocation().toString();
            out.add((where.isEmpty() ? "(root)" : where) + ": " + e.getMessage());
        }
        return List.copyOf(out);
    }

    /**
     * Checks a pact file.
     *
     * @return each problem as {@code JSON pointer: message}; a file that is not JSON gives one problem saying so
     * @throws UncheckedIOException when the file cannot be read
     */
    public List<String> problems(Path file) {
        Objects.requireNonNull(file, "file");
        JsonNode doc;
        try {
            doc = PactFiles.JSON.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of("(root): " + file + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return problems(doc);
    }

    private static Schema load() {
        try (InputStream in = PactSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Pact V4 schema " + RESOURCE + " is not on the class path");
            }
            JsonNode node = PactFiles.JSON.readTree(in);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    Dialects.getDraft202012(), b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
            return registry.getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Pact V4 schema " + RESOURCE, e);
        }
    }

    @Override
    public String toString() {
        return "PactSchema[V4, " + RESOURCE + "]";
    }
}
