package ai.openclaw.sdk.testing.redis;

import ai.openclaw.sdk.internal.Arguments;
import ai.openclaw.sdk.testing.internal.Resp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real Redis for tests, with no Docker and nothing installed by hand. Found in this order:
 *
 * <ol>
 *   <li>{@code REDIS_URL} ({@code redis://[user:password@]host:port}, {@code rediss://} for TLS): used as is, never
 *       started or stopped. It must be a disposable server: {@link #flushAll()} empties it.
 *   <li>a {@code redis-server} on {@code PATH}, started on a free loopback port;
 *   <li>the {@code redis-server} binary shipped inside the Maven Central artifact {@code
 *       com.github.codemonstur:embedded-redis} (Redis 6.2, Linux and macOS on x86-64 and ARM), extracted once to the
 *       temporary directory and started on a free loopback port.
 * </ol>
 *
 * <p>{@code OPENCLAW_TEST_REDIS} (or the system property {@code openclaw.test.redis}) set to {@code environment},
 * {@code path} or {@code embedded} uses that source alone: a build that has a Redis 7 on {@code PATH} runs its Redis
 * tests once more on the embedded Redis 6.2 with {@code OPENCLAW_TEST_REDIS=embedded}.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *     RedisClient client = RedisClient.create(redis.uri().toString());
 *     ...
 *     redis.restart(); // same port, same data (append-only file on)
 * }
 * }</pre>
 *
 * <p>A started server listens on 127.0.0.1 only, keeps its data in a temporary directory that {@link #close()}
 * deletes, and is killed at JVM exit if a test forgets to close it. Thread-safe.
 */
public final class RedisServer implements AutoCloseable {
    /** Where the server came from. */
    public enum Source {
        /** {@code REDIS_URL}: an external server. */
        ENVIRONMENT,
        /** A {@code redis-server} on {@code PATH}. */
        PATH,
        /** The binary inside the embedded-redis artifact. */
        EMBEDDED
    }

    private final Source source;
    private final URI uri;
    private final @Nullable Path binary;
    private final @Nullable Path directory;
    private final boolean appendOnly;
    private final Duration startTimeout;
    private final List<String> arguments;
    private @Nullable Process process;
    private @Nullable Thread killAtExit;

    private RedisServer(Source source, URI uri, @Nullable Path binary, @Nullable Path directory, Builder b) {
        this.source = source;
        this.uri = uri;
        this.binary = binary;
        this.directory = directory;
        this.appendOnly = b.appendOnly;
        this.startTimeout = b.startTimeout;
        this.arguments = List.copyOf(b.arguments);
    }

    /** Finds or starts a Redis with the defaults: append-only file on, 10 s to start. */
    public static RedisServer start() {
        return builder().start();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where this server came from. */
    public Source source() {
        return source;
    }

    /** The server's URI, {@code redis://127.0.0.1:PORT} for a started one. */
    public URI uri() {
        return uri;
    }

    /** The host. */
    public String host() {
        return uri.getHost();
    }

    /** The port. */
    public int port() {
        return uri.getPort() < 0 ? 6379 : uri.getPort();
    }

    /** The binary a started server runs; empty for {@code REDIS_URL}. */
    public Optional<Path> binary() {
        return Optional.ofNullable(binary);
    }

    /** The server's version, from {@code INFO server}. */
    public String version() {
        Object info = command("INFO", "server");
        for (String line : String.valueOf(info).split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).strip();
            }
        }
        return "unknown";
    }

    /**
     * Sends one command and returns the reply (a String, Long, List or null).
     *
     * @throws UncheckedIOException when the server cannot be reached or answers with an error
     */
    public @Nullable Object command(String... command) {
        String[] credentials = credentials();
        try {
            return Resp.call(host(), port(), isTls(), credentials[0], credentials[1], command);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "redis at " + host() + ":" + port() + " answered " + command[0] + " with: " + e.getMessage(), e);
        }
    }

    /** Empties every database: the cleaning between tests. */
    public void flushAll() {
        command("FLUSHALL");
    }

    /** Whether the server answers PING. */
    public boolean isUp() {
        try {
            return "PONG".equals(command("PING"));
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /**
     * Stops a started server and starts it again on the same port with the same directory, so data written to the
     * append-only file survives, as a real Redis restart does.
     *
     * @throws UnsupportedOperationException for a {@code REDIS_URL} server
     */
    public synchronized void restart() {
        requireStarted("restart");
        stop();
        launch();
    }

    /**
     * Stops a started server: {@code SHUTDOWN} (which writes the append-only file), then waits for the process.
     *
     * @throws UnsupportedOperationException for a {@code REDIS_URL} server
     */
    public synchronized void stop() {
        requireStarted("stop");
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        try {
            command("SHUTDOWN");
        } catch (UncheckedIOException expected) {
            // the connection closes as the server goes down
        }
        waitFor(p);
    }

    /**
     * Kills a started server with SIGKILL, as a crash would: whatever the append-only file had not written is lost.
     *
     * @throws UnsupportedOperationException for a {@code REDIS_URL} server
     */
    public synchronized void kill() {
        requireStarted("kill");
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            waitFor(p);
        }
    }

    /** Starts a stopped or killed server again; see {@link #restart()}. */
    public synchronized void startAgain() {
        requireStarted("start");
        if (process == null || !process.isAlive()) {
            launch();
        }
    }

    /** Stops a started server and deletes its directory; does nothing to a {@code REDIS_URL} server. */
    @Override
    public synchronized void close() {
        if (source == Source.ENVIRONMENT) {
            return;
        }
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            waitFor(p);
        }
        if (killAtExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killAtExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            killAtExit = null;
        }
        deleteDirectory();
    }

    @Override
    public String toString() {
        return "RedisServer{" + source + ", " + host() + ":" + port() + "}";
    }

    private void requireStarted(String what) {
        if (source == Source.ENVIRONMENT) {
            throw new UnsupportedOperationException("cannot " + what + " the external server in REDIS_URL");
        }
    }

    private String[] credentials() {
        String userInfo = uri.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            return new String[] {null, userInfo};
        }
        String user = userInfo.substring(0, colon);
        return new String[] {user.isEmpty() ? null : user, userInfo.substring(colon + 1)};
    }

    private boolean isTls() {
        return "rediss".equalsIgnoreCase(uri.getScheme());
    }

    private void launch() {
        Path dir = Objects.requireNonNull(directory);
        List<String> command = new ArrayList<>(List.of(
                Objects.requireNonNull(binary).toString(),
                "--port",
                String.valueOf(port()),
                "--bind",
                "127.0.0.1",
                "--protected-mode",
                "yes",
                "--daemonize",
                "no",
                "--dir",
                dir.toString(),
                "--save",
                "",
                "--appendonly",
                appendOnly ? "yes" : "no",
                "--appendfsync",
                "always",
                "--logfile",
                ""));
        command.addAll(arguments);
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("redis.log").toFile()))
                    .start();
            process = p;
            if (killAtExit == null) {
                killAtExit = new Thread(
                        () -> {
                            Process running = process;
                            if (running != null) {
                                running.destroyForcibly();
                            }
                        },
                        "openclaw-redis-kill-at-exit");
                Runtime.getRuntime().addShutdownHook(killAtExit);
            }
            long deadline = System.nanoTime() + startTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(
                            "redis-server exited with " + p.exitValue() + " at start: " + logTail());
                }
                if (isUp()) {
                    return;
                }
                Thread.sleep(20);
            }
            p.destroyForcibly();
            throw new IllegalStateException(
                    "redis-server did not answer PING within " + startTimeout + ": " + logTail());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting redis-server", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines =
                    Files.readAllLines(Objects.requireNonNull(directory).resolve("redis.log"));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void waitFor(Process p) {
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deleteDirectory() {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing a test run for
        }
    }

    /** Builds and starts a {@link RedisServer}. Not thread-safe. */
    public static final class Builder {
        private boolean appendOnly = true;
        private Duration startTimeout = Duration.ofSeconds(10);
        private Map<String, String> environment = System.getenv();
        private @Nullable Source only;
        private final List<String> arguments = new ArrayList<>();

        private Builder() {}

        /** More redis-server arguments for a started server, such as {@code "--cluster-enabled", "yes"}. */
        public Builder arguments(String... arguments) {
            this.arguments.addAll(List.of(arguments));
            return this;
        }

        /** Whether a started server keeps an append-only file (so data survives {@link #restart()}); default on. */
        public Builder appendOnly(boolean appendOnly) {
            this.appendOnly = appendOnly;
            return this;
        }

        /** How long a started server has to answer PING; default 10 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Arguments.positive("startTimeout", timeout);
            return this;
        }

        /** The environment read for {@code REDIS_URL} and {@code PATH}; default the process's. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        /** Uses only this source instead of trying them in order (tests of the launcher itself). */
        public Builder only(Source source) {
            this.only = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Finds or starts the server.
         *
         * @throws IllegalStateException naming where it looked, when no source gives a server
         */
        public RedisServer start() {
            Source chosen = only != null ? only : chosenSource(environment);
            List<String> looked = new ArrayList<>();
            String url = environment.get("REDIS_URL");
            if (allows(chosen, Source.ENVIRONMENT)) {
                if (url != null && !url.isBlank()) {
                    return new RedisServer(Source.ENVIRONMENT, URI.create(url.strip()), null, null, this);
                }
                looked.add("REDIS_URL (not set)");
            }
            if (allows(chosen, Source.PATH)) {
                Optional<Path> onPath = onPath(environment.getOrDefault("PATH", ""));
                if (onPath.isPresent()) {
                    return launched(Source.PATH, onPath.get());
                }
                looked.add("redis-server on PATH (none)");
            }
            if (allows(chosen, Source.EMBEDDED)) {
                Optional<Path> embedded = embedded(looked);
                if (embedded.isPresent()) {
                    return launched(Source.EMBEDDED, embedded.get());
                }
            }
            throw new IllegalStateException("no Redis for tests; looked at: " + String.join("; ", looked));
        }

        private static @Nullable Source chosenSource(Map<String, String> environment) {
            String chosen = System.getProperty("openclaw.test.redis", environment.get("OPENCLAW_TEST_REDIS"));
            if (chosen == null || chosen.isBlank()) {
                return null;
            }
            for (Source source : Source.values()) {
                if (source.name().equalsIgnoreCase(chosen.strip())) {
                    return source;
                }
            }
            throw new IllegalStateException("OPENCLAW_TEST_REDIS (or openclaw.test.redis) is '" + chosen.strip()
                    + "'; expected one of environment, path, embedded");
        }

        private static boolean allows(@Nullable Source chosen, Source source) {
            return chosen == null || chosen == source;
        }

        private RedisServer launched(Source source, Path binary) {
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                Path dir;
                int port;
                try {
                    dir = Files.createTempDirectory("openclaw-redis-");
                    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                        port = probe.getLocalPort();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                RedisServer server =
                        new RedisServer(source, URI.create("redis://127.0.0.1:" + port), binary, dir, this);
                try {
                    server.launch();
                    return server;
                } catch (IllegalStateException e) {
                    server.close(); // most likely the port was taken meanwhile: try another
                    last = e;
                }
            }
            throw last;
        }

        private static Optional<Path> onPath(String path) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }

        private static Optional<Path> embedded(List<String> looked) {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            boolean arm = arch.contains("aarch64") || arch.contains("arm64");
            boolean x64 = arch.contains("amd64") || arch.contains("x86_64");
            String resource = null;
            if (os.contains("linux") && x64) {
                resource = "redis-server-6.2.6-v5-linux-amd64";
            } else if (os.contains("linux") && arm) {
                resource = "redis-server-6.2.7-linux-arm64";
            } else if (os.contains("mac") && x64) {
                resource = "redis-server-6.2.6-v5-darwin-amd64";
            } else if (os.contains("mac") && arm) {
                resource = "redis-server-6.2.6-v5-darwin-arm64";
            }
            if (resource == null) {
                looked.add("the embedded-redis artifact (no binary for " + os + "/" + arch + ")");
                return Optional.empty();
            }
            try (InputStream in = RedisServer.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    looked.add("the embedded-redis artifact (not on the class path)");
                    return Optional.empty();
                }
                Path dir = Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "openclaw-redis-" + System.getProperty("user.name", "user"));
                Files.createDirectories(dir);
                Path target = dir.resolve(resource);
                byte[] bytes = in.readAllBytes();
                if (!Files.exists(target) || Files.size(target) != bytes.length) {
                    Path partial = Files.createTempFile(dir, resource, ".part");
                    Files.write(partial, bytes);
                    partial.toFile().setExecutable(true);
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                target.toFile().setExecutable(true);
                return Optional.of(target);
            } catch (IOException e) {
                looked.add("the embedded-redis artifact (" + e.getMessage() + ")");
                return Optional.empty();
            }
        }
    }
}
