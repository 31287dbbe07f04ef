package io.github.infrahubbackup.chartkit.golden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Seeded generator of valid values sets for the differential test. Every key of the schema is
 * reachable and every enum value occurs ({@link ValuesGeneratorTest} holds both); each optional key
 * is sometimes absent; free-text values draw from strings that YAML or Go treat specially. Valid by
 * construction: the chart's rules are respected (backup and restore never both enabled, buckets set,
 * restore key xor latest, a local restore CronJob always on an existing claim with latest, a public
 * key only with encryption on, an encrypted .enc archive only with a decryption Secret, a Secret or
 * ConfigMap named where a value comes from one).
 */
final class ValuesGenerator {
    /** How many sets the differential test renders ({@code -Ddifferential.sets}); ValuesGeneratorTest checks the same sets. */
    static final int SETS = Integer.getInteger("differential.sets", 2_000);
    /** The seed of those sets ({@code -Ddifferential.seed}). */
    static final long SEED = Long.getLong("differential.seed", 20261126L);

    /** Strings that a YAML reader or writer could take for something else. */
    static final List<String> TRICKY = List.of(
            "true", "false", "on", "off", "yes", "no", "y", "n", "null", "~", "", "0123", "1e3", "0x1F", "1_000",
            ".inf", "-.inf", ".nan", "1:20", "2001-12-14", "12:30:00", "a: b", "#x", "x #y", "- a", "-", "?", "[a]",
            "{a}", "*a", "&a", "!a", "|", ">", "'q'", "\"q\"", "%a", "@a", "`a", ",", " leading", "trailing ",
            "\ttab", "multi\nline", "multi\nline\n", "\nleading newline", "crlf\r\nline", "---", "...", "é中文",
            "😀 emoji", "nbsp\u00a0", "line\u2028sep", "{{ .Values }}", "{% raw %}", "a<no value>b", "back\\slash",
            "a very long value with spaces that goes on and on past the eighty column limit of the go yaml emitter",
            "averylongvaluewithoutanyspacesatallthatgoesonandonpasttheeightycolumnlimitofthegoyamlemitter",
            "x", "plain-value", "0", "-1", "3.14", "+1");

    private final Random random;

    ValuesGenerator(long seed) {
        this.random = new Random(seed);
    }

