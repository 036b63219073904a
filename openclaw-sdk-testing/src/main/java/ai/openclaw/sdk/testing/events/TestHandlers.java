package ai.openclaw.sdk.testing.events;

import ai.openclaw.sdk.events.EventHandler;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Handlers that fail on purpose, to test what a service does with retries, redeliveries and dead letters.
 *
 * <pre>{@code
 * EventSubscriber.builder("billing-service", events)
 *         .on("user.created", UserCreated.class, TestHandlers.failingFirst(2, billing::startTrial))  // third try works
 *         .on("user.deleted", UserDeleted.class, TestHandlers.alwaysFailing("cannot cancel"))       // a poison event
 * }</pre>
 */
public final class TestHandlers {
    private TestHandlers() {}

    /**
     * A handler that throws {@code IllegalStateException("injected failure n of times")} on its first {@code times}
     * calls, then hands each event to {@code handler}.
     */
    public static <T> EventHandler<T> failingFirst(int times, EventHandler<T> handler) {
        Objects.requireNonNull(handler, "handler");
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, was " + times);
        }
        AtomicInteger calls = new AtomicInteger();
        return (payload, metadata) -> {
            int call = calls.incrementAndGet();
            if (call <= times) {
                throw new IllegalStateException("injected failure " + call + " of " + times);
            }
            handler.handle(payload, metadata);
        };
    }

    /** A handler that always throws {@code IllegalStateException(message)}. */
    public static <T> EventHandler<T> alwaysFailing(String message) {
        Objects.requireNonNull(message, "message");
        return (payload, metadata) -> {
            throw new IllegalStateException(message);
        };
    }
}
