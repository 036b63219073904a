package ai.openclaw.samples.user;

import ai.openclaw.samples.support.SampleEnvironment;
import ai.openclaw.samples.support.SampleServer;
import ai.openclaw.samples.user.generated.events.SubscriptionInquiryReceived;
import ai.openclaw.samples.user.generated.events.SubscriptionStatusRetrieved;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.events.EventRequester;
import ai.openclaw.sdk.events.PublishException;
import ai.openclaw.sdk.events.ReplyTimeoutException;
import ai.openclaw.sdk.health.HealthRegistry;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.server.Problem;
import ai.openclaw.sdk.server.ServerRequest;
import ai.openclaw.sdk.server.ServerResponse;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * user-service: registration, profiles, login and token refresh, on the SDK.
 *
 * <pre>{@code
 * try (UserService users = UserService.start(env, 0)) {
 *     URI base = users.uri();   // POST {base}/users {"email":..,"name":..,"password":..} -> 201, user.created published
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Requests are checked against {@code user-service.openapi.yaml} before any code here runs; a request breaking
 *       it gets 400 with each violation's JSON pointer.
 *   <li>Each change is published after it is stored, in the request's trace, ordered by user id. When publishing fails
 *       (Redis down past the retries), the change is undone and the caller gets 503: no user exists that the rest of
 *       the system was not told about.
 *   <li>{@code GET /users/:id/subscription} asks billing-service over events, the seed's customer inquiry: it
 *       publishes {@code subscription.inquiry_received} and answers with the {@code subscription.status_retrieved}
 *       reply that comes back to this very instance, or 504 when none comes in time ({@code
 *       openclaw.events.reply-timeout}).
 *   <li>Health: {@code /health/ready} checks Redis.
 * </ul>
 */
public final class UserService implements AutoCloseable {
    /** The service's catalog name. */
    public static final String NAME = "user-service";

    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    record NewUser(String email, String name, String password) {}

    record Changes(@Nullable String email, @Nullable String name) {}

    record Login(String email, String password) {}

    record Refresh(String refreshToken) {}

    private final UserStore store;
    private final Clock clock;
    private final ServiceRuntime runtime;
    private final EventPublisher events;
    private final EventRequester<SubscriptionStatusRetrieved> billing;
    private final HealthRegistry health;
    private final SampleServer server;

    private UserService(SampleEnvironment env, int port) {
        this.runtime = env.runtime(NAME);
        this.clock = runtime.clock();
        this.store = new UserStore(clock);
        this.events = runtime.publisher();
        this.billing = runtime.requester(
                "subscription.inquiry_received",
                "subscription.status_retrieved",
                SubscriptionStatusRetrieved.class,
                r -> {});
        this.health = runtime.health();
        this.server = SampleServer.builder(NAME, runtime)
                .route("POST /users", this::create)
                .route("GET /users/{id}", r -> ServerResponse.ok(find(r.variable("id"))))
                .route("PATCH /users/{id}", this::update)
                .route("DELETE /users/{id}", this::delete)
                .route("GET /users/{id}/subscription", this::subscription)
                .route("POST /auth/login", this::login)
                .route("POST /auth/refresh", this::refresh)
                .health(health)
                .start(port);
        LOG.info("{} listening on {}", NAME, server.uri());
    }

    /**
     * Starts user-service.
     *
     * @param env the environment
     * @param port the HTTP port on loopback; 0 for any free one
     */
    public static UserService start(SampleEnvironment env, int port) {
        return new UserService(env, port);
    }

    /** The base URL. */
    public URI uri() {
        return server.uri();
    }

    /** The users and tokens (for tests' provider states). */
    public UserStore store() {
        return store;
    }

    /** The requester that asks billing-service about subscriptions (its inbox, its stats). */
    public EventRequester<SubscriptionStatusRetrieved> billingRequests() {
        return billing;
    }

    /** The health checks served at {@code /health}. */
    public HealthRegistry health() {
        return health;
    }

    @Override
    public void close() {
        server.close();
        runtime.close();
    }

    /** Now, RFC 3339 in milliseconds, as every timestamp this service writes. */
    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private User find(String id) {
        return store.find(id).orElseThrow(() -> new Problem(404, "no such user", "no user " + id));
    }

    private ServerResponse create(ServerRequest r) {
        NewUser input = r.body(NewUser.class);
        User user = new User(store.nextId(), input.email(), input.name(), now());
        if (!store.put(user, input.password())) {
            throw new Problem(409, "email already registered", "another user has this email address");
        }
        publishOrUndo(
                "user.created",
                new Events.UserCreated(user.id(), user.email(), user.name(), user.createdAt()),
                user.id(),
                () -> store.remove(user.id()));
        return ServerResponse.created(user);
    }

    private ServerResponse update(ServerRequest r) {
        User before = find(r.variable("id"));
        Changes changes = r.body(Changes.class);
        Map<String, String> changed = new LinkedHashMap<>();
        if (changes.email() != null && !changes.email().equals(before.email())) {
            changed.put("email", changes.email());
        }
        if (changes.name() != null && !changes.name().equals(before.name())) {
            changed.put("name", changes.name());
        }
        if (changed.isEmpty()) {
            return ServerResponse.ok(before);
        }
        User after = new User(
                before.id(),
                changed.getOrDefault("email", before.email()),
                changed.getOrDefault("name", before.name()),
                before.createdAt());
        if (!store.update(after)) {
            throw new Problem(409, "email already registered", "another user has this email address");
        }
        publishOrUndo(
                "user.updated",
                new Events.UserUpdated(after.id(), changed, now()),
                after.id(),
                () -> store.update(before));
        return ServerResponse.ok(after);
    }

    private ServerResponse delete(ServerRequest r) {
        String id = r.variable("id");
        User user = find(id);
        publishOrUndo("user.deleted", new Events.UserDeleted(id, now()), id, () -> {});
        store.remove(user.id());
        return ServerResponse.noContent();
    }

    private ServerResponse subscription(ServerRequest r) throws InterruptedException {
        // passed on as asked: billing-service knows its subscribers (and answers "none" for anyone else), and this
        // instance may not hold the user (each sample instance keeps its users in memory)
        try {
            return ServerResponse.ok(billing.request(new SubscriptionInquiryReceived(r.variable("id")))
                    .get());
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof ReplyTimeoutException t) {
                LOG.warn("no answer from billing-service to {} within {}", t.correlationId(), t.timeout());
                throw new Problem(504, "billing-service did not answer", "no answer in " + t.timeout());
            }
            if (e.getCause() instanceof PublishException p) {
                LOG.warn("subscription.inquiry_received not published: {}", p.getMessage());
                throw new Problem(503, "events unavailable", "try again");
            }
            throw new IllegalStateException("asking billing-service failed", e.getCause());
        }
    }

    private ServerResponse login(ServerRequest r) {
        Login login = r.body(Login.class);
        return ServerResponse.ok(store.login(login.email(), login.password())
                .orElseThrow(() -> new Problem(401, "login failed", "wrong email or password")));
    }

    private ServerResponse refresh(ServerRequest r) {
        return ServerResponse.ok(store.refresh(r.body(Refresh.class).refreshToken())
                .orElseThrow(() -> new Problem(401, "refresh failed", "unknown or used refresh token")));
    }

    private void publishOrUndo(String type, Object payload, String userId, Runnable undo) {
        try {
            events.publish(type, payload, userId);
        } catch (PublishException e) {
            undo.run();
            LOG.warn("{} not published for {}; change undone: {}", type, userId, e.getMessage());
            throw new Problem(503, "events unavailable", "the change was not made; try again");
        } catch (RuntimeException e) { // a bug, such as an event breaking its contract: undone, then a 500
            undo.run();
            throw e;
        }
    }
}
