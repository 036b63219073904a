package ai.openclaw.sdk;

/** How serious a {@link Finding} is. */
public enum Severity {
    /** The catalog cannot be used as it is. */
    ERROR,
    /** The catalog loads, but something is probably not what its authors meant. */
    WARNING
}
