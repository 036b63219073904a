/** Internal: event ids and the subscriber's dispatching. */
@NullMarked
package ai.openclaw.sdk.events.internal;

import org.jspecify.annotations.NullMarked;
