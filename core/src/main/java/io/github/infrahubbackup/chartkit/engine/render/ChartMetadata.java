package io.github.infrahubbackup.chartkit.engine.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The fields of Chart.yaml that templates read as {@code .Chart}. */
public record ChartMetadata(String name, String version, String appVersion, String description) {

    public static ChartMetadata parse(String chartYaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(chartYaml);
        if (!(loaded instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)
                || !(map.get("version") instanceof String version)) {
            throw new IllegalArgumentException("Chart.yaml needs a name and a version, both strings");
        }
        Object appVersion = map.get("appVersion");
        Object description = map.get("description");
        return new ChartMetadata(name, version, appVersion == null ? "" : appVersion.toString(),
                description == null ? "" : description.toString());
    }

    /** {@code .Chart} as Helm exposes it to templates. */
    Map<String, Object> asTemplateObject() {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("Name", name);
        chart.put("Version", version);
        chart.put("AppVersion", appVersion);
        chart.put("Description", description);
        chart.put("APIVersion", "v2");
        chart.put("Type", "application");
        return chart;
    }
}
