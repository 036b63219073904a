/**
 * Stub services for tests: {@link ai.openclaw.sdk.testing.stub.StubService} runs a WireMock server in place of a
 * catalog service, stubbed from its OpenAPI contract, placed in discovery, and checking each request it receives
 * against the contract.
 */
@NullMarked
package ai.openclaw.sdk.testing.stub;

import org.jspecify.annotations.NullMarked;
