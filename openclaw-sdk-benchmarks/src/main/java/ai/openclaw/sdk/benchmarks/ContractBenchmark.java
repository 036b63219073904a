package ai.openclaw.sdk.benchmarks;

import ai.openclaw.sdk.contract.ContractVersion;
import ai.openclaw.sdk.contract.ContractViolation;
import ai.openclaw.sdk.contract.EventContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Validations per second of the seed's UserCreatedEvent payload: the SDK's compiled {@link EventContract} against the
 * raw library beneath it, networknt's validator on the same schema compiled once, for a valid and an invalid payload
 * (the invalid one also pays for turning errors into violations with redaction).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContractBenchmark {
    static final String SCHEMA = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
            + "\"type\":\"object\",\"additionalProperties\":false,"
            + "\"required\":[\"userId\",\"email\",\"name\",\"createdAt\"],\"properties\":{"
            + "\"userId\":{\"type\":\"string\"},\"email\":{\"type\":\"string\"},"
            + "\"name\":{\"type\":\"string\"},\"createdAt\":{\"type\":\"string\"}}}";

    private EventContract contract;
    private Schema raw;
    private JsonNode valid;
    private JsonNode invalid;

    @Setup
    public void setUp() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode schema = json.readTree(SCHEMA);
        contract = EventContract.of("user.created", ContractVersion.parse("1.0"), schema);
        raw = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema);
        raw.initializeValidators();
        valid = json.readTree("{\"userId\":\"u-1\",\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\","
                + "\"createdAt\":\"2026-11-22T10:00:00Z\"}");
        invalid = json.readTree("{\"userId\":42,\"name\":\"Ada Lovelace\",\"createdAt\":\"2026-11-22T10:00:00Z\"}");
        if (!contract.validate(valid).isEmpty() || contract.validate(invalid).size() != 2) {
            throw new IllegalStateException("the payloads do not behave as the benchmark assumes");
        }
    }

    @Benchmark
    public List<ContractViolation> sdkValidateValid() {
        return contract.validate(valid);
    }

    @Benchmark
    public List<Error> rawValidateValid() {
        return raw.validate(valid);
    }

    @Benchmark
    public List<ContractViolation> sdkValidateInvalid() {
        return contract.validate(invalid);
    }

    /** Reads each error's message, as any report of the errors does; the SDK's violations carry it. */
    @Benchmark
    public void rawValidateInvalid(Blackhole bh) {
        for (Error e : raw.validate(invalid)) {
            bh.consume(e.getMessage());
            bh.consume(e.getInstanceLocation().toString());
        }
    }
}
