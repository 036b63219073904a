package ai.openclaw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged, self-contained target/openclaw.jar, run in its own JVM through bin/openclaw as a user runs it. */
class OpenClawJarIT {
    private static final Path SCRIPT =
            Path.of("..", "bin", "openclaw").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "openclaw.jar").toAbsolutePath();

    private record Result(int exit, String out, String err) {}

    private static Result openclaw(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OPENCLAW_JAR", JAR.toString());
        pb.environment().put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        Path out = Files.createTempFile("openclaw", ".out");
        Path err = Files.createTempFile("openclaw", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("openclaw finished").isTrue();
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theJarAnswersTheSeedsQuestions() throws Exception {
        String seed = CatalogCommandsTest.seed().toString();
        Result dependents = openclaw("catalog", "dependents", "user-service", "--catalog", seed);
        assertThat(dependents.exit()).isZero();
        assertThat(dependents.out()).startsWith("billing-service");

        Result strict = openclaw("catalog", "validate", "--strict", "--catalog", seed);
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).contains("'payment-gateway' is a dependency of 'billing-service'");
    }

    @Test
    void theDefaultCatalogIsNamedWhenMissing() throws Exception {
        Result r = openclaw("catalog", "validate");
        // the module directory has no .openclaw/services.yaml
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(".openclaw/services.yaml: no such file").doesNotContain("\tat ");
        assertThat(openclaw("--version").out()).startsWith("openclaw ");
    }

    @Test
    void theJarVerifiesAPactFromAFileWithNothingMissingFromItsClassPath(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path pact = dir.resolve("billing-service-user-service.json");
        Files.writeString(
                pact,
                "{\"consumer\":{\"name\":\"billing-service\"},\"provider\":{\"name\":\"user-service\"},"
                        + "\"interactions\":[{\"type\":\"Synchronous/HTTP\",\"key\":\"k\",\"description\":\"d\","
                        + "\"request\":{\"method\":\"GET\",\"path\":\"/users/u-1\"},\"response\":{\"status\":200}}]}");
        com.sun.net.httpserver.HttpServer provider = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        provider.start();
        try {
            Result r = openclaw(
                    "pacts",
                    "verify",
                    "--provider",
                    "user-service",
                    "--provider-base-url",
                    "http://127.0.0.1:" + provider.getAddress().getPort(),
                    "--pact",
                    pact.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("expected the status 200").doesNotContain("NoClassDefFoundError");
        } finally {
            provider.stop(0);
        }
    }
}
