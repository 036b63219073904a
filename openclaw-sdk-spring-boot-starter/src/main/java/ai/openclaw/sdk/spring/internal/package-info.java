/** The starter's implementation: not API, changed without notice. */
@NullMarked
package ai.openclaw.sdk.spring.internal;

import org.jspecify.annotations.NullMarked;
