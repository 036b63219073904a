package ai.openclaw.sdk.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An edge of the catalog's dependency graph: {@code from} depends on {@code to}, for one or more reasons.
 *
 * <pre>{@code
 * for (Dependency d : catalog.dependentsOf("user-service")) {
 *     System.out.println(d.from() + " " + d.kinds() + " " + d.events());
 *     // billing-service [EVENTS] [user.created, user.deleted]
 * }
 * }</pre>
 *
 * @param from the dependent service
 * @param to the service depended upon
 * @param kinds why: declared, HTTP calls, subscribed events
 * @param events for {@link DependencyKind#EVENTS}, the event types {@code from} receives from {@code to}, sorted
 */
public record Dependency(String from, String to, Set<DependencyKind> kinds, Set<String> events) {
    /** Copies the sets. */
    public Dependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        kinds = Collections.unmodifiableSet(
                kinds.isEmpty() ? EnumSet.noneOf(DependencyKind.class) : EnumSet.copyOf(kinds));
        events = Collections.unmodifiableSet(new TreeSet<>(events));
    }

    /** Whether this is a synchronous dependency (declared, or HTTP calls) rather than only through events. */
    public boolean isSynchronous() {
        return kinds.contains(DependencyKind.DECLARED) || kinds.contains(DependencyKind.HTTP);
    }
}
