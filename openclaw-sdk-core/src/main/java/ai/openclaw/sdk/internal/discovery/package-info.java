/** Internal: the built-in instance sources and the per-service instance pools of discovery. */
@NullMarked
package ai.openclaw.sdk.internal.discovery;

import org.jspecify.annotations.NullMarked;
