package io.github.infrahubbackup.chartkit.golden;

import io.github.infrahubbackup.chartkit.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values files written for the upstream chart (opsmill/infrahub-helm's infrahub-backup 1.3.0): its
 * own defaults file, then, over it, settings that use only upstream's keys, as its users write them.
 */
final class UpstreamValues {
    /** The fixture: upstream's values.yaml at the commit released as 1.3.0, comments removed (its header cites it). */
    static final Path DEFAULTS = resource("/upstream/infrahub-backup-1.3.0-values.yaml");

    /** Overlays in upstream's keys only, by name: each mode and storage the upstream chart offers. */
    static final Map<String, String> OVERLAYS = overlays();

    private UpstreamValues() {
    }

    private static Map<String, String> overlays() {
        Map<String, String> overlays = new LinkedHashMap<>();
        overlays.put("defaults", "{}\n");
        overlays.put("backup-job-s3", """
                backup:
                  enabled: true
                  storage:
                    s3: {bucket: infrahub-backups, prefix: prod/, endpoint: "http://minio:9000", secretName: s3-credentials}
                  options: {keepLocal: true, force: true, excludeTaskmanager: true, neo4jMetadata: users}
                """);
        overlays.put("backup-cronjob-local", """
                backup:
                  enabled: true
                  mode: cronjob
                  schedule: "30 1 * * *"
                  storage: {type: local, path: /backups}
                  options: {sleep: 10m, extraArgs: ["--log-format=json"]}
                cronJob: {suspend: true, startingDeadlineSeconds: 600}
                job: {backoffLimit: 2, ttlSecondsAfterFinished: 3600, activeDeadlineSeconds: 7200}
                """);
        overlays.put("restore-job-s3-key", """
                restore:
                  enabled: true
                  storage:
                    s3: {bucket: infrahub-backups, key: prod/infrahub_backup_20261201_021500.tar.gz, secretName: s3-credentials}
                  options: {migrateFormat: true}
                """);
        overlays.put("restore-cronjob-s3-latest", """
                restore:
                  enabled: true
                  mode: cronjob
                  storage:
                    s3: {bucket: infrahub-backups, prefix: prod/, latest: true}
                serviceAccount:
                  annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/infrahub-backup"}
                """);
        overlays.put("restore-job-local", """
                restore:
                  enabled: true
                  storage: {type: local, local: {filename: infrahub_backup_20261201_021500.tar.gz}}
                image: {tag: "2.3.0", pullPolicy: Always}
                imagePullSecrets: [{name: registry}]
                tolerations: [{key: backups, operator: Exists, effect: NoSchedule}]
                """);
        return overlays;
    }

    /** The overlay written to {@code folder/<name>.yaml}, for Helm and the library to read as a file. */
    static List<Path> files(Path folder, String name) {
        try {
            return new ArrayList<>(List.of(DEFAULTS, Files.writeString(folder.resolve(name + ".yaml"), OVERLAYS.get(name))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files read left to right, as {@code helm template -f DEFAULTS -f OVERLAY} reads them. */
    static Values values(List<Path> files) {
        Values.Builder values = Values.builder();
        files.forEach(values::file);
        return values.build();
    }

    private static Path resource(String name) {
        try {
            return Path.of(UpstreamValues.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
