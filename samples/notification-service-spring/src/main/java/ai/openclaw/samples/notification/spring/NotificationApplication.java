package ai.openclaw.samples.notification.spring;

import ai.openclaw.samples.notification.Mailer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * notification-service as a Spring Boot application: the starter builds its runtime from application.yml, runs
 * {@link Welcomes} on every {@code user.created}, and shows its health in Actuator
 * ({@code /actuator/health/liveness}, {@code /actuator/health/readiness}).
 *
 * <pre>{@code
 * ConfigurableApplicationContext app = NotificationApplication.start(new Outbox(),
 *         "--openclaw.redis.url=redis://127.0.0.1:6379", "--openclaw.catalog=.openclaw/services.yaml");
 * }</pre>
 */
@SpringBootApplication
public class NotificationApplication {
    /**
     * Starts it.
     *
     * @param mailer where the welcomes go (a bean of the context)
     * @param args Spring Boot arguments ({@code --openclaw.redis.url=...}); application.yml has the rest
     */
    public static ConfigurableApplicationContext start(Mailer mailer, String... args) {
        return new SpringApplicationBuilder(NotificationApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("mailer", mailer))
                .run(args);
    }

    /** Runs it with an outbox that prints what it sends. */
    public static void main(String[] args) {
        start(new ai.openclaw.samples.notification.Outbox(m -> System.out.println("mail to " + m.to())), args);
    }
}
