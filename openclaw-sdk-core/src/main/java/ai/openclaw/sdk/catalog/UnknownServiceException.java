package ai.openclaw.sdk.catalog;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A query named a service the catalog neither declares nor references.
 *
 * <pre>{@code
 * try {
 *     catalog.ownerOf("user-servce");
 * } catch (UnknownServiceException e) {
 *     e.suggestion(); // Optional[user-service]
 * }
 * }</pre>
 */
public final class UnknownServiceException extends CatalogException {
    private static final long serialVersionUID = 1L;

    private final String serviceName;
    private final @Nullable String suggestion;

    UnknownServiceException(String serviceName, @Nullable String suggestion) {
        super("no service '" + serviceName + "' in the catalog"
                + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
        this.serviceName = serviceName;
        this.suggestion = suggestion;
    }

    /** The name that was asked for. */
    public String serviceName() {
        return serviceName;
    }

    /** The closest known name, when one is close. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
