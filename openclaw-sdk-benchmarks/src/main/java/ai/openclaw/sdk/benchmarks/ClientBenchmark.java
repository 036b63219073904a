package ai.openclaw.sdk.benchmarks;

import ai.openclaw.sdk.client.ServiceClient;
import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.resilience.ResiliencePolicies;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls per second of {@code GET /users/{id}} against a JDK HTTP server on loopback: raw OkHttp (build the URL, call,
 * read the body, map it with Jackson) against the SDK's service client on the same OkHttp version: discovery picks the
 * instance, a CLIENT span (no-op OpenTelemetry) and trace headers, metrics, error mapping; then the same with the
 * response checked against the user-service OpenAPI contract, and with the default resilience policy around it.
 *
 * <p>Throughput (calls per microsecond) and sampled latency (median and percentiles per call), three forks each. The
 * server runs in a separate JVM ({@link UserServer}) so that its work does not disturb the measured one.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class ClientBenchmark {
    /** The response body, as a Java record. */
    public record User(String id, String email, String name) {}

    static final String BODY = "{\"id\":\"42\",\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\"}";
    static final String OPENAPI = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"users\",\"version\":\"1.0\"},"
            + "\"paths\":{\"/users/{id}\":{\"get\":{\"parameters\":[{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
            + "\"schema\":{\"type\":\"string\"}}],\"responses\":{\"200\":{\"description\":\"the user\",\"content\":{"
            + "\"application/json\":{\"schema\":{\"type\":\"object\",\"required\":[\"id\",\"email\",\"name\"],"
            + "\"properties\":{\"id\":{\"type\":\"string\"},\"email\":{\"type\":\"string\"},"
            + "\"name\":{\"type\":\"string\"}}}}}}}}}}}";

    private Process server;
    private String baseUrl;
    private final ObjectMapper json = new ObjectMapper();
    private OkHttpClient okHttp;
    private ServiceClients plain;
    private ServiceClients validating;
    private ServiceClients guarded;
    private ResiliencePolicies policies;
    private ServiceClient plainUsers;
    private ServiceClient validatingUsers;
    private ServiceClient guardedUsers;

    @Setup
    public void setUp() throws IOException {
        server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        UserServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String first =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (first == null || !first.startsWith("port ")) {
            server.destroyForcibly();
            throw new IOException("the user server did not start: " + first);
        }
        baseUrl = "http://127.0.0.1:" + first.substring("port ".length());

        okHttp = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        ServiceDiscovery discovery = ServiceDiscovery.builder()
                .environment(Map.of("OPENCLAW_SERVICE_USER_SERVICE_URL", baseUrl))
                .build();
        ContractRegistry contracts =
                ContractRegistry.of(List.of(), List.of(HttpContract.of("user-service", json.readTree(OPENAPI))));
        plain = ServiceClients.builder(discovery).build();
        validating = ServiceClients.builder(discovery).contracts(contracts).build();
        policies = ResiliencePolicies.defaults();
        guarded = ServiceClients.builder(discovery)
                .contracts(contracts)
                .policies(policies)
                .build();
        plainUsers = plain.client("user-service");
        validatingUsers = validating.client("user-service");
        guardedUsers = guarded.client("user-service");
        if (!rawGet().equals(sdkGet()) || !sdkGet().equals(sdkGetValidated())) {
            throw new IllegalStateException("raw and SDK calls do not agree");
        }
    }

    @TearDown
    public void tearDown() {
        plain.close();
        validating.close();
        guarded.close();
        policies.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
        server.destroy();
    }

    @Benchmark
    public User rawGet() throws IOException {
        Request request = new Request.Builder().url(baseUrl + "/users/42").get().build();
        try (Response response = okHttp.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return json.readValue(response.body().bytes(), User.class);
        }
    }

    @Benchmark
    public User sdkGet() {
        return plainUsers.get("/users/{id}").pathVariable("id", 42).send(User.class);
    }

    @Benchmark
    public User sdkGetValidated() {
        return validatingUsers.get("/users/{id}").pathVariable("id", 42).send(User.class);
    }

    @Benchmark
    public User sdkGetValidatedWithPolicy() {
        return guardedUsers.get("/users/{id}").pathVariable("id", 42).send(User.class);
    }
}
