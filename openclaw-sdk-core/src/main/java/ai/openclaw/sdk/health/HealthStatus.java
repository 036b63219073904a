package ai.openclaw.sdk.health;

/** The status of a check, a group or a whole service, as the MicroProfile Health wire format spells it. */
public enum HealthStatus {
    /** Working. */
    UP,
    /** Not working: the endpoint answers 503. */
    DOWN
}
