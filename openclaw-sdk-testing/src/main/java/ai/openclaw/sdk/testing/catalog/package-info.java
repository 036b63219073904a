/** Catalogs for tests: {@link ai.openclaw.sdk.testing.catalog.TestCatalog}, built in code or the service's own. */
@NullMarked
package ai.openclaw.sdk.testing.catalog;

import org.jspecify.annotations.NullMarked;
