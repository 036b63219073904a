package ai.openclaw.sdk.health;

/**
 * The probe a check belongs to, after Kubernetes' probes and MicroProfile Health's procedures.
 *
 * <ul>
 *   <li>{@link #LIVENESS}: is the process able to work at all? A DOWN liveness gets the process restarted, so only a
 *       fault a restart fixes belongs here (a dead consumer loop, a deadlock), never a dependency that is down.
 *   <li>{@link #READINESS}: should traffic come here now? Dependencies (Redis, an open circuit to a critical service,
 *       a consumer lagging far behind) belong here.
 *   <li>{@link #STARTUP}: has the service finished starting (catalog loaded, contracts compiled, groups created)?
 * </ul>
 */
public enum HealthGroup {
    /** {@code /health/live}. */
    LIVENESS("live"),
    /** {@code /health/ready}. */
    READINESS("ready"),
    /** {@code /health/started}. */
    STARTUP("started");

    private final String path;

    HealthGroup(String path) {
        this.path = path;
    }

    /** The last path segment of the group's endpoint: {@code live}, {@code ready} or {@code started}. */
    public String path() {
        return path;
    }
}
