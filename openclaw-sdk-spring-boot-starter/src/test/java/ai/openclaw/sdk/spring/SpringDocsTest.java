package ai.openclaw.sdk.spring;

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
 * docs/spring-boot.md shows the application SpringBootStarterIT runs: each class of the example application (from its
 * first annotation or declaration, imports and Javadoc aside) is one of the page's {@code java} blocks, and its
 * application.yml the page's {@code yaml} block.
 */
class SpringDocsTest {
    private static final Path PAGE = Path.of("../docs/spring-boot.md");
    private static final Path APP = Path.of("src/test/java/ai/openclaw/sdk/spring/app");

    @Test
    void thePageShowsTheExampleTheBuildRuns() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        List<String> java = blocks(page, "java");
        int classes = 0;
        try (var files = Files.list(APP)) {
            for (Path file : files.sorted().toList()) {
                String declaration = declaration(Files.readString(file, StandardCharsets.UTF_8));
                assertThat(java).as(PAGE + " shows " + file.getFileName()).contains(declaration);
                classes++;
            }
        }
        assertThat(classes).isEqualTo(4);
        String yaml = Files.readString(Path.of("src/test/resources/application.yml"), StandardCharsets.UTF_8);
        assertThat(blocks(page, "yaml")).contains(yaml.strip());
    }

    private static List<String> blocks(String page, String language) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(page);
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }

    private static String declaration(String source) {
        String[] lines = source.split("\\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("@") || lines[i].startsWith("public ")) {
                return String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length))
                        .strip();
            }
        }
        throw new AssertionError("no declaration in the source");
    }
}
