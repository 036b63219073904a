package ai.openclaw.sdk.internal.source;

import ai.openclaw.sdk.SourceLocation;

/** A document that is not well-formed YAML or JSON, or that breaks a reading limit; carries where. */
public final class SourceSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final SourceLocation location;
    private final String problem;

    SourceSyntaxException(SourceLocation location, String problem) {
        super(location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    /** Where the reader stopped. */
    public SourceLocation location() {
        return location;
    }

    /** What was wrong, without the location. */
    public String problem() {
        return problem;
    }
}
