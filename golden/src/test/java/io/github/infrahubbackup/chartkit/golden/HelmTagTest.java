package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.testing.HelmTags;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every test class of the golden module that runs real Helm is tagged helm, so that the quick loop leaves it out. */
class HelmTagTest {
    @Test
    void everyTestThatRunsHelmIsTaggedHelm() {
        HelmTags.Finding finding = HelmTags.scan(HelmTagTest.class);
        assertTrue(finding.helmTests().containsAll(Set.of(
                "io.github.infrahubbackup.chartkit.golden.HelmParityTest",
                "io.github.infrahubbackup.chartkit.golden.DifferentialTest")), finding.helmTests().toString());
        assertEquals(Set.of(), finding.untagged(), "test classes that run Helm without @Tag(\"helm\")");
    }
}