    Map<String, Object> next() {
        Map<String, Object> values = new LinkedHashMap<>();
        maybe(values, "nameOverride", () -> pick("", "ib", "backup-tool", "x"));
        maybe(values, "fullnameOverride", () -> pick("", "custom-name", "a-name-that-is-quite-long-for-a-kubernetes-object-name-ok"));
        maybe(values, "commonLabels", () -> labels());
        maybe(values, "global", () -> map("imageRegistry", tricky()));
        maybe(values, "enabled", () -> random.nextBoolean());
        maybe(values, "serviceAccount", () -> {
            Map<String, Object> sa = new LinkedHashMap<>();
            maybe(sa, "create", random::nextBoolean);
            maybe(sa, "name", () -> pick("", "ops-account", "infrahub-ops"));
            maybe(sa, "annotations", this::annotations);
            return sa;
        });
        maybe(values, "rbac", () -> map("create", random.nextBoolean()));
        maybe(values, "image", () -> {
            Map<String, Object> image = new LinkedHashMap<>();
            maybe(image, "repository", () -> pick("registry.example.com/infrahub-backup", "infrahub-backup", "localhost:5000/x/y"));
            // Plain releases no older than the newest flag's first release (2.3.0): an older one is refused.
            maybe(image, "tag", () -> pick("", "2.3.0", "v2.4.1", "10.0.0", "latest", "v2.0.0-rc.1"));
            maybe(image, "digest", () -> pick("", "sha256:" + "ab".repeat(32)));
            maybe(image, "pullPolicy", () -> pick("Always", "IfNotPresent", "Never"));
            return image;
        });
        maybe(values, "imagePullSecrets", () -> list(() -> map("name", pick("regcred", "pull-secret"))));
        maybe(values, "resources", () -> {
            // Requests come from a range below every limit, so that requests never exceed limits.
            Map<String, Object> resources = new LinkedHashMap<>();
            maybe(resources, "requests", () -> quantities("100m", "0.25", "250m", "256Mi", "512M"));
            maybe(resources, "limits", () -> quantities("1", "2", "1500m", "1Gi", "2e9"));
            maybe(resources, "claims", () -> list(() -> {
                Map<String, Object> claim = map("name", pick("gpu", "scratch"));
                maybe(claim, "request", () -> pick("one-gpu", "fast"));
                return claim;
            }));
            return resources;
        });
        maybe(values, "nodeSelector", () -> map("kubernetes.io/os", pick("linux", "true", "on")));
        maybe(values, "tolerations", () -> list(() -> {
            Map<String, Object> toleration = new LinkedHashMap<>();
            toleration.put("key", pick("dedicated", "node.kubernetes.io/unreachable"));
            if (random.nextBoolean()) {
                toleration.put("operator", "Exists");
            } else {
                maybe(toleration, "operator", () -> "Equal");
                maybe(toleration, "value", this::labelValue);
            }
            String effect = pick("NoSchedule", "PreferNoSchedule", "NoExecute");
            maybe(toleration, "effect", () -> effect);
            if (effect.equals("NoExecute") && toleration.containsKey("effect")) {
                maybe(toleration, "tolerationSeconds", () -> random.nextInt(3600));
            }
            return toleration;
        }));
        maybe(values, "affinity", () -> map("nodeAffinity", map("requiredDuringSchedulingIgnoredDuringExecution",
                map("nodeSelectorTerms", List.of(map("matchExpressions", List.of(
                        map("key", "zone", "operator", "In", "values", List.of(labelValue(), labelValue())))))))));
        maybe(values, "podAnnotations", this::annotations);
        maybe(values, "podLabels", this::labels);
        maybe(values, "extraEnv", () -> list(() -> random.nextBoolean()
                ? map("name", pick("A", "LOG_LEVEL", "X_Y"), "value", tricky())
                : map("name", pick("FROM_SECRET", "POD_NAME", "MEMORY_LIMIT"), "valueFrom", valueFrom())));
        maybe(values, "priorityClassName", () -> pick("", "high", "system-cluster-critical"));
        maybe(values, "logFormat", () -> pick("text", "json"));
        maybe(values, "podSecurityContext", () -> {
            Map<String, Object> pod = new LinkedHashMap<>();
            pod.put("runAsNonRoot", true);
            maybe(pod, "runAsUser", this::runAsId);
            maybe(pod, "runAsGroup", this::runAsId);
            maybe(pod, "fsGroup", this::runAsId);
            maybe(pod, "fsGroupChangePolicy", () -> pick("OnRootMismatch", "Always"));
            maybe(pod, "supplementalGroups", () -> list(this::runAsId));
            maybe(pod, "supplementalGroupsPolicy", () -> pick("Merge", "Strict"));
            maybe(pod, "seLinuxChangePolicy", () -> pick("MountOption", "Recursive"));
            maybe(pod, "sysctls", () -> list(() -> map("name", pick("net.ipv4.ip_local_port_range", "kernel.shm_rmid_forced"),
                    "value", pick("1024 65535", "0", "1"))));
            profiles(pod);
            return pod;
        });
        maybe(values, "securityContext", () -> {
            Map<String, Object> container = new LinkedHashMap<>();
            container.put("allowPrivilegeEscalation", false);
            Map<String, Object> capabilities = map("drop", List.of("ALL"));
            maybe(capabilities, "add", () -> list(() -> pick("NET_BIND_SERVICE", "CHOWN")));
            container.put("capabilities", capabilities);
            maybe(container, "readOnlyRootFilesystem", random::nextBoolean);
            maybe(container, "privileged", () -> false);
            maybe(container, "procMount", () -> pick("Default", "Unmasked"));
            maybe(container, "runAsNonRoot", () -> true);
            maybe(container, "runAsUser", this::runAsId);
            maybe(container, "runAsGroup", this::runAsId);
            profiles(container);
            return container;
        });
        maybe(values, "cronJob", () -> {
            Map<String, Object> cron = new LinkedHashMap<>();
            maybe(cron, "concurrencyPolicy", () -> pick("Allow", "Forbid", "Replace"));
            maybe(cron, "successfulJobsHistoryLimit", () -> random.nextInt(10));
            maybe(cron, "failedJobsHistoryLimit", () -> random.nextInt(10));
            maybe(cron, "startingDeadlineSeconds", () -> random.nextBoolean() ? null : random.nextInt(1000));
            maybe(cron, "suspend", random::nextBoolean);
            maybe(cron, "timeZone", () -> pick("", "UTC", "Europe/Paris", "America/Argentina/Buenos_Aires"));
            return cron;
        });
        maybe(values, "job", () -> {
            Map<String, Object> job = new LinkedHashMap<>();
            maybe(job, "backoffLimit", () -> random.nextInt(7));
            maybe(job, "ttlSecondsAfterFinished", () -> random.nextBoolean() ? null : random.nextInt(100000));
            maybe(job, "activeDeadlineSeconds", () -> random.nextBoolean() ? null : 1 + random.nextInt(100000));
            return job;
        });
        switch (random.nextInt(3)) {
            case 0 -> values.put("backup", backup());
            case 1 -> values.put("restore", restore());
            default -> {
                // Neither: only the ServiceAccount and RBAC render.
            }
        }
        boolean backupCronJob = values.get("backup") instanceof Map<?, ?> backup
                && Boolean.TRUE.equals(backup.get("enabled")) && "cronjob".equals(backup.get("mode"));
        maybe(values, "monitoring", () -> {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("enabled", backupCronJob && random.nextBoolean());
            maybe(rule, "labels", this::labels);
            maybe(rule, "backupMaxAge", () -> pick("26h", "1d12h", "90m", "1w", "2d3h4m5s", "1y"));
            maybe(rule, "severity", () -> pick("critical", "warning", "info", "page.now"));
            return map("prometheusRule", rule);
        });
        return values;
    }

