package ai.openclaw.sdk.testing.pact;

/** The Pact specification version a pact file is written in. */
public enum PactVersion {
    /** Version 3: HTTP interactions, or (in a file of their own) messages. */
    V3("3.0.0"),
    /** Version 4: HTTP and message interactions in one file, typed ({@code Synchronous/HTTP}, ...). The default. */
    V4("4.0");

    private final String text;

    PactVersion(String text) {
        this.text = text;
    }

    /** As {@code metadata.pactSpecification.version} writes it. */
    public String text() {
        return text;
    }
}
