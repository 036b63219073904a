package ai.openclaw.sdk.health;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server for the health endpoints, on the JDK's built-in server, for services that have no HTTP stack of
 * their own (an event consumer, a worker).
 *
 * <pre>{@code
 * try (HealthServer server = HealthServer.builder(registry).port(8081).start()) {
 *     // GET http://host:8081/health/ready -> 200 {"status":"UP","checks":[...]}
 * }
 * }</pre>
 *
 * <p>It listens on every interface by default (probes come from outside the container); {@link Builder#host} narrows
 * that. Two threads serve requests; checks run on the registry's threads under their time limits, so a hung check
 * cannot hold a probe for longer than its limit.
 */
public final class HealthServer implements AutoCloseable {
    /** The port by default. */
    public static final int DEFAULT_PORT = 8081;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String path;
    private final String host;

    private HealthServer(HttpServer server, ExecutorService executor, String path, String host) {
        this.server = server;
        this.executor = executor;
        this.path = path;
        this.host = host;
    }

    /** A builder for a server of the registry's endpoints. */
    public static Builder builder(HealthRegistry registry) {
        return new Builder(registry);
    }

    /** The port listened on (the one chosen when 0 was asked). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The URI of {@code /health} on this server, such as {@code http://127.0.0.1:8081/health}. */
    public URI uri() {
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        if (h.contains(":")) {
            h = "[" + h + "]";
        }
        return URI.create("http://" + h + ":" + port() + path);
    }

    /** Stops listening, and the server's threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "HealthServer{" + uri() + "}";
    }

    /** Settings of a {@link HealthServer}. */
    public static final class Builder {
        private final HealthRegistry registry;
        private int port = DEFAULT_PORT;
        private String host = "0.0.0.0";
        private String path = "/health";

        private Builder(HealthRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** The port; 0 for an ephemeral one (see {@link HealthServer#port()}). Default {@value HealthServer#DEFAULT_PORT}. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on; default {@code 0.0.0.0} (every interface). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Where the endpoints live; default {@code /health}. */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/") || (path.length() > 1 && path.endsWith("/"))) {
                throw new IllegalArgumentException("path must start with / and not end with one, was " + path);
            }
            this.path = path;
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws UncheckedIOException when the port cannot be bound
         */
        public HealthServer start() {
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(host, port), 32);
            } catch (IOException e) {
                throw new UncheckedIOException("the health server could not listen on " + host + ":" + port, e);
            }
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "openclaw-health-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.createContext(path, HealthEndpoint.of(registry));
            server.start();
            return new HealthServer(server, executor, path, host);
        }
    }
}
