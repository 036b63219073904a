package ai.openclaw.samples.support;

import ai.openclaw.sdk.catalog.Endpoint;
import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.health.HealthEndpoint;
import ai.openclaw.sdk.health.HealthRegistry;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.server.Problem;
import ai.openclaw.sdk.server.Responder;
import ai.openclaw.sdk.server.ResponseValidation;
import ai.openclaw.sdk.server.ServerKit;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A sample service's HTTP face: the SDK's {@link ServerKit} on the JDK's HTTP server (each request checked against
 * the service's own contract, a SERVER span continuing the caller's trace, Idempotency-Key replays, responses checked
 * and logged when they break the contract), a route per operation, and the health endpoints at {@code /health}.
 *
 * <pre>{@code
 * SampleServer server = SampleServer.builder("user-service", runtime)
 *         .route("GET /users/{id}", request -> ServerResponse.ok(users.get(request.variable("id"))))
 *         .health(health)
 *         .start(8080);
 * }</pre>
 *
 * <p>Every route must be an operation of the contract, so the code cannot drift from it unnoticed: {@link
 * Builder#route} refuses a route the contract does not have.
 */
public final class SampleServer implements AutoCloseable {
    private final String service;
    private final HttpServer server;
    private final ExecutorService executor;
    private final int routes;

    private SampleServer(Builder b, int port) throws IOException {
        this.service = b.service;
        this.routes = b.routes.size();
        ServerKit kit = b.runtime
                .serverKit()
                .responseValidation(ResponseValidation.LOG)
                .maxBodyBytes(64 * 1024)
                .build();
        Map<Endpoint, Responder> byEndpoint = Map.copyOf(b.routes);
        Responder dispatch = request -> {
            Responder r = byEndpoint.get(request.operation().endpoint());
            if (r == null) {
                throw new Problem(501, "not implemented", request.operation().toString());
            }
            return r.respond(request);
        };
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, service + "-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", kit.httpHandler(dispatch));
        if (b.health != null) {
            server.createContext("/health", HealthEndpoint.of(b.health));
        }
        server.start();
    }

    /**
     * Starts a builder.
     *
     * @param service the catalog name of the service, whose contract is {@code contracts/http/<service>.openapi.yaml}
     * @param runtime the service's runtime (its contract, telemetry and mapper)
     * @throws IllegalArgumentException when the service has no HTTP contract
     */
    public static Builder builder(String service, ServiceRuntime runtime) {
        return new Builder(service, runtime);
    }

    /** The port the server listens on (loopback). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Stops at once: requests in progress are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds a {@link SampleServer}. */
    public static final class Builder {
        private final String service;
        private final ServiceRuntime runtime;
        private final HttpContract contract;
        private final Map<Endpoint, Responder> routes = new LinkedHashMap<>();
        private @Nullable HealthRegistry health;

        private Builder(String service, ServiceRuntime runtime) {
            this.service = Objects.requireNonNull(service, "service");
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            this.contract = runtime.contracts()
                    .httpContract(service)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no HTTP contract for " + service + " (contracts/http/" + service + ".openapi.yaml)"));
        }

        /**
         * Serves an operation of the contract.
         *
         * @param endpoint {@code METHOD /template}, as the contract writes it ({@code GET /users/{id}})
         * @param responder the code answering it
         */
        public Builder route(String endpoint, Responder responder) {
            Endpoint e = Endpoint.parse(endpoint);
            boolean known =
                    contract.operations().stream().anyMatch(op -> op.endpoint().equals(e));
            if (!known) {
                throw new IllegalArgumentException(service + " contract has no operation " + endpoint);
            }
            routes.put(e, Objects.requireNonNull(responder, "responder"));
            return this;
        }

        /** The health checks to serve at {@code /health}, {@code /health/live}, {@code /ready}, {@code /started}. */
        public Builder health(HealthRegistry health) {
            this.health = Objects.requireNonNull(health, "health");
            return this;
        }

        /**
         * Starts listening on loopback.
         *
         * @param port the port; 0 for any free one
         */
        public SampleServer start(int port) {
            try {
                return new SampleServer(this, port);
            } catch (IOException e) {
                throw new UncheckedIOException(service + " cannot listen on port " + port, e);
            }
        }
    }

    @Override
    public String toString() {
        return service + " at " + uri() + " (" + routes + " routes)";
    }
}
