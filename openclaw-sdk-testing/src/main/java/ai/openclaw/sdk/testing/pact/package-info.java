/**
 * Consumer-driven contract tests in the Pact specification's format (V4, or V3 on request).
 *
 * <ul>
 *   <li>Consumer side: {@link ai.openclaw.sdk.testing.pact.ConsumerPact} (interactions and messages, with {@link
 *       ai.openclaw.sdk.testing.pact.PactMatchers}), {@link ai.openclaw.sdk.testing.pact.MockProvider} (a WireMock
 *       provider that answers the pact's responses and fails on unexpected or missing requests), and {@link
 *       ai.openclaw.sdk.testing.pact.ConsumerPact#runMessage} for events; on success the pact file is written.
 *   <li>Provider side: {@link ai.openclaw.sdk.testing.pact.PactVerifier} replays the pacts naming a provider against
 *       it, with {@link ai.openclaw.sdk.testing.pact.State} methods for provider states and {@link
 *       ai.openclaw.sdk.testing.pact.MessageProducer} methods for messages.
 * </ul>
 *
 * <p>Matching follows the specification: equality unless a rule says otherwise, rules chosen by path weight and
 * cascading, no unexpected keys or query parameters in requests, extra keys and headers allowed in responses and
 * messages. See {@code docs/testing.md}.
 */
@NullMarked
package ai.openclaw.sdk.testing.pact;

import org.jspecify.annotations.NullMarked;
