package io.github.infrahubbackup.chartkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library is a module whose only exported package is the API: the engine packages are closed
 * to users on the module path. Surefire runs these tests inside the module (on the module path),
 * so the chart below also loads its bundled files and templates as a modular user's would.
 */
class ModuleBoundaryTest {

    @Test
    void onlyTheApiPackageIsExported() {
        Module module = InfrahubBackupChart.class.getModule();
        assertTrue(module.isNamed(), "the tests run inside the module io.github.infrahubbackup.chartkit");
        ModuleDescriptor descriptor = module.getDescriptor();
        assertEquals("io.github.infrahubbackup.chartkit", descriptor.name());
        Set<String> exported = descriptor.exports().stream().filter(exports -> !exports.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertEquals(Set.of("io.github.infrahubbackup.chartkit"), exported);
        // The one qualified export: Pebble calls .Files.Get on the renderer's HelmFiles, as a template does.
        Set<String> toPebbleOnly = descriptor.exports().stream().filter(ModuleDescriptor.Exports::isQualified)
                .map(exports -> exports.source() + " to " + exports.targets()).collect(Collectors.toSet());
        assertEquals(Set.of("io.github.infrahubbackup.chartkit.engine.render to [io.pebbletemplates]"), toPebbleOnly);
        assertTrue(descriptor.opens().isEmpty(), "no package is open to reflection");
    }

    @Test
    void theBundledChartLoadsAndRendersInsideTheModule() {
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        Rendering rendering = chart.render(Values.none(), Release.named("prod").in("infrahub"));
        assertTrue(rendering.yaml().contains("kind: ServiceAccount"), rendering.yaml());
    }
}
