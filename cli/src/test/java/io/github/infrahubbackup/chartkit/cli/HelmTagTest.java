package io.github.infrahubbackup.chartkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infrahubbackup.chartkit.testing.HelmTags;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every test class of the CLI that runs real Helm is tagged helm, so that the quick loop leaves it out. */
class HelmTagTest {
    @Test
    void everyTestThatRunsHelmIsTaggedHelm() {
        assertEquals(Set.of(), HelmTags.scan(HelmTagTest.class).untagged(), "test classes that run Helm without @Tag(\"helm\")");
    }
}
