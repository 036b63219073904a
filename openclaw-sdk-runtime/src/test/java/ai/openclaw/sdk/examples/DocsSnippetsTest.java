package ai.openclaw.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The docs show the code the build runs: every region of {@link WaysInExamplesTest} marked {@code // [docs/page.md]}
 * appears in that page, in a {@code java} block, its lines in order (indentation aside).
 */
class DocsSnippetsTest {
    private static final Path SOURCE = Path.of("src/test/java/ai/openclaw/sdk/examples/WaysInExamplesTest.java");
    private static final Pattern REGION =
            Pattern.compile("// \\[(docs/[a-z-]+\\.md)]\\n(.*?)\\n\\s*// \\[end]", Pattern.DOTALL);

    private static String normalised(String code) {
        List<String> lines = new ArrayList<>();
        for (String line : code.split("\\n")) {
            String t = line.strip();
            if (!t.isEmpty()) {
                lines.add(t);
            }
        }
        return String.join("\n", lines);
    }

    @Test
    void everyMarkedRegionIsInItsPage() throws Exception {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        Matcher m = REGION.matcher(source);
        int regions = 0;
        while (m.find()) {
            regions++;
            Path page = Path.of("..").resolve(m.group(1));
            String doc = Files.readString(page, StandardCharsets.UTF_8);
            List<String> blocks = new ArrayList<>();
            Matcher b = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
            while (b.find()) {
                blocks.add(normalised(b.group(1)));
            }
            String region = normalised(m.group(2));
            assertThat(blocks)
                    .as(m.group(1) + " shows the example the build runs:\n" + region)
                    .anyMatch(block -> block.contains(region));
        }
        assertThat(regions).isEqualTo(3);
    }
}
