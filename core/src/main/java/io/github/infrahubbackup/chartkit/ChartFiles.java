package io.github.infrahubbackup.chartkit;

import io.github.infrahubbackup.chartkit.engine.render.HelmFiles;
import io.github.infrahubbackup.chartkit.engine.schema.MovedKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart's files as this jar bundles them: core/pom.xml copies {@code templates/chart},
 * {@code templates/pebble} and {@code schema} under {@link #ROOT}, so that each fact keeps one
 * source in the repository. The folder's name is not a Java package name, so the module does not
 * encapsulate the files: Pebble's classpath loader reads the templates on the module path too.
 */
final class ChartFiles {
    static final String ROOT = "io/github/infrahubbackup/chartkit/bundled-chart/";
    static final String CHART_YAML = "chart/Chart.yaml";
    static final String VALUES_YAML = "chart/values.yaml";
    static final String SCHEMA = "schema/values.schema.json";
    static final String CHART_KIT_YAML = "chart/chart-kit.yaml";
    /** The classpath folder of the Pebble templates. */
    static final String TEMPLATES = ROOT + "pebble";

    private ChartFiles() {
    }

    /** The chart's files that its templates read ({@code .Files.Get}): its rules, the tool's command line and which value renders each flag. */
    static HelmFiles templateFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("rules.yaml", "tool.yaml", "arguments.yaml")) {
            files.put(name, read("chart/" + name));
        }
        return new HelmFiles(files);
    }

    static String read(String name) {
        try (InputStream in = ChartFiles.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the chart resource " + ROOT + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the library needs to know of the chart beyond Helm's files (chart-kit.yaml).
     *
     * @param rulesTemplate the template that holds the chart's own rules and renders nothing
     * @param movedKeys     keys the chart once read elsewhere, for the hints of unknown keys
     */
    record ChartKit(String rulesTemplate, List<MovedKey> movedKeys) {
        static ChartKit parse(String yaml) {
            if (!(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml) instanceof Map<?, ?> file)
                    || !(file.get("rulesTemplate") instanceof String rulesTemplate)) {
                throw new IllegalArgumentException("chart-kit.yaml needs a rulesTemplate, a string");
            }
            List<MovedKey> movedKeys = new ArrayList<>();
            if (file.get("movedKeys") instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (!(entry instanceof Map<?, ?> moved) || !(moved.get("from") instanceof String from)
                            || !(moved.get("to") instanceof String to) || !(moved.get("why") instanceof String why)) {
                        throw new IllegalArgumentException("each of chart-kit.yaml's movedKeys needs from, to and why, all strings: " + entry);
                    }
                    movedKeys.add(new MovedKey(from, to, why));
                }
            }
            return new ChartKit(rulesTemplate, List.copyOf(movedKeys));
        }
    }
}
