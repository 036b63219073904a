package ai.openclaw.sdk.testing.pact;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points {@code openclaw.pact.dir} at a fresh directory for each test and restores it afterwards:
 * {@code @RegisterExtension final PactDirectory pacts = new PactDirectory();}, then {@code pacts.path()}.
 */
final class PactDirectory implements BeforeEachCallback, AfterEachCallback {
    private Path path;
    private String previous;

    Path path() {
        return path;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        path = Files.createTempDirectory("pacts");
        previous = System.getProperty("openclaw.pact.dir");
        System.setProperty("openclaw.pact.dir", path.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (previous == null) {
            System.clearProperty("openclaw.pact.dir");
        } else {
            System.setProperty("openclaw.pact.dir", previous);
        }
        try (var files = Files.walk(path)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
