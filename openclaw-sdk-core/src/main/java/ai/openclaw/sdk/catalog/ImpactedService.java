package ai.openclaw.sdk.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service affected by a change to another, as {@link ServiceCatalog#impactOf(String)} finds it.
 *
 * <pre>{@code
 * for (ImpactedService s : catalog.impactOf("user-service")) {
 *     System.out.println(s.name() + " (" + s.owner().orElse("?") + ") via " + String.join(" -> ", s.path()));
 * }
 * }</pre>
 *
 * @param name the affected service
 * @param distance how many dependency edges away from the changed service: 1 for a direct dependent
 * @param path a shortest chain from the changed service to this one, each depending on the one before
 * @param owner the affected service's owner, for whom to tell; empty when it is referenced but not declared
 */
public record ImpactedService(String name, int distance, List<String> path, Optional<String> owner) {
    /** Copies the path. */
    public ImpactedService {
        Objects.requireNonNull(name, "name");
        path = List.copyOf(path);
        Objects.requireNonNull(owner, "owner");
    }
}
