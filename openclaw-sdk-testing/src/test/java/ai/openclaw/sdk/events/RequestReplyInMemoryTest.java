package ai.openclaw.sdk.events;

import ai.openclaw.sdk.events.memory.InMemoryTransport;
import ai.openclaw.sdk.transport.EventTransport;

/** Request-reply over events on the in-memory transport: the same cases as on Redis, with the same outcomes. */
class RequestReplyInMemoryTest extends RequestReplyContract {
    private final InMemoryTransport transport = new InMemoryTransport();

    @Override
    EventTransport transport() {
        return transport;
    }
}
