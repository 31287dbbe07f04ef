package io.github.infrahubbackup.chartkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Rendering#notes()}: what {@code helm install} prints under "NOTES:". Its agreement with
 * real Helm for every scenario is {@code NotesParityTest} (golden module, tagged helm); these pin
 * the API's shape: the text's ends, what it says per mode, and no notes for a parent chart's values.
 */
class NotesTest {
    private static final InfrahubBackupChart CHART = InfrahubBackupChart.load();
    private static final Release RELEASE = Release.named("prod").in("infrahub");

    private static Rendering render(String yaml) {
        return CHART.render(Values.builder().yaml("values.yaml", yaml).build(), RELEASE);
    }

    @Test
    void notesAreTrimmedAndEndWithOneLineEnd() {
        String notes = render("{}").notes();
        assertTrue(notes.startsWith("infrahub-backup " + CHART.version() + " is deployed as release prod in namespace infrahub.\n"), notes);
        assertTrue(notes.endsWith("\n") && !notes.endsWith("\n\n"), notes);
        assertTrue(notes.contains("Neither backup.enabled nor restore.enabled is true"), notes);
    }

    @Test
    void aScheduledBackupSaysHowToRunItNow() {
        String notes = render("backup:\n  enabled: true\n  mode: cronjob\n  storage:\n    s3:\n      bucket: archives\n").notes();
        assertTrue(notes.contains("  JOB=prod-infrahub-backup-$(date +%s)\n"
                + "  kubectl create job --namespace infrahub --from=cronjob/prod-infrahub-backup \"$JOB\"\n"
                + "  kubectl get job --namespace infrahub \"$JOB\" --watch\n"
                + "  kubectl logs --namespace infrahub --follow \"job/$JOB\"\n"), notes);
        assertTrue(notes.contains("Archives go to the bucket archives, named\ninfrahub_backup_YYYYMMDD_HHMMSS.tar.gz.\n"), notes);
    }

    @Test
    void aRestoreJobSaysWhatItRestoresAndWhen() {
        String notes = render("restore:\n  enabled: true\n  storage:\n    s3:\n      bucket: archives\n      key: nightly/infrahub_backup_20261201_021500.tar.gz\n").notes();
        assertTrue(notes.contains("\nRESTORE\nWhen: as a Helm hook"), notes);
        assertTrue(notes.contains("What: s3://archives/nightly/infrahub_backup_20261201_021500.tar.gz.\n"), notes);
        assertFalse(notes.contains("BACKUP"), notes);
    }

    @Test
    void showOnlyKeepsTheNotes() {
        Rendering rendering = render("{}");
        assertEquals(rendering.notes(), rendering.showOnly(List.of("templates/role.yaml")).notes());
    }

    @Test
    void theValuesOfAParentChartHaveNoNotes() {
        Values values = Values.builder().yaml("values.yaml", "infrahub-backup:\n  backup:\n    enabled: true\n    storage:\n      s3:\n        bucket: b\n")
                .parent("infrahub").build();
        Rendering rendering = CHART.render(values, RELEASE);
        assertFalse(rendering.manifests().isEmpty());
        assertEquals("", rendering.notes(), "Helm prints the parent chart's notes, not its subchart's");
    }
}
