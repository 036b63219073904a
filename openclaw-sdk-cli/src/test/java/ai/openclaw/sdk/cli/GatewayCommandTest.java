package ai.openclaw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openclaw gateway nginx} on the samples' catalog, instances given as discovery reads them. */
class GatewayCommandTest {
    private static final String CATALOG =
            Path.of("../samples/.openclaw/services.yaml").toString();

    @AfterEach
    void clear() {
        System.clearProperty("openclaw.service.user-service.url");
        System.clearProperty("openclaw.service.billing-service.url");
        System.clearProperty("openclaw.service.payment-gateway.url");
    }

    @Test
    void printsTheConfigurationOrNamesWhatCannotBeRouted(@TempDir Path dir) throws Exception {
        System.setProperty("openclaw.service.user-service.url", "http://10.0.0.1:8081,http://10.0.0.2:8081");
        System.setProperty("openclaw.service.billing-service.url", "http://10.0.0.3:8082");
        CliRun missing = CliRun.of("gateway", "nginx", "--catalog", CATALOG);
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err())
                .startsWith("openclaw: the gateway cannot route: no instance known for service" + " 'payment-gateway'");

        System.setProperty("openclaw.service.payment-gateway.url", "http://10.0.0.4:8083");
        CliRun run = CliRun.of("gateway", "nginx", "--catalog", CATALOG, "--listen", "8080", "--prefix", "/api");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("server 10.0.0.2:8081 max_fails=3 fail_timeout=10s;")
                .contains("location /api/subscriptions/ {");

        Path file = dir.resolve("nginx.conf");
        assertThat(CliRun.of("gateway", "nginx", "--catalog", CATALOG, "--out", file.toString())
                        .exit())
                .isZero();
        assertThat(Files.readString(file)).contains("listen 80;");
        assertThat(CliRun.of("gateway", "nginx", "--catalog", CATALOG, "--prefix", "api/")
                        .exit())
                .isEqualTo(2);
    }
}
