package ai.openclaw.sdk.spring.app;

import ai.openclaw.sdk.events.EventMetadata;
import ai.openclaw.sdk.spring.OpenClawEventHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** Starts a trial for each user created: an event handler on a bean method. */
@Component
public class Trials {
    public record UserCreated(String userId, String email, String name, String createdAt) {}

    private final List<String> started = new CopyOnWriteArrayList<>();

    @OpenClawEventHandler("user.created")
    void startTrial(UserCreated event, EventMetadata metadata) {
        if (event.email().endsWith("@bounce.invalid")) {
            throw new IllegalStateException("no trial for an address that bounces");
        }
        started.add(event.userId());
    }

    public List<String> started() {
        return started;
    }
}
