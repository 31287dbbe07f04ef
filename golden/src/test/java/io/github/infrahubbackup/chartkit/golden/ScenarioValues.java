package io.github.infrahubbackup.chartkit.golden;

import io.github.infrahubbackup.chartkit.Values;
import java.util.Map;

/** A scenario's values as this chart sees them: the file, or its section of an umbrella chart's values. */
final class ScenarioValues {
    private ScenarioValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> own(Scenario scenario) {
        Map<String, Object> values = Values.builder().file(scenario.file()).build().asMap();
        if (scenario.parent().isPresent() && values.get(scenario.parentKey()) instanceof Map<?, ?> section) {
            return (Map<String, Object>) section;
        }
        return values;
    }
}
