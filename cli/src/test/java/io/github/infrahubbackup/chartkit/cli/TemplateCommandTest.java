package io.github.infrahubbackup.chartkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCommandTest {

    @Test
    void printsTheGoldenFileOfAScenario() throws Exception {
        String scenario = ProjectFolder.SCENARIOS.resolve("backup-cronjob-s3.yaml").toString();
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "-n", "infrahub", "-f", scenario);
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(Files.readString(ProjectFolder.GOLDEN.resolve("backup-cronjob-s3.yaml"), StandardCharsets.UTF_8), result.out());
        assertEquals("", result.err());
    }

    @Test
    void notesFollowTheManifestsAsHelmInstallPrintsThem() throws Exception {
        String scenario = ProjectFolder.SCENARIOS.resolve("backup-cronjob-s3.yaml").toString();
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "-n", "infrahub", "-f", scenario, "--notes");
        assertEquals(0, result.exitCode(), result.err());
        String golden = Files.readString(ProjectFolder.GOLDEN.resolve("backup-cronjob-s3.yaml"), StandardCharsets.UTF_8);
        assertTrue(result.out().startsWith(golden + "NOTES:\ninfrahub-backup "), result.out());
        assertTrue(result.out().contains("\n  kubectl create job --namespace infrahub --from=cronjob/prod-infrahub-backup \"$JOB\"\n"), result.out());
        assertTrue(result.out().endsWith(".\n") && !result.out().endsWith("\n\n"), result.out());
    }

    @Test
    void noNotesWithoutTheFlag() {
        CliTestSupport.Result result = CliTestSupport.run("template", "prod");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(!result.out().contains("NOTES:"), result.out());
    }

    @Test
    void defaultsToHelmsReleaseNameAndNamespace() {
        CliTestSupport.Result result = CliTestSupport.run("template");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("name: \"release-name-infrahub-backup\""), result.out());
        assertTrue(result.out().contains("namespace: \"default\""), result.out());
    }

    @Test
    void showOnlyPrintsOneTemplate() {
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "--show-only", "templates/role.yaml");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("---\n# Source: infrahub-backup/templates/role.yaml\n"), result.out());
        assertEquals(1, result.out().split("\n---\n", -1).length, result.out());
    }

    @Test
    void showOnlyOfAnUnknownTemplateIsAUsageError() {
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "--show-only", "templates/nope.yaml");
        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().contains("could not find template templates/nope.yaml in chart"), result.err());
    }

    @Test
    void badReleaseNameIsAUsageError() {
        CliTestSupport.Result result = CliTestSupport.run("template", "Not_Valid");
        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().contains("release name \"Not_Valid\" is not valid"), result.err());
    }

    @Test
    void outputDirWritesOneFilePerTemplate(@TempDir Path out) throws Exception {
        CliTestSupport.Result result = CliTestSupport.run("template", "prod", "--output-dir", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        Path role = out.resolve("infrahub-backup/templates/role.yaml");
        assertTrue(Files.readString(role).startsWith("---\n# Source: infrahub-backup/templates/role.yaml\n"));
        assertTrue(result.out().contains("wrote " + role), result.out());
    }
}