    private Map<String, Object> backup() {
        Map<String, Object> backup = new LinkedHashMap<>();
        backup.put("enabled", random.nextInt(5) > 0);
        maybe(backup, "mode", () -> pick("job", "cronjob"));
        maybe(backup, "schedule", () -> pick("0 2 * * *", "*/15 * * * *", "@daily", "0 0 1 1 *", "5 4 * * SUN"));
        maybe(backup, "hooks", () -> events("post-install", "pre-upgrade", "post-upgrade"));
        boolean local = random.nextBoolean();
        Map<String, Object> storage = new LinkedHashMap<>();
        if (local || random.nextBoolean()) {
            storage.put("type", local ? "local" : "s3");
        }
        maybe(storage, "path", () -> pick("/infrahub_backups", "/backups", "/var/lib/backup dir"));
        storage.put("s3", s3(false));
        maybe(storage, "local", () -> map("persistence", persistence()));
        backup.put("storage", storage);
        maybe(backup, "options", () -> {
            Map<String, Object> options = new LinkedHashMap<>();
            maybe(options, "force", random::nextBoolean);
            maybe(options, "excludeTaskmanager", random::nextBoolean);
            maybe(options, "neo4jMetadata", () -> pick("all", "none", "users", "roles"));
            maybe(options, "keepLocal", random::nextBoolean);
            maybe(options, "sleep", () -> pick("", "3m", "0", "1h30m", "90s", "1.5h"));
            maybe(options, "extraArgs", this::extraArgs);
            return options;
        });
        maybe(backup, "encryption", () -> {
            Map<String, Object> encryption = new LinkedHashMap<>();
            maybe(encryption, "enabled", random::nextBoolean);
            maybe(encryption, "publicKey", () -> {
                Map<String, Object> publicKey = new LinkedHashMap<>();
                switch (random.nextInt(3)) {
                    case 0 -> publicKey.put("secretName", pick("", "backup-public-key"));
                    case 1 -> publicKey.put("configMapName", pick("", "backup-public-key"));
                    default -> {
                        // Neither: the tool's built-in key when enabled.
                    }
                }
                maybe(publicKey, "key", () -> pick("backup.key.pub", "public_key-1.pem"));
                return publicKey;
            });
            // A public key is only valid with encryption on.
            if (encryption.get("publicKey") instanceof Map<?, ?> publicKey
                    && (named(publicKey.get("secretName")) || named(publicKey.get("configMapName")))) {
                encryption.put("enabled", true);
            }
            return encryption;
        });
        maybe(backup, "retention", () -> {
            Map<String, Object> retention = new LinkedHashMap<>();
            maybe(retention, "days", () -> random.nextBoolean() ? null : 1 + random.nextInt(400));
            maybe(retention, "count", () -> random.nextBoolean() ? null : 1 + random.nextInt(2_000_000));
            return retention;
        });
        return backup;
    }

