package ai.openclaw.sdk.runtime;

import ai.openclaw.sdk.alert.AlertSink;
import ai.openclaw.sdk.alert.Alerts;
import ai.openclaw.sdk.alert.WebhookAlertSink;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.config.SettingKeys;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.discovery.CanarySplit;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.events.EventRequester;
import ai.openclaw.sdk.events.EventResponder;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.events.SubscriberHealthCheck;
import ai.openclaw.sdk.events.redis.RedisHealthCheck;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.health.HealthCheck;
import ai.openclaw.sdk.health.HealthRegistry;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.policy.CallContext;
import ai.openclaw.sdk.policy.CallPolicies;
import ai.openclaw.sdk.policy.CallPolicy;
import ai.openclaw.sdk.resilience.ResiliencePolicies;
import ai.openclaw.sdk.server.ServerKit;
import ai.openclaw.sdk.transport.EventTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one service needs from the SDK, set up once: its catalog, contracts, discovery, resilience policies,
 * OpenTelemetry, JSON mapper, clock, event transport and settings. It hands out publishers, subscribers, clients,
 * health and the server kit configured alike — so a subscriber's stream names, mapper and contracts always match the
 * publishers' — and closes everything it handed out, in order, when it closes.
 *
 * <pre>{@code
 * try (ServiceRuntime runtime = ServiceRuntime.builder("billing-service")
 *         .settings(OpenClawSettings.load())   // openclaw.catalog, openclaw.contracts, openclaw.redis.url, ...
 *         .openTelemetry(openTelemetry)
 *         .build()) {
 *     EventPublisher publisher = runtime.publisher();
 *     EventSubscriber subscriber = runtime.subscriber(s -> s.on("user.created", UserCreated.class, handler));
 *     ServiceClients clients = runtime.clients();
 *     ServerKit kit = runtime.serverKit().build();
 *     subscriber.start();
 *     ...
 * }   // subscribers, clients, policies, health, and the transport it opened, closed in that order
 * }</pre>
 *
 * <p>A runtime belongs to one service; several services in one process (the samples' demo) each have their own.
 */
public final class ServiceRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);

    private final String service;
    private final ServiceCatalog catalog;
    private final ContractRegistry contracts;
    private final ServiceDiscovery discovery;
    private final ResiliencePolicies policies;
    private final OpenTelemetry openTelemetry;
    private final ObjectMapper json;
    private final Clock clock;
    private final EventTransport transport;
    private final boolean ownsTransport;
    private final OpenClawSettings settings;
    private final HealthRegistry health;
    private final List<Interceptor> interceptors;
    private final Alerts alerts;
    private final boolean ownsAlerts;
    private final @Nullable AlertWatcher watcher;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private int requesters;
    private @Nullable EventResponder responder;
    private @Nullable EventPublisher publisher;
    private @Nullable ServiceClients clients;
    private int subscribers;
    private boolean closed;

    private ServiceRuntime(Builder b) {
        this.service = b.service;
        this.settings = b.settings;
        this.catalog =
                b.catalog != null ? b.catalog : load(settings, SettingKeys.CATALOG, ".openclaw/services.yaml", true);
        this.contracts = b.contracts != null ? b.contracts : load(settings, SettingKeys.CONTRACTS, "contracts", false);
        catalog.service(service); // a runtime is for a service the catalog declares: else UnknownServiceException
        this.openTelemetry = b.openTelemetry;
        this.interceptors = List.copyOf(b.interceptors);
        this.json = b.json;
        this.clock = b.clock;
        this.discovery = b.discovery != null
                ? b.discovery
                : canaries(
                                settings,
                                ServiceDiscovery.builder().catalog(catalog).systemProperties(serviceUrls(settings)))
                        .build();
        if (b.transport != null) {
            this.transport = b.transport;
            this.ownsTransport = false;
        } else {
            String url = settings.string(SettingKeys.REDIS_URL)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no event transport: give one, or set " + SettingKeys.REDIS_URL + " (OPENCLAW_REDIS_URL)"));
            this.transport = RedisTransport.create(url);
            this.ownsTransport = true;
        }
        this.health = HealthRegistry.create();
        if (transport instanceof RedisTransport redis) {
            health.readiness("redis", RedisHealthCheck.of(redis));
        }
        this.ownsAlerts = b.alerts == null;
        this.alerts = b.alerts != null ? b.alerts : alertsFrom(settings, clock, b.alertSinks);
        this.watcher = settings.bool(SettingKeys.ALERTS_ENABLED, true)
                ? new AlertWatcher(
                        service,
                        alerts,
                        health,
                        transport,
                        settings.duration(SettingKeys.ALERTS_CHECK_INTERVAL, Duration.ofSeconds(10)),
                        settings.integer(SettingKeys.ALERTS_LAG_THRESHOLD, 10_000))
                : null;
        ResiliencePolicies.Builder policyBuilder = ResiliencePolicies.builder()
                .properties(settings.withPrefix(ResiliencePolicies.PROPERTY_PREFIX))
                .catalog(catalog)
                .openTelemetry(openTelemetry)
                .onCircuitTransition(b.onCircuitTransition);
        if (watcher != null) {
            policyBuilder.onCircuitTransition(watcher::circuit);
        }
        this.policies = policyBuilder.build();
    }

    /** {@code openclaw.service.<name>.url} from the settings, the JVM's system properties over them. */
    /**
     * The canary splits of the settings: {@code openclaw.canary.<service>.percentage} (0 to 100) and {@code
     * openclaw.canary.<service>.sticky}.
     */
    static ServiceDiscovery.Builder canaries(OpenClawSettings settings, ServiceDiscovery.Builder discovery) {
        String head = "openclaw.canary.";
        String tail = ".percentage";
        for (String key : settings.withPrefix(head).keySet()) {
            if (!key.endsWith(tail) || key.length() <= head.length() + tail.length()) {
                continue;
            }
            String service = key.substring(head.length(), key.length() - tail.length());
            double percent = settings.decimal(key, 0);
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException(
                        key + " (from " + settings.origin(key).orElse("?") + ") must be a percentage from 0 to 100");
            }
            boolean sticky = settings.bool(head + service + ".sticky", false);
            discovery.canary(service, new CanarySplit(percent, sticky));
        }
        return discovery;
    }

    private static Properties serviceUrls(OpenClawSettings settings) {
        Properties urls = new Properties();
        settings.withPrefix("openclaw.service.").forEach(urls::setProperty);
        System.getProperties().forEach(urls::put);
        return urls;
    }

    /** The log, the webhook of {@code openclaw.alerts.webhook.url} when set, and the sinks given. */
    private static Alerts alertsFrom(OpenClawSettings settings, Clock clock, List<AlertSink> sinks) {
        Alerts.Builder alerts = Alerts.builder()
                .sink(AlertSink.log())
                .clock(clock)
                .minInterval(settings.duration(SettingKeys.ALERTS_MIN_INTERVAL, Duration.ofMinutes(1)));
        settings.string(SettingKeys.ALERTS_WEBHOOK_URL).ifPresent(url -> {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                // the URL is a secret: name the key and where it came from, not the value
                throw new IllegalArgumentException(SettingKeys.ALERTS_WEBHOOK_URL + " ("
                        + settings.origin(SettingKeys.ALERTS_WEBHOOK_URL).orElse("settings") + ") is not a URL");
            }
            WebhookAlertSink.Builder hook = WebhookAlertSink.builder(uri);
            settings.string(SettingKeys.ALERTS_WEBHOOK_AUTHORIZATION).ifPresent(v -> hook.header("Authorization", v));
            alerts.sink(hook.build());
        });
        sinks.forEach(alerts::sink);
        return alerts.build();
    }

    private static <T> T load(OpenClawSettings settings, String key, String fallback, boolean catalog) {
        String where = settings.string(key, fallback);
        Object loaded;
        if (where.startsWith("classpath:")) {
            String name = where.substring("classpath:".length());
            loaded = catalog ? ServiceCatalog.loadFromClasspath(name) : ContractRegistry.loadFromClasspath(name);
        } else {
            loaded = catalog ? ServiceCatalog.load(Path.of(where)) : ContractRegistry.load(Path.of(where));
        }
        @SuppressWarnings("unchecked")
        T t = (T) loaded;
        return t;
    }

    /**
     * Starts a builder.
     *
     * @param service the service's name in the catalog
     */
    public static Builder builder(String service) {
        return new Builder(service);
    }

    /** The service this runtime is for. */
    public String service() {
        return service;
    }

    /** The system's catalog. */
    public ServiceCatalog catalog() {
        return catalog;
    }

    /** The system's event and HTTP contracts. */
    public ContractRegistry contracts() {
        return contracts;
    }

    /** Where the other services run. */
    public ServiceDiscovery discovery() {
        return discovery;
    }

    /** This service's resilience policies, per target, as the settings and the catalog name them. */
    public ResiliencePolicies policies() {
        return policies;
    }

    /** Traces and metrics. */
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

    /** Where events are published and read. */
    public EventTransport transport() {
        return transport;
    }

    /** The settings it was built from. */
    public OpenClawSettings settings() {
        return settings;
    }

    /**
     * This service's health checks: the Redis transport's readiness ({@code redis}), and each subscriber's liveness
     * ({@code subscriber}, {@code subscriber-2}, ...) and readiness ({@code events}, ...: reading works and the lag is
     * at most {@code openclaw.events.ready-max-lag}, default 1,000), added as they are built. Add your own.
     */
    public HealthRegistry health() {
        return health;
    }

    /**
     * Where this service's alerts go: its own (health checks changing state, circuit transitions, consumer lag over
     * {@code openclaw.alerts.lag-threshold}, dead letters; see docs/alerting.md) and any the service raises. By default
     * the log, and the webhook {@code openclaw.alerts.webhook.url} when set, at most one per kind and subject per
     * {@code openclaw.alerts.min-interval}.
     */
    public Alerts alerts() {
        return alerts;
    }

    /**
     * This service's publisher, built on first use: the catalog enforced (only the events the service publishes),
     * payloads checked against their contracts, traced, retried per the policies, the stream prefix of the settings.
     */
    public synchronized EventPublisher publisher() {
        open();
        if (publisher == null) {
            publisher = EventPublisher.builder(service, transport)
                    .catalog(catalog)
                    .contracts(contracts)
                    .objectMapper(json)
                    .openTelemetry(openTelemetry)
                    .clock(clock)
                    .streamPrefix(settings.string(SettingKeys.EVENTS_STREAM_PREFIX, ""))
                    .policies(intercepted(Interceptor.Kind.PUBLISH))
                    .build();
        }
        return publisher;
    }

    /**
     * A new subscriber, set up as the publishers are (contracts, mapper, stream prefix, telemetry) and as the settings
     * say ({@code openclaw.events.*}: in-place attempts and backoff, processing timeout, deliveries before the dead
     * letter, the consumer name {@code openclaw.events.instance}, with {@code -2}, {@code -3} after it for a second and
     * third subscriber), with its liveness in {@link #health()}; closed with the runtime. Start it when the service is ready.
     *
     * @param configure adds the handlers (and anything else)
     */
    public synchronized EventSubscriber subscriber(Consumer<EventSubscriber.Builder> configure) {
        open();
        EventSubscriber.Builder b = EventSubscriber.builder(service, transport)
                .contracts(contracts)
                .objectMapper(json)
                .openTelemetry(openTelemetry)
                .clock(clock)
                .streamPrefix(settings.string(SettingKeys.EVENTS_STREAM_PREFIX, ""));
        settings.string(SettingKeys.EVENTS_INSTANCE)
                .ifPresent(
                        instance -> b.consumerName(subscribers == 0 ? instance : instance + "-" + (subscribers + 1)));
        settings.string(SettingKeys.EVENTS_PROCESSING_TIMEOUT)
                .ifPresent(x ->
                        b.processingTimeout(settings.duration(SettingKeys.EVENTS_PROCESSING_TIMEOUT, Duration.ZERO)));
        settings.string(SettingKeys.EVENTS_MAX_DELIVERIES)
                .ifPresent(x -> b.maxDeliveries(settings.integer(SettingKeys.EVENTS_MAX_DELIVERIES, 0)));
        settings.string(SettingKeys.EVENTS_HANDLER_ATTEMPTS)
                .ifPresent(x -> b.handlerAttempts(settings.integer(SettingKeys.EVENTS_HANDLER_ATTEMPTS, 0)));
        settings.string(SettingKeys.EVENTS_RETRY_BACKOFF)
                .ifPresent(x -> b.retryBackoff(settings.duration(SettingKeys.EVENTS_RETRY_BACKOFF, Duration.ZERO)));
        if (!interceptors.isEmpty()) {
            b.around((metadata, next) -> {
                String type = metadata.envelope().type();
                chain(0, Interceptor.Kind.HANDLE, type, "handle " + type, () -> {
                    next.proceed();
                    return null;
                });
            });
        }
        configure.accept(b);
        EventSubscriber subscriber = b.build();
        subscribers++;
        String suffix = subscribers == 1 ? "" : "-" + subscribers;
        HealthCheck liveness = SubscriberHealthCheck.liveness(subscriber);
        HealthCheck readiness =
                SubscriberHealthCheck.readiness(subscriber, settings.integer(SettingKeys.EVENTS_READY_MAX_LAG, 1_000));
        opened.push(subscriber);
        health.liveness("subscriber" + suffix, liveness);
        health.readiness("events" + suffix, readiness);
        if (watcher != null) {
            watcher.watch(subscriber, Map.of("subscriber" + suffix, liveness, "events" + suffix, readiness));
        }
        return subscriber;
    }

    /**
     * A requester of replies over events, started: requests of {@code requestType} published by {@link #publisher()},
     * replies of {@code replyType} read from this instance's inbox ({@code openclaw.events.instance}), checked against
     * their contracts, in the caller's trace, waiting {@code openclaw.events.reply-timeout} (default 10s). Its inbox's
     * liveness is in {@link #health()}; closed with the runtime. See docs/request-reply.md.
     *
     * <pre>{@code
     * EventRequester<SubscriptionStatus> billing = runtime.requester(
     *         "subscription.inquiry_received", "subscription.status_retrieved", SubscriptionStatus.class, r -> {});
     * SubscriptionStatus status = billing.request(new SubscriptionInquiry(userId)).get();
     * }</pre>
     *
     * @param configure anything else ({@code onReplyAtAnyInstance}, workers, ...)
     */
    public synchronized <R> EventRequester<R> requester(
            String requestType, String replyType, Class<R> replyClass, Consumer<EventRequester.Builder<R>> configure) {
        open();
        EventRequester.Builder<R> b = EventRequester.builder(service, transport)
                .publisher(publisher())
                .request(requestType)
                .reply(replyType, replyClass)
                .contracts(contracts)
                .objectMapper(json)
                .openTelemetry(openTelemetry)
                .clock(clock);
        settings.string(SettingKeys.EVENTS_INSTANCE).ifPresent(b::instance);
        settings.string(SettingKeys.EVENTS_REPLY_TIMEOUT)
                .ifPresent(x -> b.timeout(settings.duration(SettingKeys.EVENTS_REPLY_TIMEOUT, Duration.ZERO)));
        configure.accept(b);
        EventRequester<R> requester = b.build();
        requesters++;
        opened.push(requester);
        health.liveness(
                "replies" + (requesters == 1 ? "" : "-" + requesters),
                SubscriberHealthCheck.liveness(requester.inboxSubscriber()));
        requester.start();
        return requester;
    }

    /**
     * This service's responder, built on first use: it answers requests over events with {@link #publisher()} (the
     * reply checked against its contract), refusing expired requests and writing only to reply inboxes. Use it in a
     * {@link #subscriber}: {@code b.on(type, Request.class, runtime.responder().replying(replyType, handler))}.
     */
    public synchronized EventResponder responder() {
        open();
        if (responder == null) {
            responder = EventResponder.builder(publisher(), transport)
                    .openTelemetry(openTelemetry)
                    .clock(clock)
                    .build();
        }
        return responder;
    }

    /**
     * This service's clients of the others, built on first use: discovery, each provider's contract checked, W3C trace
     * context, the policy the catalog names per target.
     */
    public synchronized ServiceClients clients() {
        open();
        if (clients == null) {
            clients = ServiceClients.builder(discovery)
                    .contracts(contracts)
                    .policies(intercepted(Interceptor.Kind.CALL))
                    .objectMapper(json)
                    .openTelemetry(openTelemetry)
                    .build();
        }
        return clients;
    }

    /**
     * A server kit builder for this service's own API: its contract, telemetry, mapper and the {@code openclaw.server.*}
     * settings.
     *
     * @throws IllegalStateException when the service has no HTTP contract
     */
    public ServerKit.Builder serverKit() {
        open();
        return ServerKit.builder(
                        service,
                        contracts
                                .httpContract(service)
                                .orElseThrow(() -> new IllegalStateException(service + " has no HTTP contract")))
                .openTelemetry(openTelemetry)
                .json(json)
                .settings(settings);
    }

    /** The policies, with the interceptors around each call they run (once per call, outside its retries). */
    private CallPolicies intercepted(Interceptor.Kind kind) {
        if (interceptors.isEmpty()) {
            return policies;
        }
        return target -> {
            CallPolicy policy = policies.forTarget(target);
            return new CallPolicy() {
                @Override
                public <T> T execute(CallContext context, CallPolicy.Attempt<T> attempt) throws Exception {
                    @SuppressWarnings("unchecked")
                    T result = (T) chain(
                            0, kind, context.target(), context.operation(), () -> policy.execute(context, attempt));
                    return result;
                }
            };
        };
    }

    private @Nullable Object chain(
            int index, Interceptor.Kind kind, String target, String operation, Callable<@Nullable Object> last)
            throws Exception {
        if (index == interceptors.size()) {
            return last.call();
        }
        return interceptors.get(index).around(new Interceptor.Invocation(kind, service, target, operation) {
            private boolean proceeded;

            @Override
            public @Nullable Object proceed() throws Exception {
                if (proceeded) {
                    throw new IllegalStateException("an interceptor proceeded twice with " + operation);
                }
                proceeded = true;
                return chain(index + 1, kind, target, operation, last);
            }
        });
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("the runtime of " + service + " is closed");
        }
    }

    /** Whether {@link #close} has run. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Closes, in order: the alert watch (after a last look), the subscribers (newest first, each finishing what it
     * holds), the clients, the policies, the health checks, the transport when the runtime opened it, and the alerts
     * when it made them (what is queued or held back still goes out). Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (watcher != null) {
            quietly(watcher); // a last look, while everything still runs
        }
        while (!opened.isEmpty()) {
            quietly(opened.pop());
        }
        if (clients != null) {
            quietly(clients::close);
        }
        quietly(policies::close);
        quietly(health::close);
        if (ownsTransport) {
            quietly(transport::close);
        }
        if (ownsAlerts) {
            quietly(alerts); // what is queued and held back still goes out
        }
    }

    private void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("{}: closing {} failed", service, c, e);
        }
    }

    @Override
    public String toString() {
        return "ServiceRuntime[" + service + (closed ? ", closed" : "") + "]";
    }

    /** Builds a {@link ServiceRuntime}. */
    public static final class Builder {
        private final String service;
        private @Nullable ServiceCatalog catalog;
        private @Nullable ContractRegistry contracts;
        private @Nullable ServiceDiscovery discovery;
        private @Nullable EventTransport transport;
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private ObjectMapper json = JsonMappers.standard();
        private Clock clock = Clock.systemUTC();
        private OpenClawSettings settings = OpenClawSettings.of(java.util.Map.of());
        private Consumer<ResiliencePolicies.CircuitTransition> onCircuitTransition = t -> {};
        private final List<Interceptor> interceptors = new ArrayList<>();
        private @Nullable Alerts alerts;
        private final List<AlertSink> alertSinks = new ArrayList<>();

        private Builder(String service) {
            this.service = Objects.requireNonNull(service, "service");
        }

        /** The settings; anything not given in code comes from them (default: none). */
        public Builder settings(OpenClawSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The catalog (default: {@code openclaw.catalog}, else {@code .openclaw/services.yaml}). */
        public Builder catalog(ServiceCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** The contracts (default: {@code openclaw.contracts}, else {@code contracts/}). */
        public Builder contracts(ContractRegistry contracts) {
            this.contracts = Objects.requireNonNull(contracts, "contracts");
            return this;
        }

        /**
         * Discovery (default: {@code openclaw.service.<name>.url} from system properties, the settings and environment
         * variables, then the catalog's instances).
         */
        public Builder discovery(ServiceDiscovery discovery) {
            this.discovery = Objects.requireNonNull(discovery, "discovery");
            return this;
        }

        /**
         * The event transport, which the caller keeps and closes (default: Redis at {@code openclaw.redis.url}, opened
         * and closed by the runtime).
         */
        public Builder transport(EventTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** OpenTelemetry (default: no-op). */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** The JSON mapper (default {@link JsonMappers#standard()}). */
        public Builder json(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * Runs around every publish, handler invocation and client call of the runtime's publisher, subscribers and
         * clients; several run in the order given, the first outermost.
         */
        public Builder interceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Where alerts go, which the caller keeps and closes (default: the log and {@code openclaw.alerts.webhook.url},
         * rate-limited by {@code openclaw.alerts.min-interval}, closed with the runtime).
         */
        public Builder alerts(Alerts alerts) {
            this.alerts = Objects.requireNonNull(alerts, "alerts");
            return this;
        }

        /**
         * Adds a sink to the runtime's own alerts, beside the log and {@code openclaw.alerts.webhook.url} (ignored when
         * {@link #alerts} is given).
         */
        public Builder alertSink(AlertSink sink) {
            alertSinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /** Called on every circuit breaker state change of the policies (they also log and count it). */
        public Builder onCircuitTransition(Consumer<ResiliencePolicies.CircuitTransition> listener) {
            this.onCircuitTransition = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock (default UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds it: loads what was not given, checks the service is in the catalog and the policies the catalog names
         * exist, opens the transport when none was given.
         *
         * @throws IllegalArgumentException naming what is missing or malformed
         * @throws OpenClawSettings.SettingsException naming a setting that cannot be read and where it came from
         */
        public ServiceRuntime build() {
            return new ServiceRuntime(this);
        }
    }
}
