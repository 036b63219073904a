package ai.openclaw.sdk.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.discovery.InstanceSource;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway of the samples' system: its routes, its configuration's structure, and nginx's own check where found. */
class NginxGatewayTest {
    private static final ServiceCatalog SAMPLES = ServiceCatalog.load(Path.of("../samples/.openclaw/services.yaml"));

    private static ServiceDiscovery discovery(Map<String, List<URI>> instances) {
        return ServiceDiscovery.builder()
                .addSource(InstanceSource.of(instances))
                .build();
    }

    private static final ServiceDiscovery RUNNING = discovery(Map.of(
            "user-service", List.of(URI.create("http://10.0.0.1:8081"), URI.create("http://10.0.0.2:8081")),
            "billing-service", List.of(URI.create("http://10.0.0.3:8082")),
            "payment-gateway", List.of(URI.create("https://payments.example.com"))));

    @Test
    void eachEndpointPrefixRoutesToItsService() {
        assertThat(NginxGateway.builder(SAMPLES, RUNNING).build().routes())
                .extracting(r -> r.prefix() + " -> " + r.service())
                .containsExactly(
                        "/auth -> user-service",
                        "/invoices -> billing-service",
                        "/payments -> payment-gateway",
                        "/subscriptions -> billing-service",
                        "/users -> user-service");
    }

    @Test
    void theConfigurationHasAnUpstreamPerServiceWithPassiveChecksAndALocationPerPrefix() {
        String conf = NginxGateway.builder(SAMPLES, RUNNING)
                .listen(8080)
                .pathPrefix("/api")
                .passiveHealthCheck(2, Duration.ofSeconds(30))
                .build()
                .render();
        assertThat(conf)
                .contains("upstream user-service {\n"
                        + "        server 10.0.0.1:8081 max_fails=2 fail_timeout=30s;\n"
                        + "        server 10.0.0.2:8081 max_fails=2 fail_timeout=30s;\n    }")
                .contains(
                        "upstream billing-service {\n        server 10.0.0.3:8082 max_fails=2 fail_timeout=30s;\n    }")
                .contains("listen 8080;")
                .contains("location = /api/users {\n            proxy_pass http://user-service/users;")
                .contains("location /api/users/ {\n            proxy_pass http://user-service/users/;")
                .contains("location /api/invoices/ {\n            proxy_pass http://billing-service/invoices/;")
                .contains("proxy_next_upstream error timeout http_502 http_503 http_504;")
                .contains("proxy_set_header traceparent $http_traceparent;")
                .contains(
                        "upstream payment-gateway {\n        server payments.example.com:443 max_fails=2 fail_timeout=30s;")
                .doesNotContain("notification-service");
        assertThat(conf.chars().filter(c -> c == '{').count())
                .as("balanced braces")
                .isEqualTo(conf.chars().filter(c -> c == '}').count());
    }

    @Test
    void whatCannotBeRoutedIsNamed() {
        assertThatThrownBy(() -> NginxGateway.builder(
                                SAMPLES, discovery(Map.of("user-service", List.of(URI.create("http://10.0.0.1:8081")))))
                        .build()
                        .render())
                .isInstanceOf(NginxGateway.GatewayException.class)
                .hasMessageContaining("billing-service");
        assertThatThrownBy(() -> NginxGateway.builder(
                                SAMPLES,
                                discovery(Map.of(
                                        "user-service", List.of(URI.create("http://10.0.0.1:8081/v1")),
                                        "billing-service", List.of(URI.create("http://10.0.0.3:8082")),
                                        "payment-gateway", List.of(URI.create("http://10.0.0.4:8083")))))
                        .build()
                        .render())
                .hasMessageContaining("user-service instance 10.0.0.1:8081 has a base path (/v1)");
        assertThatThrownBy(() -> NginxGateway.builder(SAMPLES, RUNNING).pathPrefix("api/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCanarySplitBecomesUpstreamWeights() {
        ServiceDiscovery withCanary = discovery(Map.of(
                "user-service",
                List.of(
                        URI.create("http://10.0.0.1:8081"),
                        URI.create("http://10.0.0.2:8081"),
                        URI.create("http://10.0.0.9:8081#track=canary&version=1.5.0")),
                "billing-service",
                List.of(URI.create("http://10.0.0.3:8082")),
                "payment-gateway",
                List.of(URI.create("https://payments.example.com"))));
        // 5%: each baseline instance weighs 19, the canary 2: 2 / (19 + 19 + 2) = 5%
        assertThat(NginxGateway.builder(SAMPLES, withCanary)
                        .canary("user-service", 5)
                        .build()
                        .render())
                .contains("upstream user-service {\n"
                        + "        server 10.0.0.1:8081 weight=19 max_fails=3 fail_timeout=10s;\n"
                        + "        server 10.0.0.2:8081 weight=19 max_fails=3 fail_timeout=10s;\n"
                        + "        server 10.0.0.9:8081 weight=2 max_fails=3 fail_timeout=10s;  # canary 1.5.0\n"
                        + "    }")
                .contains("upstream billing-service {\n        server 10.0.0.3:8082 max_fails=3");
        // 0%: the canary is down; without a split it weighs as any instance
        assertThat(NginxGateway.builder(SAMPLES, withCanary)
                        .canary("user-service", 0)
                        .build()
                        .render())
                .contains("server 10.0.0.9:8081 down max_fails=3")
                .contains("server 10.0.0.1:8081 weight=1 max_fails=3");
        assertThat(NginxGateway.builder(SAMPLES, withCanary).build().render())
                .contains("server 10.0.0.9:8081 max_fails=3 fail_timeout=10s;  # canary 1.5.0");
        // the split set in discovery counts when the gateway is given none
        withCanary.canary("user-service", ai.openclaw.sdk.discovery.CanarySplit.percent(50));
        assertThat(NginxGateway.builder(SAMPLES, withCanary).build().render())
                .contains("server 10.0.0.1:8081 weight=1 max_fails=3")
                .contains("server 10.0.0.9:8081 weight=2 max_fails=3");
    }

    @Test
    void nginxItselfAcceptsTheConfiguration(@TempDir Path dir) throws Exception {
        Path nginx = null;
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                nginx = Path.of(candidate);
            }
        }
        Assumptions.assumeTrue(nginx != null, "no nginx on this machine: checked by structure only");
        ServiceDiscovery local = discovery(Map.of(
                "user-service",
                List.of(
                        URI.create("http://127.0.0.1:8081"),
                        URI.create("http://127.0.0.1:8091#track=canary&version=1.5.0")),
                "billing-service",
                List.of(URI.create("http://127.0.0.1:8082")),
                "payment-gateway",
                List.of(URI.create("http://127.0.0.1:8083"))));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(
                conf,
                NginxGateway.builder(SAMPLES, local)
                        .listen(18080)
                        .canary("user-service", 5)
                        .build()
                        .render());
        Files.createDirectories(dir.resolve("logs"));
        Process p = new ProcessBuilder(
                        nginx.toString(), "-t", "-p", dir.toString(), "-c", conf.toString(), "-e", "stderr")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("syntax is ok");
    }
}
