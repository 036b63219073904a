/**
 * The system's gateway from the catalog and discovery ({@link ai.openclaw.sdk.gateway.NginxGateway}: an nginx
 * configuration with an upstream per service and a location per endpoint prefix).
 *
 * <pre>{@code
 * String conf = NginxGateway.builder(catalog, discovery).listen(8080).build().render();
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.gateway;

import org.jspecify.annotations.NullMarked;
