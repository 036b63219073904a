/** Internal: compiling contract schemas, reading OpenAPI documents, mapping validator errors to violations. */
@NullMarked
package ai.openclaw.sdk.internal.contract;

import org.jspecify.annotations.NullMarked;
