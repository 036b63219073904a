/** Internal: a minimal RESP client for administering test Redis servers. */
@NullMarked
package ai.openclaw.sdk.testing.internal;

import org.jspecify.annotations.NullMarked;
