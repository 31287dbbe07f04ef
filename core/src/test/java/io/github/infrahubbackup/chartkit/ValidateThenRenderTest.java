package io.github.infrahubbackup.chartkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code validate} keeps its answer with the values, so that a {@code render} of the same values
 * does not check them again: what render prints or refuses must not depend on whether validate
 * ran first.
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
        assertTrue(CHART.validate(validated).isValid());
        assertEquals(alone, CHART.render(validated, RELEASE).yaml());
        assertEquals(alone, CHART.render(validated, RELEASE).yaml(), "a second render of the same values");
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
    }

    @org.junit.jupiter.api.Test
    void validatingTheSameValuesAgainGivesTheKeptAnswer() {
        Values values = values("backup:\n  schedule: \"0 3 * * *\"\n");
        assertSame(CHART.validate(values), CHART.validate(values));
    }
}
