package com.example.platform;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.Rendering;
import io.github.infrahubbackup.chartkit.Validation;
import io.github.infrahubbackup.chartkit.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Renders every values file of a folder to a manifest file: {@code values/prod.yaml} becomes
 * {@code manifests/prod.yaml}, ready for a GitOps repository. Stops at the first invalid file.
 *
 * <p>Usage: {@code RenderValues [VALUES_DIR [OUTPUT_DIR]]} (defaults: {@code values}, {@code manifests}).
 */
public final class RenderValues {
    public static void main(String[] args) throws IOException {
        Path valuesDir = Path.of(args.length > 0 ? args[0] : "values");
        Path outputDir = Path.of(args.length > 1 ? args[1] : "manifests");
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        Files.createDirectories(outputDir);
        for (Path file : yamlFiles(valuesDir)) {
            Values values = Values.builder().file(file).build();
            Validation validation = chart.validate(values);
            if (!validation.isValid()) {
                System.err.println(validation);
                System.exit(1);
            }
            Rendering rendering = chart.render(validation, Release.named("prod").in("infrahub"));
            Path target = outputDir.resolve(file.getFileName());
            Files.writeString(target, rendering.yaml());
            System.out.println(file + " -> " + target + " (" + rendering.manifests().size() + " objects)");
        }
    }

    private static List<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
