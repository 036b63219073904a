/** Internal: the commands of the {@code openclaw} command line and their output. */
@NullMarked
package ai.openclaw.sdk.cli.internal;

import org.jspecify.annotations.NullMarked;
