package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.SourceLocation;
import ai.openclaw.sdk.internal.contract.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The contract of one version of one event type: a JSON Schema describing the payload (draft-04, -06, -07, 2019-09 or 2020-12 by its {@code $schema}; draft-07 without one). Compiled once,
 * when created; {@link #validate} does no parsing. Immutable and thread-safe.
 *
 * <pre>{@code
 * EventContract contract = registry.eventContract("user.created", ContractVersion.parse("1.0")).orElseThrow();
 * List<ContractViolation> problems = contract.validate(payload);
 * contract.check(payload); // or throw ContractViolationException
 * }</pre>
 *
 * <p>The seed's event envelope ({@code eventType}, {@code version}, {@code payload}) maps onto this: {@link
 * #eventType()} and {@link #version()} name the contract, the schema describes the payload. {@link #id()} is the
 * contract id that events carry as CloudEvents {@code dataschema}: the schema's {@code $id}, or {@code
 * urn:openclaw:event:<type>:<version>}.
 */
public final class EventContract {
    private static final SchemaRegistry REGISTRY = Schemas.jsonSchema(uri -> null);

    private final String eventType;
    private final ContractVersion version;
    private final String id;
    private final JsonNode schema;
    private final @Nullable SourceLocation location;
    private final Schema compiled;
    private final Schemas.Sensitive sensitive;
    private final String versionText;

    private EventContract(
            String eventType,
            ContractVersion version,
            JsonNode schema,
            @Nullable SourceLocation location,
            Schema compiled) {
        this.eventType = eventType;
        this.version = version;
        this.schema = schema.deepCopy();
        this.location = location;
        this.compiled = compiled;
        this.sensitive = Schemas.Sensitive.of(schema);
        this.versionText = version.toString();
        JsonNode declaredId = schema.path("$id");
        this.id = declaredId.isTextual() ? declaredId.asText() : "urn:openclaw:event:" + eventType + ":" + version;
    }

    /**
     * A contract from a schema in code.
     *
     * @param eventType the event type, such as {@code user.created}
     * @param version the contract version
     * @param schema the JSON Schema of the payload
     * @return the compiled contract
     * @throws IllegalArgumentException when the schema cannot be compiled
     */
    public static EventContract of(String eventType, ContractVersion version, JsonNode schema) {
        return compile(eventType, version, schema, null, REGISTRY);
    }

    static EventContract compile(
            String eventType,
            ContractVersion version,
            JsonNode schema,
            @Nullable SourceLocation location,
            SchemaRegistry registry) {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(schema, "schema");
        if (Schemas.dialectOf(schema) == null) {
            throw new IllegalArgumentException("the schema of " + eventType + " " + version + " declares $schema "
                    + schema.path("$schema").asText() + ", a JSON Schema dialect the SDK does not know (it knows "
                    + String.join(", ", Schemas.dialectNames()) + ")");
        }
        Schema compiled;
        try {
            compiled = registry.getSchema(Schemas.canonical(schema));
            compiled.initializeValidators();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "the schema of " + eventType + " " + version + " cannot be compiled: " + e.getMessage(), e);
        }
        return new EventContract(eventType, version, schema, location, compiled);
    }

    /** The event type. */
    public String eventType() {
        return eventType;
    }

    /** The contract version. */
    public ContractVersion version() {
        return version;
    }

    /** The contract id: the schema's {@code $id}, or {@code urn:openclaw:event:<type>:<version>}. */
    public String id() {
        return id;
    }

    /** A copy of the payload's JSON Schema. */
    public JsonNode schema() {
        return schema.deepCopy();
    }

    /** The file the contract was read from, when it was. */
    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /**
     * Checks a payload.
     *
     * @param payload the event's payload
     * @return every violation, in instance order; empty when the payload is valid
     */
    public List<ContractViolation> validate(JsonNode payload) {
        Objects.requireNonNull(payload, "payload");
        return Schemas.violations(compiled.validate(payload), eventType, versionText, sensitive, "", "");
    }

    /**
     * Checks a payload and throws when it breaks the contract.
     *
     * @param payload the event's payload
     * @throws ContractViolationException listing every violation
     */
    public void check(JsonNode payload) {
        List<ContractViolation> violations = validate(payload);
        if (!violations.isEmpty()) {
            throw new ContractViolationException(violations);
        }
    }

    @Override
    public String toString() {
        return "EventContract{" + eventType + " " + version + "}";
    }
}
