/**
 * JSON mapping: {@link ai.openclaw.sdk.json.JsonMappers}, the one configuration the SDK maps objects with ({@code
 * java.time} as ISO-8601 strings, {@code Optional}, records, unknown properties ignored), and that you can apply to a
 * mapper of your own.
 */
@NullMarked
package ai.openclaw.sdk.json;

import org.jspecify.annotations.NullMarked;
