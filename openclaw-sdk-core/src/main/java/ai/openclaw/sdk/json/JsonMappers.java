package ai.openclaw.sdk.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Objects;

/**
 * The JSON mapping the SDK uses wherever it turns objects into JSON and back (event payloads, client requests and
 * responses, health data, the testing module's fakes and pact tests), unless you give it a mapper of your own.
 *
 * <ul>
 *   <li>{@code java.time} types as ISO-8601 strings: {@code Instant} {@code "2026-12-02T10:15:30Z"}, {@code
 *       LocalDate} {@code "2026-12-02"}, {@code Duration} {@code "PT30S"} (JSR-310 module, dates not as timestamps);
 *   <li>{@code Optional} (and {@code OptionalInt}, ...) as its value or {@code null} (JDK 8 module); records as
 *       objects (Jackson does that by itself);
 *   <li>unknown properties ignored when reading: a new minor version of a contract may add optional fields, and a
 *       reader built against the older one must still read it (the tolerant reader that compatibility relies on);
 *       the contract, not the Java type, decides what is valid;
 *   <li>no default typing: the type to read is always the caller's.
 * </ul>
 *
 * <pre>{@code
 * ObjectMapper json = JsonMappers.standard();                       // a new mapper, yours to change
 * record UserCreated(String userId, Instant createdAt) {}
 * json.writeValueAsString(new UserCreated("u-1", Instant.parse("2026-12-02T10:15:30Z")));
 * // {"userId":"u-1","createdAt":"2026-12-02T10:15:30Z"}
 *
 * ObjectMapper mine = JsonMappers.configure(JsonMapper.builder().build()); // or the same on a mapper of yours
 * EventPublisher.builder("user-service", transport).objectMapper(mine);
 * }</pre>
 */
public final class JsonMappers {
    private JsonMappers() {}

    /** A new mapper with the SDK's configuration; each call gives a new one, so changing it affects no one else. */
    public static ObjectMapper standard() {
        return configure(new ObjectMapper());
    }

    /**
     * Applies the SDK's configuration to {@code mapper} (modules registered, features set as described above) and
     * returns it.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        Objects.requireNonNull(mapper, "mapper")
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }
}
