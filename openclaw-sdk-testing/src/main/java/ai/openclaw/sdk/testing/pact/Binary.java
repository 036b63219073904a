package ai.openclaw.sdk.testing.pact;

/** Binary body content given to the DSL: written base64-encoded. */
record Binary(byte[] bytes) {}
