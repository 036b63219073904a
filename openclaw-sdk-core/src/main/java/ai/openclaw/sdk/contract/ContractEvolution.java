package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The seed's {@code contracts evolve}: add a field to an event contract, or remove one, and get the next version —
 * the next minor when the change keeps the version rule's mode, else the next major — with what each consumer in the
 * catalog must do.
 *
 * <pre>{@code
 * ContractEvolution.Result r = ContractEvolution.of(catalog, contracts)
 *         .addField("user.created", "role", "string", false);
 * r.version();     // 1.1
 * r.consumers();   // billing-service: deploy 1.1 before user-service publishes it ...
 * r.write(Path.of("contracts")); // contracts/events/user.created/1.1.schema.json
 * }</pre>
 */
public final class ContractEvolution {
    /** Field types {@code --add-field NAME:TYPE} understands, as JSON Schema. */
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("string", "{\"type\":\"string\"}"),
            Map.entry("integer", "{\"type\":\"integer\"}"),
            Map.entry("number", "{\"type\":\"number\"}"),
            Map.entry("boolean", "{\"type\":\"boolean\"}"),
            Map.entry("object", "{\"type\":\"object\"}"),
            Map.entry("array", "{\"type\":\"array\"}"),
            Map.entry("date-time", "{\"type\":\"string\",\"format\":\"date-time\"}"),
            Map.entry("date", "{\"type\":\"string\",\"format\":\"date\"}"),
            Map.entry("email", "{\"type\":\"string\",\"format\":\"email\"}"),
            Map.entry("uuid", "{\"type\":\"string\",\"format\":\"uuid\"}"),
            Map.entry("uri", "{\"type\":\"string\",\"format\":\"uri\"}"));

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ServiceCatalog catalog;
    private final ContractRegistry contracts;
    private final VersionRule rule;

    private ContractEvolution(ServiceCatalog catalog, ContractRegistry contracts, VersionRule rule) {
        this.catalog = catalog;
        this.contracts = contracts;
        this.rule = rule;
    }

    /** Evolution under the default version rule (BACKWARD). */
    public static ContractEvolution of(ServiceCatalog catalog, ContractRegistry contracts) {
        return of(catalog, contracts, VersionRule.defaults());
    }

    /** Evolution under a version rule. */
    public static ContractEvolution of(ServiceCatalog catalog, ContractRegistry contracts, VersionRule rule) {
        return new ContractEvolution(
                Objects.requireNonNull(catalog, "catalog"),
                Objects.requireNonNull(contracts, "contracts"),
                Objects.requireNonNull(rule, "rule"));
    }

    /** What one consumer must do. */
    public record ConsumerGuidance(String service, Optional<String> owner, String action) {}

    /** The evolved contract, not yet written. */
    public record Result(
            EventContract previous,
            ContractVersion version,
            JsonNode schema,
            SchemaDiff diff,
            boolean breaking,
            List<String> producers,
            List<ConsumerGuidance> consumers) {
        /** Copies the lists. */
        public Result {
            producers = List.copyOf(producers);
            consumers = List.copyOf(consumers);
        }

        /** The file the new version goes to under a contracts directory. */
        public Path file(Path contractsDirectory) {
            return contractsDirectory
                    .resolve("events")
                    .resolve(previous.eventType())
                    .resolve(version + ".schema.json");
        }

        /**
         * Writes the new version.
         *
         * @return the file written
         * @throws ContractException when the file exists already
         */
        public Path write(Path contractsDirectory) {
            Path file = file(contractsDirectory);
            if (Files.exists(file)) {
                throw new ContractException(file + " exists already; it is not overwritten");
            }
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(schema) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }
    }

    /**
     * Adds a property to the newest contract of an event type.
     *
     * @param eventType the event type
     * @param name the property's name
     * @param type one of {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code object}, {@code
     *     array}, {@code date-time}, {@code date}, {@code email}, {@code uuid}, {@code uri}
     * @param required whether the property is required
     * @throws IllegalArgumentException for an unknown type, or a property that exists
     * @throws ContractException when the event type has no contract
     */
    public Result addField(String eventType, String name, String type, boolean required) {
        EventContract latest = latest(eventType);
        String schemaText = TYPES.get(type.toLowerCase(Locale.ROOT));
        if (schemaText == null) {
            throw new IllegalArgumentException("unknown field type '" + type + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(TYPES.keySet())) + ")");
        }
        ObjectNode schema = (ObjectNode) latest.schema();
        ObjectNode properties =
                schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
        if (properties.has(name)) {
            throw new IllegalArgumentException(
                    eventType + " " + latest.version() + " already has a field '" + name + "'");
        }
        try {
            properties.set(name, JSON.readTree(schemaText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (required) {
            (schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required")).add(name);
        }
        return evolve(latest, schema, (required ? "required" : "optional") + " field '" + name + "'");
    }

    /**
     * Removes a property from the newest contract of an event type.
     *
     * @throws IllegalArgumentException when there is no such property
     * @throws ContractException when the event type has no contract
     */
    public Result removeField(String eventType, String name) {
        EventContract latest = latest(eventType);
        ObjectNode schema = (ObjectNode) latest.schema();
        JsonNode properties = schema.path("properties");
        if (!properties.has(name)) {
            throw new IllegalArgumentException(eventType + " " + latest.version() + " has no field '" + name + "'");
        }
        ((ObjectNode) properties).remove(name);
        if (schema.has("required")) {
            ArrayNode kept = JSON.createArrayNode();
            schema.get("required").forEach(r -> {
                if (!r.asText().equals(name)) {
                    kept.add(r);
                }
            });
            schema.set("required", kept);
        }
        return evolve(latest, schema, "field '" + name + "' removed");
    }

    private EventContract latest(String eventType) {
        return contracts
                .latestEventContract(eventType)
                .orElseThrow(() -> new ContractException("no contract for event type '" + eventType
                        + "' to evolve (contracts/events/" + eventType + "/)"));
    }

    private Result evolve(EventContract latest, ObjectNode schema, String what) {
        ContractVersion next = rule.nextVersion(latest, schema);
        if (schema.path("$id").isTextual()) {
            schema.put("$id", "urn:openclaw:event:" + latest.eventType() + ":" + next);
        }
        SchemaDiff diff = SchemaDiff.between(latest.schema(), schema);
        boolean breaking = next.major() != latest.version().major();
        List<String> producers = catalog.publishersOf(latest.eventType());
        String producerText = producers.isEmpty() ? "its producers" : String.join(", ", producers);
        List<ConsumerGuidance> consumers = new ArrayList<>();
        for (String consumer : catalog.subscribersOf(latest.eventType())) {
            consumers.add(new ConsumerGuidance(
                    consumer, catalog.ownerOf(consumer), action(latest, next, diff, breaking, what, producerText)));
        }
        return new Result(latest, next, schema, diff, breaking, producers, consumers);
    }

    private static String action(
            EventContract latest,
            ContractVersion next,
            SchemaDiff diff,
            boolean breaking,
            String what,
            String producers) {
        String type = latest.eventType();
        if (breaking) {
            return "breaking change (" + what + "): declare accepts: {" + type + ": \""
                    + latest.version().major()
                    + ".x, " + next.major() + ".x\"}, handle " + type + " " + next + ", and deploy before " + producers
                    + " publishes " + next + "; " + producers + " must keep publishing "
                    + latest.version().major()
                    + ".x until every consumer accepts " + next.major() + ".x";
        }
        if (diff.isCompatible(CompatibilityMode.FORWARD)) {
            return "no action needed (" + what + "): consumers on " + latest.version() + " read " + next
                    + " events; adopt " + next + " to use the change";
        }
        return "update to " + type + " " + next + " (" + what + ") and deploy before " + producers + " publishes it: "
                + "consumers on " + latest.version() + " reject " + next + " events ("
                + String.join(
                        "; ",
                        diff.forwardIncompatibilities().stream()
                                .map(SchemaChange::describeReversed)
                                .toList())
                + "); code that does not read the change keeps working";
    }
}
