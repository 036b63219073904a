package ai.openclaw.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.alert.Alert;
import ai.openclaw.sdk.alert.AlertSink;
import ai.openclaw.sdk.alert.Alerts;
import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.config.SettingKeys;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.runtime.Interceptor;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.spring.internal.MicrometerMetrics;
import ai.openclaw.sdk.spring.internal.SpringSettings;
import ai.openclaw.sdk.testing.events.TestTransport;
import ai.openclaw.sdk.transport.EventTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The auto-configuration without Redis or a web server: what it builds, from which properties, and what it refuses. */
class OpenClawAutoConfigurationTest {
    private static final Path SAMPLES =
            Path.of("..", "samples").toAbsolutePath().normalize();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenClawAutoConfiguration.class))
            .withUserConfiguration(InMemoryEvents.class)
            .withPropertyValues(
                    "openclaw.catalog=" + SAMPLES.resolve(".openclaw/services.yaml"),
                    "openclaw.contracts=" + SAMPLES.resolve("contracts"),
                    "openclaw.resilience.policies.billing-calls.max-attempts=2",
                    "openclaw.resilience.policies.user-calls.max-attempts=3");

    @Configuration(proxyBeanMethods = false)
    static class InMemoryEvents {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Bean
        TestTransport transport() {
            return TestTransport.inMemory();
        }

        @Bean
        Interceptor audit() {
            return invocation -> {
                seen.add(invocation.kind() + " " + invocation.operation());
                return invocation.proceed();
            };
        }
    }

    @Test
    void theRuntimeIsTheNamedServicesWithItsPartsAsBeansAndTheApplicationsInterceptors() {
        runner.withPropertyValues("spring.application.name=user-service").run(context -> {
            assertThat(context).hasNotFailed();
            ServiceRuntime runtime = context.getBean(ServiceRuntime.class);
            assertThat(runtime.service()).isEqualTo("user-service");
            assertThat(runtime.transport()).isSameAs(context.getBean(EventTransport.class));
            assertThat(context.getBean(EventPublisher.class)).isSameAs(runtime.publisher());

            context.getBean(EventPublisher.class)
                    .publish(
                            "user.created",
                            Map.of(
                                    "userId",
                                    "u-1",
                                    "email",
                                    "ada@example.com",
                                    "name",
                                    "Ada",
                                    "createdAt",
                                    "2026-11-22T10:00:00Z"));

            TestTransport events = context.getBean(TestTransport.class);
            assertThat(events.awaitPublished("user.created", Duration.ofSeconds(10))
                            .type())
                    .isEqualTo("user.created");
            assertThat(context.getBean(InMemoryEvents.class).seen).anyMatch(s -> s.startsWith("PUBLISH"));
        });
    }

    @Test
    void alertSinkBeansReceiveTheRuntimesAlerts() {
        List<Alert> received = new CopyOnWriteArrayList<>();
        runner.withPropertyValues("spring.application.name=billing-service")
                .withBean("pager", AlertSink.class, () -> received::add)
                .run(context -> {
                    Alerts alerts = context.getBean(Alerts.class);
                    alerts.raise(Alert.of("billing-service", Alert.Level.WARNING, "ledger", "export", "late"));
                    java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
                    while (received.isEmpty() && java.time.Instant.now().isBefore(deadline)) {
                        Thread.sleep(10);
                    }
                    assertThat(received).extracting(Alert::summary).containsExactly("late");
                });
    }

    @Test
    void openclawServiceNameWinsOverTheApplicationName() {
        runner.withPropertyValues("spring.application.name=web", "openclaw.service-name=billing-service")
                .run(context -> assertThat(context.getBean(ServiceRuntime.class).service())
                        .isEqualTo("billing-service"));
    }

    @Test
    void withoutAServiceNameTheContextFailsSayingWhichPropertyToSet() {
        runner.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("openclaw.service-name is not set, nor spring.application.name"));
    }

    @Test
    void aServiceTheCatalogDoesNotKnowIsRefused() {
        runner.withPropertyValues("spring.application.name=inventory-service").run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("inventory-service"));
    }

    @Test
    void aMalformedSettingNamesItsKeyAndSourceButNotItsValue() {
        runner.withPropertyValues(
                        "spring.application.name=billing-service",
                        "openclaw.resilience.policies.user-calls.max-attempts=s3cr3t-lots")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable root = context.getStartupFailure();
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root.getMessage())
                            .contains("openclaw.resilience.policies.user-calls.max-attempts")
                            .doesNotContain("s3cr3t-lots");
                });
    }

    @Test
    void openclawEnabledFalseTurnsItAllOff() {
        runner.withPropertyValues("openclaw.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ServiceRuntime.class));
    }

    @Test
    void anEarlierPropertySourceWinsAsInSpringAndEachIsNamedAsTheOrigin() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "Config resource 'class path resource [application.yml]'",
                        Map.of("openclaw.events.max-deliveries", "7", "openclaw.redis.url", "${base}/0")));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "defaults", Map.of("openclaw.events.max-deliveries", "3", "base", "redis://cache:6379")));

        OpenClawSettings settings = SpringSettings.of(environment);

        assertThat(settings.integer(SettingKeys.EVENTS_MAX_DELIVERIES, 0)).isEqualTo(7);
        assertThat(settings.origin(SettingKeys.EVENTS_MAX_DELIVERIES)).hasValue("application.yml");
        assertThat(settings.string(SettingKeys.REDIS_URL)).hasValue("redis://cache:6379/0");
    }

    @Test
    void withAMeterRegistryTheSdksMetricsAndCircuitBreakersGoToMicrometer() {
        runner.withPropertyValues("spring.application.name=billing-service", "openclaw.metrics.interval=50ms")
                .withBean(SimpleMeterRegistry.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(TaggedCircuitBreakerMetrics.class);
                    context.getBean(ServiceRuntime.class)
                            .openTelemetry()
                            .getMeter("test")
                            .counterBuilder("openclaw.test.counted")
                            .build()
                            .add(3);
                    context.getBean(MicrometerMetrics.class).collect();
                    assertThat(context.getBean(SimpleMeterRegistry.class)
                                    .get("openclaw.test.counted")
                                    .functionCounter()
                                    .count())
                            .isEqualTo(3.0);
                });
    }

    @Test
    void aMeterTheRegistryRefusesLeavesTheOthersUpdated() {
        SimpleMeterRegistry refusing = new SimpleMeterRegistry();
        refusing.config().meterFilter(new io.micrometer.core.instrument.config.MeterFilter() {
            @Override
            public io.micrometer.core.instrument.Meter.Id map(io.micrometer.core.instrument.Meter.Id id) {
                if (id.getName().equals("openclaw.test.refused")) {
                    throw new IllegalArgumentException("other tag keys under this name");
                }
                return id;
            }
        });
        runner.withPropertyValues("spring.application.name=billing-service")
                .withBean(SimpleMeterRegistry.class, () -> refusing)
                .run(context -> {
                    var meter = context.getBean(ServiceRuntime.class)
                            .openTelemetry()
                            .getMeter("test");
                    meter.counterBuilder("openclaw.test.refused").build().add(1);
                    var counted = meter.counterBuilder("openclaw.test.counted").build();
                    counted.add(1);
                    MicrometerMetrics metrics = context.getBean(MicrometerMetrics.class);
                    metrics.collect();
                    counted.add(2);
                    metrics.collect();
                    assertThat(refusing.get("openclaw.test.counted")
                                    .functionCounter()
                                    .count())
                            .isEqualTo(3.0);
                });
    }

    @Test
    void eachOptionalPartBacksOffWhenTheApplicationLacksItsLibrary() {
        runner.withPropertyValues("spring.application.name=billing-service")
                .withBean(SimpleMeterRegistry.class)
                .withClassLoader(new FilteredClassLoader(TaggedCircuitBreakerMetrics.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(MicrometerMetrics.class)
                        .doesNotHaveBean(TaggedCircuitBreakerMetrics.class));
        runner.withPropertyValues("spring.application.name=billing-service")
                .withClassLoader(new FilteredClassLoader(
                        MeterRegistry.class, HealthIndicator.class, jakarta.servlet.Filter.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(ServiceRuntime.class)
                        .doesNotHaveBean(MicrometerMetrics.class));
    }

    @Test
    void theIdeMetadataDescribesEverySettingTheSdkReadsAndNoOther() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        TreeSet<String> described = new TreeSet<>();
        metadata.get("properties").forEach(p -> {
            described.add(p.get("name").asText());
            assertThat(p.get("description").asText()).as(p.get("name").asText()).isNotBlank();
        });
        TreeSet<String> known = new TreeSet<>();
        SettingKeys.ALL.forEach(k -> known.add(k.endsWith(".*") ? k.substring(0, k.length() - 2) : k));

        assertThat(described).isEqualTo(known);
    }
}
