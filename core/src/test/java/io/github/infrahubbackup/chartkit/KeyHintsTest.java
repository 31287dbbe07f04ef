package io.github.infrahubbackup.chartkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hints of unknown keys: where a moved key went (from the chart's chart-kit.yaml), else the key probably meant. */
class KeyHintsTest {
    private static final InfrahubBackupChart CHART = InfrahubBackupChart.load();

    private static List<Problem> problems(String yaml) {
        return CHART.validate(Values.builder().yaml("values.yaml", yaml).build()).problems();
    }

    @ParameterizedTest
    @CsvSource({"backup, s3", "backup, local", "backup, type", "backup, path",
                "restore, s3", "restore, local", "restore, type", "restore, path"})
    void aKeyOneLevelTooHighPointsToItsPlaceUnderStorage(String side, String key) {
        Problem problem = problems(side + ":\n  " + key + ": x\n").get(0);
        assertEquals(side + "." + key, problem.path());
        assertEquals("did you mean " + side + ".storage." + key + "? " + side + "." + key
                + ".* is the old layout that some Infrahub chart documentation still shows", problem.hint().orElseThrow());
    }

    @Test
    void aTypoGetsTheClosestKnownKey() {
        assertEquals("did you mean schedule?", problems("backup:\n  schedlue: \"0 3 * * *\"\n").get(0).hint().orElseThrow());
    }

    @Test
    void farFromAnyKeyTheKnownKeysAreListed() {
        assertEquals("known keys here: create, name, annotations",
                problems("serviceAccount:\n  somethingElseEntirely: 1\n").get(0).hint().orElseThrow());
    }

    @Test
    void aMovedKeyDeeperDownIsJustUnknown() {
        assertEquals("did you mean s3?", problems("backup:\n  storage:\n    s4: {}\n").get(0).hint().orElseThrow());
    }
}
