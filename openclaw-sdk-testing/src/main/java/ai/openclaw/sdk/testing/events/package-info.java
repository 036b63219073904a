/**
 * Fakes for the event tests of services: {@link ai.openclaw.sdk.testing.events.TestTransport} (what was published,
 * waiting until it was handled, failures on demand) and {@link ai.openclaw.sdk.testing.events.TestHandlers}.
 */
@NullMarked
package ai.openclaw.sdk.testing.events;

import org.jspecify.annotations.NullMarked;