    private Map<String, Object> restore() {
        Map<String, Object> restore = new LinkedHashMap<>();
        restore.put("enabled", random.nextInt(5) > 0);
        String mode = pick("job", "cronjob");
        if (mode.equals("cronjob") || random.nextBoolean()) {
            restore.put("mode", mode);
        }
        maybe(restore, "schedule", () -> pick("0 4 * * *", "@weekly", "30 1 * * 1-5"));
        maybe(restore, "hooks", () -> events("post-install", "post-upgrade"));
        boolean local = random.nextBoolean();
        Map<String, Object> storage = new LinkedHashMap<>();
        if (local || random.nextBoolean()) {
            storage.put("type", local ? "local" : "s3");
        }
        maybe(storage, "path", () -> pick("/infrahub_backups", "/restore", "/with space"));
        storage.put("s3", s3(true));
        Map<String, Object> localStorage = new LinkedHashMap<>();
        maybe(localStorage, "filename", () -> random.nextInt(4) == 0 ? "infrahub_backup_20261201_021500.tar.gz.enc" : tricky());
        if (local && mode.equals("cronjob")) {
            localStorage.put("existingClaim", pick("backups", "prod-infrahub-backup-backups"));
            localStorage.put("latest", true);
        } else {
            maybe(localStorage, "existingClaim", () -> pick("", "backups"));
            maybe(localStorage, "latest", random::nextBoolean);
        }
        storage.put("local", localStorage);
        restore.put("storage", storage);
        maybe(restore, "options", () -> {
            Map<String, Object> options = new LinkedHashMap<>();
            maybe(options, "excludeTaskmanager", random::nextBoolean);
            maybe(options, "migrateFormat", random::nextBoolean);
            maybe(options, "sleep", () -> pick("", "3m", "0", "45s"));
            maybe(options, "extraArgs", this::extraArgs);
            maybe(options, "force", random::nextBoolean);
            maybe(options, "resetDeploymentId", random::nextBoolean);
            return options;
        });
        maybe(restore, "decryption", () -> {
            Map<String, Object> decryption = new LinkedHashMap<>();
            maybe(decryption, "secretName", () -> pick("", "backup-private-key"));
            maybe(decryption, "key", () -> pick("backup.key", "private.pem"));
            return decryption;
        });
        // An encrypted archive (.enc) is only valid with the private key to read it.
        boolean encryptedArchive = local
                ? !Boolean.TRUE.equals(localStorage.get("latest")) && String.valueOf(localStorage.get("filename")).endsWith(".enc")
                : String.valueOf(((Map<?, ?>) storage.get("s3")).get("key")).endsWith(".enc");
        if (encryptedArchive) {
            Map<String, Object> decryption = new LinkedHashMap<>();
            if (restore.get("decryption") instanceof Map<?, ?> given) {
                given.forEach((key, value) -> decryption.put((String) key, value));
            }
            decryption.put("secretName", "backup-private-key");
            restore.put("decryption", decryption);
        }
        return restore;
    }

