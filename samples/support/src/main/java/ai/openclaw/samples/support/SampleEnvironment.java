package ai.openclaw.samples.support;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.config.SettingKeys;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.resilience.ResiliencePolicies;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.transport.EventTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What every sample service is given: the system's catalog and contracts, the resilience policies the catalog names,
 * the event transport, discovery and OpenTelemetry. One per process; the services share it and never close it.
 *
 * <pre>{@code
 * SampleEnvironment env = SampleEnvironment.builder(Path.of("samples"))   // .openclaw/, contracts/
 *         .transport(RedisTransport.create(System.getenv("REDIS_URL")))
 *         .discovery(ServiceDiscovery.builder().build())                 // OPENCLAW_SERVICE_<NAME>_URL
 *         .build();
 * try (UserService users = UserService.start(env, 8080)) { ... }
 * }</pre>
 *
 * <p>The files it reads from the samples directory: {@code .openclaw/services.yaml} (the catalog),
 * {@code .openclaw/resilience.properties} (the policies the catalog names, in {@code openclaw.resilience.*} form) and
 * {@code contracts/}.
 */
public final class SampleEnvironment {
    private final ServiceCatalog catalog;
    private final ContractRegistry contracts;
    private final Properties resilience;
    private final Consumer<ResiliencePolicies.CircuitTransition> onCircuitTransition;
    private final EventTransport transport;
    private final ServiceDiscovery discovery;
    private final OpenTelemetry openTelemetry;
    private final ObjectMapper json;
    private final Clock clock;
    private final String streamPrefix;
    private final Duration processingTimeout;
    private final int maxDeliveries;
    private final Duration retryBackoff;

    private SampleEnvironment(Builder b, ServiceDiscovery discovery) {
        this.catalog = b.catalog;
        this.contracts = b.contracts;
        this.resilience = b.resilience;
        this.onCircuitTransition = b.onCircuitTransition;
        this.transport = Objects.requireNonNull(b.transport, "transport");
        this.discovery = discovery;
        this.openTelemetry = b.openTelemetry;
        this.json = b.json;
        this.clock = b.clock;
        this.streamPrefix = b.streamPrefix;
        this.processingTimeout = b.processingTimeout;
        this.maxDeliveries = b.maxDeliveries;
        this.retryBackoff = b.retryBackoff;
    }

    /**
     * Starts a builder reading the catalog, contracts and resilience policies of a samples directory.
     *
     * @param samples the directory holding {@code .openclaw/services.yaml} and {@code contracts/}
     */
    public static Builder builder(Path samples) {
        return new Builder(samples);
    }

    /** The system's catalog. */
    public ServiceCatalog catalog() {
        return catalog;
    }

    /** The system's event and HTTP contracts. */
    public ContractRegistry contracts() {
        return contracts;
    }

    /**
     * New resilience policies, per target, as the catalog and {@code resilience.properties} name them: each service
     * builds its own, so that each has its own circuit breakers, as it would in its own process. Close them with the
     * service.
     */
    public ResiliencePolicies newPolicies() {
        return ResiliencePolicies.builder()
                .properties(resilience)
                .catalog(catalog)
                .openTelemetry(openTelemetry)
                .onCircuitTransition(onCircuitTransition)
                .build();
    }

    /** Where events are published and read. */
    public EventTransport transport() {
        return transport;
    }

    /** Where the services run. */
    public ServiceDiscovery discovery() {
        return discovery;
    }

    /** Traces and metrics; {@link OpenTelemetry#noop()} unless given. */
    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    /** The JSON mapper of requests, responses and events. */
    public ObjectMapper json() {
        return json;
    }

    /** The clock of timestamps. */
    public Clock clock() {
        return clock;
    }

    /** The prefix of every stream name; empty unless given. */
    public String streamPrefix() {
        return streamPrefix;
    }

