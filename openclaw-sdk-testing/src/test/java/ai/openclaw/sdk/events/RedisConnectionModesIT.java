package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ACL users, Sentinel and TLS: the connection modes the Redis transport supports, each against real processes. */
class RedisConnectionModesIT {
    private static void roundTrip(RedisTransport transport) throws InterruptedException {
        Set<String> handled = ConcurrentHashMap.newKeySet();
        EventSubscriber subscriber = EventSubscriber.builder("billing-service", transport)
                .pollTimeout(Duration.ofMillis(100))
                .onEnvelope(
                        "user.created",
                        (envelope, meta) ->
                                handled.add(envelope.data().get("userId").asText()))
                .build();
        subscriber.start();
        try {
            EventPublisher.builder("user-service", transport).build().publish("user.created", Map.of("userId", "u-1"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!handled.contains("u-1")) {
                assertThat(System.nanoTime()).as("the event is handled").isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            subscriber.close();
        }
    }

    @Test
    void anAclUserAndPasswordFromTheUri() throws Exception {
        try (RedisServer redis = RedisServer.builder().appendOnly(false).start()) {
            redis.command("ACL", "SETUSER", "billing", "on", ">s3cret", "~*", "&*", "+@all");
            redis.command("ACL", "SETUSER", "default", "off");
            String base = "127.0.0.1:" + redis.port();
            try (RedisTransport transport = RedisTransport.create("redis://billing:s3cret@" + base)) {
                roundTrip(transport);
            }
            assertThatThrownBy(() -> RedisTransport.create("redis://billing:wrong@" + base)
                            .length("user.created"))
                    .hasMessageNotContaining("wrong")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void throughSentinel(@TempDir Path dir) throws Exception {
        try (RedisServer master = RedisServer.builder().appendOnly(false).start()) {
            int port = freePort();
            Path config = dir.resolve("sentinel.conf");
            Files.writeString(
                    config,
                    "port " + port + "\nbind 127.0.0.1\nsentinel monitor mymaster 127.0.0.1 " + master.port()
                            + " 1\nsentinel down-after-milliseconds mymaster 2000\n");
            Process sentinel = new ProcessBuilder(
                            master.binary().orElseThrow().toString(), config.toString(), "--sentinel")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sentinel.log").toFile())
                    .start();
            try {
                waitForPort(port);
                try (RedisTransport transport =
                        RedisTransport.create("redis-sentinel://127.0.0.1:" + port + "/0#mymaster")) {
                    roundTrip(transport);
                }
            } finally {
                sentinel.destroyForcibly();
                sentinel.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void overTls(@TempDir Path dir) throws Exception {
        Path ca = dir.resolve("ca.crt");
        Path cert = dir.resolve("redis.crt");
        Path key = dir.resolve("redis.key");
        assumeTrue(
                run(
                                dir,
                                "openssl",
                                "req",
                                "-x509",
                                "-newkey",
                                "rsa:2048",
                                "-nodes",
                                "-days",
                                "1",
                                "-subj",
                                "/CN=openclaw-test-ca",
                                "-keyout",
                                dir.resolve("ca.key").toString(),
                                "-out",
                                ca.toString())
                        && run(
                                dir,
                                "openssl",
                                "req",
                                "-newkey",
                                "rsa:2048",
                                "-nodes",
                                "-subj",
                                "/CN=127.0.0.1",
                                "-keyout",
                                key.toString(),
                                "-out",
                                dir.resolve("redis.csr").toString())
                        && run(
                                dir,
                                "bash",
                                "-c",
                                "printf 'subjectAltName=IP:127.0.0.1' > san.ext && openssl x509 -req -in redis.csr"
                                        + " -CA ca.crt -CAkey ca.key -CAcreateserial -days 1 -extfile san.ext -out redis.crt"),
                "openssl is needed to make test certificates");
        int tlsPort = freePort();
        RedisServer redis;
        try {
            redis = RedisServer.builder()
                    .appendOnly(false)
                    .arguments(
                            "--tls-port",
                            String.valueOf(tlsPort),
                            "--tls-cert-file",
                            cert.toString(),
                            "--tls-key-file",
                            key.toString(),
                            "--tls-ca-cert-file",
                            ca.toString(),
                            "--tls-auth-clients",
                            "no")
                    .start();
        } catch (IllegalStateException e) {
            assumeTrue(false, "this redis-server was built without TLS: " + e.getMessage());
            return;
        }
        try {
            RedisClient client = RedisClient.create(RedisURI.create("rediss://127.0.0.1:" + tlsPort));
            client.setOptions(io.lettuce.core.ClientOptions.builder()
                    .sslOptions(SslOptions.builder().trustManager(ca.toFile()).build())
                    .build());
            try (RedisTransport transport = RedisTransport.using(client)) {
                roundTrip(transport);
            } finally {
                client.shutdown();
            }
        } finally {
            redis.close();
        }
    }

    private static boolean run(Path dir, String... command) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile())
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("sentinel did not listen on " + port);
    }
}
