package ai.openclaw.samples.notification.spring;

import ai.openclaw.samples.notification.Mailer;
import ai.openclaw.samples.notification.NotificationService;
import ai.openclaw.samples.notification.NotificationService.UserCreated;
import ai.openclaw.sdk.events.EventMetadata;
import ai.openclaw.sdk.spring.OpenClawEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The welcome for each new user: the same message the plain Java service sends, from a bean method. */
@Component
public class Welcomes {
    private static final Logger LOG = LoggerFactory.getLogger(Welcomes.class);

    private final Mailer mailer;

    public Welcomes(Mailer mailer) {
        this.mailer = mailer;
    }

    @OpenClawEventHandler("user.created")
    void welcome(UserCreated user, EventMetadata metadata) {
        mailer.send(NotificationService.welcomeOf(user));
        LOG.info(
                "user.created {}: welcome sent to user {} (Spring Boot)",
                metadata.envelope().id(),
                user.userId());
    }
}
