/** Internal: reading {@code services.yaml} documents into service definitions, and the catalog's cross-checks. */
@NullMarked
package ai.openclaw.sdk.internal.catalog;

import org.jspecify.annotations.NullMarked;
