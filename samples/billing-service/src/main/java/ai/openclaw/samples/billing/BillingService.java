package ai.openclaw.samples.billing;

import ai.openclaw.samples.billing.generated.events.SubscriptionInquiryReceived;
import ai.openclaw.samples.billing.generated.events.SubscriptionStatusRetrieved;
import ai.openclaw.samples.support.SampleEnvironment;
import ai.openclaw.samples.support.SampleServer;
import ai.openclaw.sdk.client.ClientException;
import ai.openclaw.sdk.client.HttpStatusException;
import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.events.EventMetadata;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.health.HealthRegistry;
import ai.openclaw.sdk.resilience.CircuitBreakerHealthCheck;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.server.Problem;
import ai.openclaw.sdk.server.ServerRequest;
import ai.openclaw.sdk.server.ServerResponse;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * billing-service: subscriptions and invoices, on the SDK.
 *
 * <pre>{@code
 * try (BillingService billing = BillingService.start(env, 0)) {
 *     // user.created -> a 14-day trial; user.deleted -> the user's subscriptions canceled
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Events: {@code user.created} starts a trial, {@code user.deleted} cancels. Both handlers are idempotent,
 *       since delivery is at least once. A handler that keeps failing ends in {@code <stream>.dlq}. A {@code
 *       subscription.inquiry_received} request is answered with {@code subscription.status_retrieved}, sent back to
 *       the user-service instance that asked (request-reply over events, docs/request-reply.md).
 *   <li>HTTP: {@code POST /subscriptions} and {@code POST /invoices} look the user up in user-service (policy
 *       {@code user-calls}: retries, circuit breaker, 1 s time limit); an unknown user is 422, user-service
 *       unavailable is 503.
 *   <li>Health: liveness is the subscriber's loops; readiness is Redis, the subscriber's reading and lag (at most
 *       1,000 entries behind), and the circuit breakers (reported, never failing).
 * </ul>
 */
public final class BillingService implements AutoCloseable {
    /** The service's catalog name. */
    public static final String NAME = "billing-service";

    /** How long a trial lasts. */
    public static final Duration TRIAL = Duration.ofDays(14);

    private static final Logger LOG = LoggerFactory.getLogger(BillingService.class);

    /** {@code user.created} as billing reads it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserCreated(String userId, String email) {}

    /** {@code user.deleted} as billing reads it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserDeleted(String userId) {}

    record NewSubscription(String userId, String plan) {}

    record NewInvoice(String subscriptionId, long amountCents, String currency) {}

    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    private final ServiceRuntime runtime;
    private final ServiceClients clients;
    private final UserDirectory users;
    private final EventSubscriber subscriber;
    private final HealthRegistry health;
    private final SampleServer server;

    private BillingService(SampleEnvironment env, int port) {
        this.runtime = env.runtime(NAME);
        this.clock = runtime.clock();
        this.clients = runtime.clients();
        this.users = clients.client("user-service").as(UserDirectory.class);
        this.subscriber = runtime.subscriber(s -> s.on("user.created", UserCreated.class, this::onUserCreated)
                .on("user.deleted", UserDeleted.class, this::onUserDeleted)
                .on(
                        "subscription.inquiry_received",
                        SubscriptionInquiryReceived.class,
                        runtime.responder().replying("subscription.status_retrieved", this::statusOf)));
        this.health = runtime.health().readiness("circuits", CircuitBreakerHealthCheck.of(runtime.policies()));
        this.server = SampleServer.builder(NAME, runtime)
                .route("POST /subscriptions", this::subscribe)
                .route("GET /subscriptions/{id}", r -> ServerResponse.ok(subscription(r.variable("id"))))
                .route("POST /invoices", this::invoice)
                .health(health)
                .start(port);
        subscriber.start();
        LOG.info("{} listening on {}", NAME, server.uri());
    }

    /**
     * Starts billing-service: its HTTP server and its subscriber.
     *
     * @param env the environment
     * @param port the HTTP port on loopback; 0 for any free one
     */
    public static BillingService start(SampleEnvironment env, int port) {
        return new BillingService(env, port);
    }

    /** The base URL. */
    public URI uri() {
        return server.uri();
    }

    /** The health checks served at {@code /health}. */
    public HealthRegistry health() {
        return health;
    }

    /** The subscriber (its stats, its dead-letter streams). */
    public EventSubscriber subscriber() {
        return subscriber;
    }

    /** A user's subscriptions, oldest first. */
    public List<Subscription> subscriptionsOf(String userId) {
        return subscriptions.values().stream()
                .filter(s -> s.userId().equals(userId))
                .sorted((a, b) -> Long.compare(number(a.id()), number(b.id())))
                .toList();
    }

    /** Stops reading events (in-flight ones finish), then the HTTP server. */
    @Override
    public void close() {
        subscriber.close();
        server.close();
        runtime.close();
    }

    void onUserCreated(UserCreated event, EventMetadata meta) {
        boolean started = startTrial(event.userId());
        LOG.info(
                "{} {} for {}: {}",
                meta.envelope().type(),
                meta.envelope().id(),
                event.userId(),
                started ? "trial started" : "already subscribed");
    }

    void onUserDeleted(UserDeleted event, EventMetadata meta) {
        int canceled = cancelAll(event.userId());
        LOG.info(
                "{} {} for {}: {} canceled",
                meta.envelope().type(),
                meta.envelope().id(),
                event.userId(),
                canceled);
    }

    /**
     * The answer to an inquiry: the user's newest subscription, as this instance knows it. Both payloads are the types
     * generated from their contracts ({@code openclaw-maven-plugin}, package {@code ...billing.generated.events}).
     */
    SubscriptionStatusRetrieved statusOf(SubscriptionInquiryReceived inquiry, EventMetadata meta) {
        List<Subscription> all = subscriptionsOf(inquiry.userId());
        String me = subscriber.consumerName();
        if (all.isEmpty()) {
            return new SubscriptionStatusRetrieved(
                    inquiry.userId(), SubscriptionStatusRetrieved.Status.NONE, null, null, null, me);
        }
        Subscription s = all.get(all.size() - 1);
        return new SubscriptionStatusRetrieved(
                s.userId(),
                SubscriptionStatusRetrieved.Status.valueOf(s.status().toUpperCase(java.util.Locale.ROOT)),
                s.id(),
                SubscriptionStatusRetrieved.Plan.valueOf(s.plan().toUpperCase(java.util.Locale.ROOT)),
                s.trialEndsAt() == null ? null : Instant.parse(s.trialEndsAt()),
                me);
    }

    /** Starts a trial unless the user has a live subscription; true when one was started. */
    synchronized boolean startTrial(String userId) {
        if (subscriptionsOf(userId).stream().anyMatch(s -> !s.status().equals("canceled"))) {
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        add(new Subscription(
                "s-" + ids.incrementAndGet(),
                userId,
                "trial",
                "trialing",
                now.plus(TRIAL).toString(),
                now.toString()));
        return true;
    }

    synchronized int cancelAll(String userId) {
        int canceled = 0;
        for (Subscription s : subscriptionsOf(userId)) {
            if (!s.status().equals("canceled")) {
                subscriptions.put(s.id(), s.canceled());
                canceled++;
            }
        }
        return canceled;
    }

    private void add(Subscription s) {
        subscriptions.put(s.id(), s);
    }

    private Subscription subscription(String id) {
        return Optional.ofNullable(subscriptions.get(id))
                .orElseThrow(() -> new Problem(404, "no such subscription", "no subscription " + id));
    }

    private ServerResponse subscribe(ServerRequest r) {
        NewSubscription input = r.body(NewSubscription.class);
        UserDirectory.User user = lookUp(input.userId());
        synchronized (this) {
            cancelAll(user.id());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            boolean trial = input.plan().equals("trial");
            Subscription s = new Subscription(
                    "s-" + ids.incrementAndGet(),
                    user.id(),
                    input.plan(),
                    trial ? "trialing" : "active",
                    trial ? now.plus(TRIAL).toString() : null,
                    now.toString());
            add(s);
            return ServerResponse.created(s);
        }
    }

    private ServerResponse invoice(ServerRequest r) {
        NewInvoice input = r.body(NewInvoice.class);
        Subscription s = Optional.ofNullable(subscriptions.get(input.subscriptionId()))
                .orElseThrow(
                        () -> new Problem(422, "unknown subscription", "no subscription " + input.subscriptionId()));
        UserDirectory.User user = lookUp(s.userId());
        return ServerResponse.created(new Invoice(
                "in-" + ids.incrementAndGet(),
                s.id(),
                user.id(),
                user.email(),
                input.amountCents(),
                input.currency(),
                "open"));
    }

    private UserDirectory.User lookUp(String userId) {
        try {
            return users.user(userId);
        } catch (HttpStatusException e) {
            if (e.status() == 404) {
                throw new Problem(422, "unknown user", "user-service has no user " + userId);
            }
            throw unavailable(e);
        } catch (ClientException e) {
            throw unavailable(e);
        }
    }

    private static Problem unavailable(ClientException e) {
        LOG.warn("user-service unavailable: {}", e.getMessage());
        return new Problem(503, "user-service unavailable", "try again later");
    }

    private static long number(String id) {
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }
}