    /**
     * The runtime of one service, set up as every sample runs: this environment's catalog, contracts, transport,
     * discovery, telemetry, mapper and clock; its resilience policies, stream prefix and redelivery as settings
     * (failing events retried twice in place, redelivered and dead-lettered as {@link Builder#redelivery} says). The
     * service closes it; the transport stays this environment's.
     */
    public ServiceRuntime runtime(String service) {
        Map<String, String> settings = new LinkedHashMap<>();
        resilience.stringPropertyNames().forEach(k -> settings.put(k, resilience.getProperty(k)));
        settings.put(SettingKeys.EVENTS_STREAM_PREFIX, streamPrefix);
        settings.put(SettingKeys.EVENTS_PROCESSING_TIMEOUT, processingTimeout.toString());
        settings.put(SettingKeys.EVENTS_MAX_DELIVERIES, Integer.toString(maxDeliveries));
        settings.put(SettingKeys.EVENTS_RETRY_BACKOFF, retryBackoff.toString());
        settings.put(SettingKeys.EVENTS_HANDLER_ATTEMPTS, "2");
        return ServiceRuntime.builder(service)
                .catalog(catalog)
                .contracts(contracts)
                .discovery(discovery)
                .transport(transport)
                .openTelemetry(openTelemetry)
                .json(json)
                .clock(clock)
                .onCircuitTransition(onCircuitTransition)
                .settings(OpenClawSettings.of(settings))
                .build();
    }

    /** Builds a {@link SampleEnvironment}. */
    public static final class Builder {
        private final ServiceCatalog catalog;
        private final ContractRegistry contracts;
        private final Properties resilience;
        private @Nullable EventTransport transport;
        private @Nullable ServiceDiscovery discovery;
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private ObjectMapper json = JsonMappers.standard();
        private Clock clock = Clock.systemUTC();
        private String streamPrefix = "";
        private Duration processingTimeout = Duration.ofSeconds(30);
        private int maxDeliveries = 5;
        private Duration retryBackoff = Duration.ofMillis(200);
        private Consumer<ResiliencePolicies.CircuitTransition> onCircuitTransition = t -> {};

        private Builder(Path samples) {
            Objects.requireNonNull(samples, "samples");
            this.catalog = ServiceCatalog.load(samples.resolve(".openclaw").resolve("services.yaml"));
            this.contracts = ContractRegistry.load(samples.resolve("contracts"));
            this.resilience = new Properties();
            Path properties = samples.resolve(".openclaw").resolve("resilience.properties");
            if (Files.exists(properties)) {
                try (InputStream in = Files.newInputStream(properties)) {
                    resilience.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + properties, e);
                }
            }
        }

        /** The event transport (required): Redis, or in memory. */
        public Builder transport(EventTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Discovery; default: the catalog's instances, system properties and environment variables. */
        public Builder discovery(ServiceDiscovery discovery) {
            this.discovery = Objects.requireNonNull(discovery, "discovery");
            return this;
        }

        /** OpenTelemetry; default {@link OpenTelemetry#noop()}. */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** The JSON mapper; default a plain {@link ObjectMapper}. */
        public Builder objectMapper(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** The clock; default UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A prefix for every stream name, so that several systems share one Redis; default none. */
        public Builder streamPrefix(String prefix) {
            this.streamPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * How subscribers treat failing events: redelivered after {@code processingTimeout}, dead-lettered after
         * {@code maxDeliveries}, retried in place after {@code retryBackoff} (doubling). Defaults 30 s, 5, 200 ms.
         */
        public Builder redelivery(Duration processingTimeout, int maxDeliveries, Duration retryBackoff) {
            this.processingTimeout = Objects.requireNonNull(processingTimeout, "processingTimeout");
            if (maxDeliveries < 1) {
                throw new IllegalArgumentException("maxDeliveries must be at least 1, was " + maxDeliveries);
            }
            this.maxDeliveries = maxDeliveries;
            this.retryBackoff = Objects.requireNonNull(retryBackoff, "retryBackoff");
            return this;
        }

        /** Called on every circuit breaker state change of the policies (also logged and counted). */
        public Builder onCircuitTransition(Consumer<ResiliencePolicies.CircuitTransition> listener) {
            this.onCircuitTransition = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Builds the environment.
         *
         * @throws IllegalArgumentException when {@code resilience.properties} is malformed or lacks a policy the
         *     catalog names
         */
        public SampleEnvironment build() {
            ServiceDiscovery d = discovery != null
                    ? discovery
                    : ServiceDiscovery.builder().catalog(catalog).build();
            SampleEnvironment env = new SampleEnvironment(this, d);
            env.newPolicies().close(); // fails now, naming the key, when the policies are malformed or missing
            return env;
        }
    }
}
