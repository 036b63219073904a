package ai.openclaw.sdk.testing.kit;

import ai.openclaw.sdk.events.memory.InMemoryTransport;
import ai.openclaw.sdk.testing.events.TestTransport;
import ai.openclaw.sdk.transport.EventTransport;

/** The test transport (recording over the in-memory one) passes the same conformance kit as the real transports. */
class TestTransportConformanceTest extends EventTransportConformanceKit {
    private InMemoryTransport memory;

    @Override
    protected EventTransport newTransport() {
        memory = new InMemoryTransport();
        return TestTransport.wrapping(memory);
    }

    @Override
    protected void trimAll(String stream) {
        memory.trimAll(stream);
    }
}
