package io.github.infrahubbackup.chartkit.generate;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files generated from the chart's annotated values.yaml (with schema/definitions.yaml and
 * templates/chart/rules.yaml): the values schema, the chart's copy of it, and the values reference
 * of the project's README and of the chart's own README. {@link #main} writes them: {@value #COMMAND}. {@code GeneratedFilesTest} fails when a
 * committed file differs from what this would write.
 */
public final class GeneratedFiles {
    /** The one command that regenerates the files. */
    public static final String COMMAND = "mvn -B -q -Pgenerate -pl core process-test-classes";
    static final String README_START = "<!-- values reference: generated from templates/chart/values.yaml by " + COMMAND + " -->";
    static final String README_END = "<!-- end of values reference -->";

    private GeneratedFiles() {
    }

    public static void main(String[] args) throws IOException {
        for (Map.Entry<Path, String> file : expected(ProjectFolder.ROOT).entrySet()) {
            if (!file.getValue().equals(Files.exists(file.getKey()) ? Files.readString(file.getKey(), StandardCharsets.UTF_8) : null)) {
                Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
                System.out.println("wrote " + ProjectFolder.ROOT.relativize(file.getKey()));
            }
        }
    }

    /** What each generated file must hold, by its path. */
    static Map<Path, String> expected(Path root) {
        Path schemaFolder = root.resolve("schema");
        Path chart = root.resolve("templates/chart");
        String valuesText = read(chart.resolve("values.yaml"));
        Map<String, Object> values = ValuesSchema.map(ValuesAnnotations.yaml().load(valuesText), "values.yaml");
        Map<String, Object> schema = ValuesSchema.build(values, ValuesAnnotations.read("values.yaml", valuesText),
                ValuesSchema.map(ValuesAnnotations.yaml().load(read(schemaFolder.resolve("definitions.yaml"))), "definitions.yaml"),
                ValuesSchema.map(ValuesAnnotations.yaml().load(read(chart.resolve("rules.yaml"))), "rules.yaml"),
                name -> dataLines(schemaFolder.resolve(name)));
        String json = JsonText.write(schema);
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(schemaFolder.resolve("values.schema.json"), json);
        files.put(chart.resolve("values.schema.json"), json);
        // The project's README and the chart's own (what helm show readme prints) carry the same table.
        String table = ValuesTable.of(schema);
        for (Path readme : List.of(root.resolve("README.md"), chart.resolve("README.md"))) {
            files.put(readme, withTable(read(readme), table));
        }
        return files;
    }

    /** The README with the text between its values-reference markers replaced. */
    static String withTable(String readme, String table) {
        int start = readme.indexOf("<!-- values reference");
        int end = readme.indexOf(README_END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a README has no \"<!-- values reference ... -->\" ... \"" + README_END + "\" markers");
        }
        return readme.substring(0, start) + README_START + "\n" + table + readme.substring(end);
    }

    /** A data file's lines, without blank lines and # comments. */
    private static List<String> dataLines(Path file) {
        return read(file).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
