package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.contract.AcceptedVersions;
import ai.openclaw.sdk.events.EventHandler;
import org.jspecify.annotations.Nullable;

/**
 * A handler of an event type: the versions it accepts (all when null), the payload type it wants, the handler.
 *
 * @param versions the versions it accepts, or null for all
 * @param type the payload type
 * @param handler the handler
 * @param <T> the payload type
 */
public record Registration<T>(@Nullable AcceptedVersions versions, Class<T> type, EventHandler<T> handler) {}
