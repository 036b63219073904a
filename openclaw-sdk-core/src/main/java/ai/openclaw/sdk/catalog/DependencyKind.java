package ai.openclaw.sdk.catalog;

/** Why one service depends on another. */
public enum DependencyKind {
    /** Listed under {@code dependencies}. */
    DECLARED,
    /** A {@code type: http} communication entry targets it. */
    HTTP,
    /** It publishes an event type the dependent subscribes to. */
    EVENTS
}
