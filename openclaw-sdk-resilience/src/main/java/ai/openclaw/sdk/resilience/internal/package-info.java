/** Implementation details of the resilience module; not API, may change in any release. */
@NullMarked
package ai.openclaw.sdk.resilience.internal;

import org.jspecify.annotations.NullMarked;
