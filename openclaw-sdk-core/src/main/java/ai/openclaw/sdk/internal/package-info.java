/**
 * Implementation details of the OpenClaw SDK. Nothing in {@code ai.openclaw.sdk.internal} or its sub-packages is API:
 * it may change or disappear in any release, and it is left out of the published Javadoc.
 */
@NullMarked
package ai.openclaw.sdk.internal;

import org.jspecify.annotations.NullMarked;
