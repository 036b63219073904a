package ai.openclaw.sdk.spring;

import ai.openclaw.sdk.alert.AlertSink;
import ai.openclaw.sdk.alert.Alerts;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.config.SettingKeys;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.health.HealthGroup;
import ai.openclaw.sdk.health.HealthRegistry;
import ai.openclaw.sdk.resilience.ResiliencePolicies;
import ai.openclaw.sdk.runtime.Interceptor;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.server.IdempotencyStore;
import ai.openclaw.sdk.server.ServerKit;
import ai.openclaw.sdk.server.ServerKitFilter;
import ai.openclaw.sdk.spring.internal.CircuitsHealthIndicator;
import ai.openclaw.sdk.spring.internal.CombinedOpenTelemetry;
import ai.openclaw.sdk.spring.internal.EventHandlers;
import ai.openclaw.sdk.spring.internal.MetricsSink;
import ai.openclaw.sdk.spring.internal.MicrometerMetrics;
import ai.openclaw.sdk.spring.internal.SdkHealthIndicator;
import ai.openclaw.sdk.spring.internal.SpringSettings;
import ai.openclaw.sdk.transport.EventTransport;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import jakarta.servlet.Filter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.server.WebFilter;

/**
 * The SDK in a Spring Boot application: one {@link ServiceRuntime} for the service {@code openclaw.service-name} (else
 * {@code spring.application.name}) built from the application's {@code openclaw.*} properties, its parts as beans,
 * the server kit as a servlet or WebFlux filter, Actuator health indicators ({@code openclawLiveness} and {@code
 * openclawReadiness} in the liveness and readiness groups, {@code openclawCircuits} in neither), the SDK's metrics and
 * circuit breakers in Micrometer, and {@link OpenClawEventHandler} methods subscribed for the context's lifetime.
 *
 * <p>Every bean backs off when the application defines its own; {@code openclaw.enabled=false} turns the whole of it
 * off. docs/spring-boot.md describes it.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration"
        })
@ConditionalOnBooleanProperty(name = "openclaw.enabled", matchIfMissing = true)
public class OpenClawAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(OpenClawAutoConfiguration.class);

    /** The application's {@code openclaw.*} properties, each naming its property source in errors. */
    @Bean
    @ConditionalOnMissingBean
    public OpenClawSettings openClawSettings(ConfigurableEnvironment environment) {
        OpenClawSettings settings = SpringSettings.of(environment);
        settings.check(SettingKeys.ALL).forEach(finding -> LOG.warn("{}", finding));
        return settings;
    }

    /**
     * The service's runtime. Traces and propagation come from the application's {@code OpenTelemetry} bean (else W3C
     * trace context is propagated without recording spans); metrics go to Micrometer when the application has it.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ServiceRuntime serviceRuntime(
            OpenClawSettings settings,
            ConfigurableEnvironment environment,
            ObjectProvider<OpenTelemetry> openTelemetry,
            ObjectProvider<MetricsSink> metrics,
            ObjectProvider<Interceptor> interceptors,
            ObjectProvider<EventTransport> transport,
            ObjectProvider<AlertSink> alertSinks) {
        String service = settings.string(SettingKeys.SERVICE_NAME)
                .or(() -> java.util.Optional.ofNullable(environment.getProperty("spring.application.name")))
                .orElseThrow(() -> new IllegalStateException(SettingKeys.SERVICE_NAME
                        + " is not set, nor spring.application.name: the OpenClaw starter needs the name the catalog"
                        + " gives this service"));
        OpenTelemetry traces = openTelemetry.getIfAvailable(
                () -> OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance())));
        MetricsSink sink = metrics.getIfAvailable();
        ServiceRuntime.Builder builder = ServiceRuntime.builder(service)
                .settings(settings)
                .openTelemetry(sink == null ? traces : CombinedOpenTelemetry.of(traces, sink.meterProvider()));
        interceptors.orderedStream().forEach(builder::interceptor);
        alertSinks.orderedStream().forEach(builder::alertSink);
        transport.ifAvailable(builder::transport);
        return builder.build();
    }

    /** The system's catalog. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public ServiceCatalog serviceCatalog(ServiceRuntime runtime) {
        return runtime.catalog();
    }

    /** The system's contracts. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public ContractRegistry contractRegistry(ServiceRuntime runtime) {
        return runtime.contracts();
    }

    /** Where the other services run. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public ServiceDiscovery serviceDiscovery(ServiceRuntime runtime) {
        return runtime.discovery();
    }

    /** The service's resilience policies. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public ResiliencePolicies resiliencePolicies(ServiceRuntime runtime) {
        return runtime.policies();
    }

    /** The service's health checks (the runtime's, and any the application adds). */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public HealthRegistry healthRegistry(ServiceRuntime runtime) {
        return runtime.health();
    }

    /** The service's clients of the others. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public ServiceClients serviceClients(ServiceRuntime runtime) {
        return runtime.clients();
    }

    /** Where the service's alerts go (docs/alerting.md); raise your own through it. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public Alerts openClawAlerts(ServiceRuntime runtime) {
        return runtime.alerts();
    }

    /** The service's publisher. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public EventPublisher eventPublisher(ServiceRuntime runtime) {
        return runtime.publisher();
    }

    /** Subscribes the {@link OpenClawEventHandler} methods while the context runs. */
    @Bean
    public static EventHandlers openClawEventHandlers(ObjectProvider<ServiceRuntime> runtime) {
        return new EventHandlers(runtime);
    }

    /** The server kit as a servlet filter over the service's own contract (disabled when it has none). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({FilterRegistrationBean.class, Filter.class})
    static class ServerKitConfiguration {
        /**
         * Every request whose path the contract has is traced (SERVER span, trace ids in the MDC), checked (400
         * problem+json), and deduplicated by Idempotency-Key (the application's {@link IdempotencyStore} bean, else the
         * settings' in-memory store); other paths (Actuator's) pass untouched.
         */
        @Bean
        @ConditionalOnMissingBean(name = "openClawServerKitFilter")
        FilterRegistrationBean<Filter> openClawServerKitFilter(
                ServiceRuntime runtime, ObjectProvider<IdempotencyStore> idempotency) {
            boolean hasContract =
                    runtime.contracts().httpContract(runtime.service()).isPresent();
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
            registration.setName("openClawServerKit");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            registration.addUrlPatterns("/*");
            if (hasContract) {
                ServerKit.Builder kit = runtime.serverKit();
                idempotency.ifAvailable(kit::idempotency);
                registration.setFilter(new ServerKitFilter(kit.build()));
            } else {
                LOG.info("{} has no HTTP contract: the server kit's filter is off", runtime.service());
                registration.setFilter((request, response, chain) -> chain.doFilter(request, response));
                registration.setEnabled(false);
            }
            return registration;
        }
    }

    /** The server kit as a WebFlux filter over the service's own contract (none when it has no contract). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(WebFilter.class)
    static class ReactiveServerKitConfiguration {
        @Bean
        @ConditionalOnMissingBean
        @Nullable
        ServerKitWebFilter openClawServerKitWebFilter(
                ServiceRuntime runtime, ObjectProvider<IdempotencyStore> idempotency) {
            if (runtime.contracts().httpContract(runtime.service()).isEmpty()) {
                LOG.info("{} has no HTTP contract: the server kit's filter is off", runtime.service());
                return null;
            }
            ServerKit.Builder kit = runtime.serverKit();
            idempotency.ifAvailable(kit::idempotency);
            return new ServerKitWebFilter(kit.build());
        }
    }

    /** Actuator health: the runtime's liveness and readiness checks, and the circuit breakers' states. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "openclawLivenessHealthIndicator")
        HealthIndicator openclawLivenessHealthIndicator(ServiceRuntime runtime) {
            return new SdkHealthIndicator(runtime.health(), HealthGroup.LIVENESS);
        }

        @Bean
        @ConditionalOnMissingBean(name = "openclawReadinessHealthIndicator")
        HealthIndicator openclawReadinessHealthIndicator(ServiceRuntime runtime) {
            return new SdkHealthIndicator(runtime.health(), HealthGroup.READINESS);
        }

        @Bean
        @ConditionalOnMissingBean(name = "openclawCircuitsHealthIndicator")
        HealthIndicator openclawCircuitsHealthIndicator(ServiceRuntime runtime) {
            return new CircuitsHealthIndicator(runtime.policies());
        }
    }

    /** Micrometer: the SDK's OpenTelemetry instruments read into the application's registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, SdkMeterProvider.class})
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(MetricsSink.class)
        MicrometerMetrics openClawMicrometerMetrics(MeterRegistry registry, OpenClawSettings settings) {
            return new MicrometerMetrics(
                    registry, settings.duration(SettingKeys.METRICS_INTERVAL, Duration.ofSeconds(5)));
        }
    }

    /**
     * The circuit breakers bound as resilience4j-micrometer binds them ({@code resilience4j.circuitbreaker.state}, ...),
     * when the application has resilience4j-micrometer and a meter registry.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, TaggedCircuitBreakerMetrics.class})
    @ConditionalOnBean(MeterRegistry.class)
    static class CircuitBreakerMetricsConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "openClawCircuitBreakerMetrics")
        TaggedCircuitBreakerMetrics openClawCircuitBreakerMetrics(ServiceRuntime runtime, MeterRegistry registry) {
            TaggedCircuitBreakerMetrics metrics = TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(
                    runtime.policies().circuitBreakerRegistry());
            metrics.bindTo(registry);
            return metrics;
        }
    }
}