    private static boolean named(Object name) {
        return name != null && !"".equals(name);
    }

    private Map<String, Object> s3(boolean restore) {
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("bucket", pick("infrahub-backups", "b", "my.bucket.example"));
        maybe(s3, "prefix", this::tricky);
        maybe(s3, "endpoint", () -> pick("", "https://minio.example:9000", "http://10.0.0.1:9000"));
        maybe(s3, "region", () -> pick("us-east-1", "eu-west-3"));
        maybe(s3, "secretName", () -> pick("", "s3-credentials"));
        maybe(s3, "accessKeyIdKey", () -> pick("AWS_ACCESS_KEY_ID", "rootUser", "access.key-id_1"));
        maybe(s3, "secretAccessKeyKey", () -> pick("AWS_SECRET_ACCESS_KEY", "rootPassword"));
        if (restore) {
            if (random.nextBoolean()) {
                s3.put("key", random.nextInt(4) == 0 ? "prod/infrahub_backup_20261201_021500.tar.gz.enc" : nonEmptyTricky());
                maybe(s3, "latest", () -> false);
            } else {
                s3.put("latest", true);
                maybe(s3, "key", () -> "");
            }
        }
        return s3;
    }

    private Map<String, Object> persistence() {
        Map<String, Object> persistence = new LinkedHashMap<>();
        maybe(persistence, "enabled", random::nextBoolean);
        maybe(persistence, "existingClaim", () -> pick("", "my-claim"));
        maybe(persistence, "size", () -> pick("10Gi", "500Mi", "1Ti", "1e3"));
        maybe(persistence, "storageClass", () -> pick("", "standard", "fast-ssd"));
        // ReadWriteOncePod cannot be combined with another mode.
        maybe(persistence, "accessModes", () -> pick(List.of("ReadWriteOnce"), List.of("ReadWriteMany", "ReadOnlyMany"),
                List.of("ReadWriteOncePod"), List.of("ReadOnlyMany")));
        return persistence;
    }

    /** Helm events for a hook Job: at least one, none twice, in any order. */
    private List<String> events(String... allowed) {
        List<String> events = new ArrayList<>(List.of(allowed));
        java.util.Collections.shuffle(events, random);
        return new ArrayList<>(events.subList(0, 1 + random.nextInt(events.size())));
    }

    private int runAsId() {
        // Not 0: the pod runs as non-root.
        return pick(1000, 65534, 1000 + random.nextInt(60000), 2147483647);
    }

    /** The seccomp, AppArmor, SELinux and Windows options a pod and a container both take; a Localhost profile names its file. */
    private void profiles(Map<String, Object> context) {
        for (String profile : List.of("seccompProfile", "appArmorProfile")) {
            maybe(context, profile, () -> {
                String type = pick("RuntimeDefault", "Localhost", "Unconfined");
                Map<String, Object> chosen = map("type", type);
                if (type.equals("Localhost")) {
                    chosen.put("localhostProfile", pick("profiles/backup.json", "infrahub-backup"));
                }
                return chosen;
            });
        }
        maybe(context, "seLinuxOptions", () -> {
            Map<String, Object> options = new LinkedHashMap<>();
            maybe(options, "user", () -> "system_u");
            maybe(options, "role", () -> "system_r");
            maybe(options, "type", () -> pick("container_t", "spc_t"));
            maybe(options, "level", () -> pick("s0:c123,c456", "s0"));
            return options;
        });
        maybe(context, "windowsOptions", () -> {
            Map<String, Object> options = new LinkedHashMap<>();
            maybe(options, "gmsaCredentialSpecName", () -> "gmsa-spec");
            maybe(options, "gmsaCredentialSpec", () -> "{\"CmsPlugins\":[\"ActiveDirectory\"]}");
            maybe(options, "hostProcess", () -> false);
            maybe(options, "runAsUserName", () -> pick("ContainerUser", "NT AUTHORITY\\NETWORK SERVICE"));
            return options;
        });
    }

