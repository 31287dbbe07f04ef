package io.github.infrahubbackup.chartkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code validate} returns a {@link Validation} that {@code render} accepts, so that a render
 * after a validation does not check the values again: what render prints or refuses must not
 * depend on whether validate ran first, nor on whether it is given the values or their validation.
 */
class ValidateThenRenderTest {
    private static final InfrahubBackupChart CHART = InfrahubBackupChart.load();
    private static final Release RELEASE = Release.named("prod").in("infrahub");

    private static Values values(String yaml) {
        return Values.builder().yaml("values.yaml", yaml).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "backup:\n  storage:\n    type: s3\n    s3:\n      bucket: archives\n      prefix: nightly\n",
        "backup:\n  mode: job\n  storage:\n    type: local\n    local:\n      persistence:\n        enabled: true\n",
        "backup:\n  enabled: false\nrestore:\n  enabled: true\n  storage:\n    type: s3\n    s3:\n      bucket: b\n      latest: true\n",
        "commonLabels:\n  team: data\npodSecurityContext:\n  runAsUser: 1234\nresources:\n  limits:\n    memory: 1Gi\n",
    })
    void renderAfterValidatePrintsWhatARenderAlonePrints(String yaml) {
        String alone = CHART.render(values(yaml), RELEASE).yaml();

        Values validated = values(yaml);
        Validation validation = CHART.validate(validated);
        assertTrue(validation.isValid());
        assertEquals(alone, CHART.render(validated, RELEASE).yaml());
        assertEquals(alone, CHART.render(validation, RELEASE).yaml());
        assertEquals(alone, CHART.render(validation, RELEASE).yaml(), "a second render of the same validation");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the schema refuses it
        "backup:\n  schedule: every night\n",
        // the chart's own rule refuses it
        "backup:\n  enabled: true\nrestore:\n  enabled: true\n",
        // only the rendered YAML reveals it: a line separator that breaks a document
        "serviceAccount:\n  annotations:\n    note: \"---\\n\\u2028---\"\n",
        // the file does not parse
        "backup: [unclosed\n",
    })
    void renderAfterAFailedValidationRefusesWithTheSameProblems(String yaml) {
        Values values = values(yaml);
        Validation validation = CHART.validate(values);
        assertFalse(validation.isValid());

        InvalidValuesException refused = assertThrows(InvalidValuesException.class, () -> CHART.render(values, RELEASE));
        assertEquals(validation.problems(), refused.validation().problems());
        InvalidValuesException alone = assertThrows(InvalidValuesException.class, () -> CHART.render(values(yaml), RELEASE));
        assertEquals(alone.validation().problems(), refused.validation().problems());
        InvalidValuesException fromValidation = assertThrows(InvalidValuesException.class, () -> CHART.render(validation, RELEASE));
        assertSame(validation, fromValidation.validation());
    }

    @org.junit.jupiter.api.Test
    void aDisabledSubchartValidatesAndRendersNothing() {
        Values values = Values.builder().yaml("umbrella.yaml", "infrahub-backup:\n  enabled: false\n").parent("stack").build();
        Validation validation = CHART.validate(values);
        assertTrue(validation.isValid());
        assertEquals("\n", CHART.render(validation, RELEASE).yaml());
        assertTrue(CHART.render(validation, RELEASE).manifests().isEmpty());
    }
}
