package io.github.infrahubbackup.chartkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.testing.HelmTags;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every test class of core that runs real Helm is tagged helm, so that the quick loop leaves it out. */
class HelmTagTest {
    @Test
    void everyTestThatRunsHelmIsTaggedHelm() {
        HelmTags.Finding finding = HelmTags.scan(HelmTagTest.class);
        // The scan sees Helm's users at all: through helm-java directly, through HelmChart, through a helper.
        assertTrue(finding.helmTests().containsAll(Set.of(
                "io.github.infrahubbackup.chartkit.engine.values.ValuesMergeHelmParityTest",
                "io.github.infrahubbackup.chartkit.engine.schema.SchemaDocumentTest$RealHelm",
                "io.github.infrahubbackup.chartkit.engine.yaml.GoYamlHelmPropertyTest")), finding.helmTests().toString());
        assertEquals(Set.of(), finding.untagged(), "test classes that run Helm without @Tag(\"helm\")");
    }
}
