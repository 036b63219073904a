/**
 * The service catalog: {@code .openclaw/services.yaml}, loaded, validated with precise errors, and queried.
 *
 * <pre>{@code
 * ServiceCatalog catalog = ServiceCatalog.load(Path.of(".openclaw/services.yaml"));
 * catalog.dependentsOf("user-service");     // who depends on it, and why
 * catalog.servicesOwnedBy("team-payments"); // what a team owns
 * catalog.eventFlow("user.deleted");        // what happens when a user is deleted
 * catalog.impactOf("user-service");         // who is affected by a change, and whom to tell
 * }</pre>
 *
 * <p>{@link ai.openclaw.sdk.catalog.CatalogLoader} reads one or several files (merged), reports every problem as a
 * {@link ai.openclaw.sdk.Finding} with {@code file:line:column} and YAML path, and yields an immutable
 * {@link ai.openclaw.sdk.catalog.ServiceCatalog}. The format, its extensions and the finding codes are documented in
 * {@code docs/catalog.md}.
 */
@NullMarked
package ai.openclaw.sdk.catalog;

import org.jspecify.annotations.NullMarked;