    /** Where an environment variable's value comes from: one source each, as Kubernetes requires. */
    private Map<String, Object> valueFrom() {
        return switch (random.nextInt(5)) {
            case 0 -> map("secretKeyRef", keyRef("s", pick("password", "tls.key", "AWS_KEY-1")));
            case 1 -> map("configMapKeyRef", keyRef("settings", pick("log-level", "config.yaml")));
            case 2 -> {
                Map<String, Object> field = map("fieldPath", pick("metadata.name", "metadata.labels['team']", "status.podIP"));
                maybe(field, "apiVersion", () -> "v1");
                yield map("fieldRef", field);
            }
            case 3 -> {
                Map<String, Object> resource = map("resource", pick("limits.memory", "requests.cpu"));
                maybe(resource, "containerName", () -> "backup");
                maybe(resource, "divisor", () -> pick("1Mi", "1m", "1"));
                yield map("resourceFieldRef", resource);
            }
            default -> {
                Map<String, Object> file = map("volumeName", "config", "path", pick("env.txt", "settings/app.env"), "key", "LOG_LEVEL");
                maybe(file, "optional", random::nextBoolean);
                yield map("fileKeyRef", file);
            }
        };
    }

    private Map<String, Object> keyRef(String name, String key) {
        // Kubernetes requires the name (a DNS subdomain), though its Go type marks it optional.
        Map<String, Object> ref = map("name", name, "key", key);
        maybe(ref, "optional", random::nextBoolean);
        return ref;
    }

    private Map<String, Object> quantities(String cpuLow, String cpuMid, String cpuHigh, String memoryLow, String memoryHigh) {
        Map<String, Object> quantities = new LinkedHashMap<>();
        maybe(quantities, "cpu", () -> pick(cpuLow, cpuMid, cpuHigh));
        maybe(quantities, "memory", () -> pick(memoryLow, memoryHigh));
        return quantities;
    }

    /** A valid Kubernetes label value, YAML-tricky where possible. */
    private String labelValue() {
        return pick("platform", "true", "on", "0123", "", "a.b_c-d", "null", "1e3", "y");
    }

    private Map<String, Object> annotations() {
        Map<String, Object> annotations = new LinkedHashMap<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            annotations.put(pick("example.com/note", "description", "a.b/c-d", "key" + i), tricky());
        }
        return annotations;
    }

    private Map<String, Object> labels() {
        Map<String, Object> labels = new LinkedHashMap<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            labels.put(pick("team", "example.com/tier", "cost-center", "x" + i), labelValue());
        }
        return labels;
    }

    /**
     * Arguments the tool accepts beside anything the chart renders: global flags the chart never
     * renders, each at most once, with free text where the tool takes any string.
     */
    private List<String> extraArgs() {
        List<String> args = new ArrayList<>(List.of("--project=" + tricky(), "--k8s-namespace=infrahub", "--backend=tarball",
                "--s3-region=" + tricky()));
        java.util.Collections.shuffle(args, random);
        return new ArrayList<>(args.subList(0, random.nextInt(args.size() + 1)));
    }

    private String tricky() {
        return TRICKY.get(random.nextInt(TRICKY.size()));
    }

    private String nonEmptyTricky() {
        String value = tricky();
        return value.isEmpty() ? "archive.tar.gz" : value;
    }

    private <T> List<T> list(Supplier<T> item) {
        int size = random.nextInt(4);
        List<T> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(item.get());
        }
        return items;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private void maybe(Map<String, Object> target, String key, Supplier<Object> value) {
        if (random.nextInt(3) > 0) {
            target.put(key, value.get());
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
