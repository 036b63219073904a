package com.example.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JUnit that runs these tests is the project's own: the SDK brings none. */
class JUnitVersionTest {
    @Test
    void theProjectsJUnitRuns() {
        String expected = System.getProperty("expected.junit");
        assertThat(Test.class.getPackage().getImplementationVersion()).startsWith(expected);
        assertThat(org.junit.platform.engine.TestEngine.class.getPackage().getImplementationVersion())
                .as("the platform matches Jupiter")
                .isNotNull();
    }
}
