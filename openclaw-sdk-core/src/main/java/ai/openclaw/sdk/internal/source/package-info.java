/** Internal: YAML and JSON documents read into Jackson trees that remember where each value stood in the file. */
@NullMarked
package ai.openclaw.sdk.internal.source;

import org.jspecify.annotations.NullMarked;
