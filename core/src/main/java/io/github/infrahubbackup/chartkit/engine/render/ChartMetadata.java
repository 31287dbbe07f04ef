package io.github.infrahubbackup.chartkit.engine.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The fields of Chart.yaml that templates read as {@code .Chart}; absent optional fields are "". */
public record ChartMetadata(String name, String version, String appVersion, String description, String apiVersion,
                            String type) {

    public static ChartMetadata parse(String chartYaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(chartYaml);
        if (!(loaded instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)
                || !(map.get("version") instanceof String version)) {
            throw new IllegalArgumentException("Chart.yaml needs a name and a version, both strings");
        }
        return new ChartMetadata(name, version, text(map.get("appVersion")), text(map.get("description")),
                text(map.get("apiVersion")), text(map.get("type")));
    }

    private static String text(Object field) {
        return field == null ? "" : field.toString();
    }

    /** {@code .Chart} as Helm exposes it to templates. */
    Map<String, Object> asTemplateObject() {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("Name", name);
        chart.put("Version", version);
        chart.put("AppVersion", appVersion);
        chart.put("Description", description);
        chart.put("APIVersion", apiVersion);
        chart.put("Type", type);
        return chart;
    }
}
