package ai.openclaw.sdk.testing.kit;

import ai.openclaw.sdk.events.memory.InMemoryTransport;
import ai.openclaw.sdk.transport.EventTransport;

/** The in-memory transport passes the transport conformance kit. */
class InMemoryTransportConformanceTest extends EventTransportConformanceKit {
    @Override
    protected EventTransport newTransport() {
        return new InMemoryTransport();
    }

    @Override
    protected void trimAll(String stream) {
        ((InMemoryTransport) transport).trimAll(stream);
    }
}
