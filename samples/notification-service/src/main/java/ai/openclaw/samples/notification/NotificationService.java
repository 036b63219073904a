package ai.openclaw.samples.notification;

import ai.openclaw.samples.support.SampleEnvironment;
import ai.openclaw.sdk.events.EventMetadata;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.health.HealthRegistry;
import ai.openclaw.sdk.health.HealthServer;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * notification-service: a welcome message for each new user, on the SDK.
 *
 * <pre>{@code
 * Outbox outbox = new Outbox();
 * try (NotificationService notifications = NotificationService.start(env, 0, outbox)) {
 *     // a user.created event later: outbox.sent() holds "Welcome, Ada!"
 * }
 * }</pre>
 *
 * <p>A message the mailer cannot send is retried in place, then redelivered, then dead-lettered with the mailer's
 * reason ({@code user.created.dlq}): an address that refuses mail never blocks the welcomes behind it. Health:
 * liveness and readiness of the subscriber, and Redis, on the health server's {@code /health}.
 */
public final class NotificationService implements AutoCloseable {
    /** The service's catalog name. */
    public static final String NAME = "notification-service";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    /** {@code user.created} as notification-service reads it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserCreated(String userId, String email, String name) {}

    private final Mailer mailer;
    private final ServiceRuntime runtime;
    private final EventSubscriber subscriber;
    private final HealthRegistry health;
    private final HealthServer server;
    private boolean closed;

    private NotificationService(SampleEnvironment env, int port, Mailer mailer) {
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.runtime = env.runtime(NAME);
        this.subscriber = runtime.subscriber(s -> s.on("user.created", UserCreated.class, this::welcome));
        this.health = runtime.health();
        this.server = HealthServer.builder(health).host("127.0.0.1").port(port).start();
        subscriber.start();
        LOG.info("{} health on {}", NAME, server.uri());
    }

    /**
     * Starts notification-service: its subscriber and its health server.
     *
     * @param env the environment
     * @param port the health server's port on loopback; 0 for any free one
     * @param mailer where messages go
     */
    public static NotificationService start(SampleEnvironment env, int port, Mailer mailer) {
        return new NotificationService(env, port, mailer);
    }

    /** The health server's base URL ({@code /health} below it). */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The health checks. */
    public HealthRegistry health() {
        return health;
    }

    /** The subscriber (its stats, its dead-letter streams). */
    public EventSubscriber subscriber() {
        return subscriber;
    }

    /** Stops reading events (in-flight ones finish), then the health server; closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscriber.close();
        server.close();
        runtime.close();
    }

    /** The welcome a new user gets (the Spring Boot notification-service sends the same). */
    public static Mailer.Message welcomeOf(UserCreated user) {
        return new Mailer.Message(
                user.email(),
                "Welcome, " + user.name() + "!",
                "Hello " + user.name() + ",\n\nyour account " + user.userId()
                        + " is ready, and so is your 14-day trial.\n");
    }

    void welcome(UserCreated user, EventMetadata meta) {
        mailer.send(welcomeOf(user));
        LOG.info(
                "{} {}: welcome sent to user {}",
                meta.envelope().type(),
                meta.envelope().id(),
                user.userId());
    }
}
