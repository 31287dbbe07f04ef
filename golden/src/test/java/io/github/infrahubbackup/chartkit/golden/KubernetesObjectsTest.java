package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every object of every golden file passes strict Kubernetes validation ({@link KubernetesObjects}),
 * and the checker catches what it must: unknown fields, missing required fields, wrong scalar types,
 * bad names.
 */
class KubernetesObjectsTest {

    /** The golden files: {@code golden/*.yaml}, without ApprovalTests' {@code *.received.yaml}. */
    static List<Path> goldenFiles() {
        try (Stream<Path> files = Files.list(ProjectFolder.GOLDEN)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().endsWith(".received.yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenFileHoldsOnlyValidKubernetesObjects() {
        List<Path> files = goldenFiles();
        assertFalse(files.isEmpty(), "no golden files in " + ProjectFolder.GOLDEN);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
            String release = read(file);
            List<KubernetesObjects.Document> documents = KubernetesObjects.documents(release);
            assertTrue(documents.stream().anyMatch(d -> d.object() != null), file + " holds no Kubernetes object");
            List<String> problems = KubernetesObjects.problems(documents);
            assertEquals(List.of(), problems, () -> file + " has objects Kubernetes would reject:\n  " + String.join("\n  ", problems));
        }));
    }

    // ---------------------------------------------------------------------------------------------
    // The checker itself

    /** A valid release: a ServiceAccount and a CronJob shaped like the chart's. */
    private static final String VALID = """
            ---
            # Source: infrahub-backup/templates/serviceaccount.yaml
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: "prod-infrahub-backup"
              labels:
                app.kubernetes.io/name: "infrahub-backup"
            ---
            # Source: infrahub-backup/templates/cronjob-backup.yaml
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: "prod-infrahub-backup"
              labels:
                helm.sh/chart: "infrahub-backup-0.1.0"
                app.kubernetes.io/version: "1.3.0"
            spec:
              schedule: "0 2 * * *"
              concurrencyPolicy: "Forbid"
              successfulJobsHistoryLimit: 3
              failedJobsHistoryLimit: 3
              suspend: false
              jobTemplate:
                spec:
                  backoffLimit: 0
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/component: "backup"
                    spec:
                      serviceAccountName: "prod-infrahub-backup"
                      restartPolicy: Never
                      securityContext:
                        runAsNonRoot: true
                        runAsUser: 1000
                        seccompProfile:
                          type: RuntimeDefault
                      containers:
                        - name: "backup"
                          image: "registry.opsmill.io/opsmill/infrahub-backup:1.3.0"
                          imagePullPolicy: "IfNotPresent"
                          args:
                            - "create"
                          env:
                            - name: INFRAHUB_K8S_NAMESPACE
                              valueFrom:
                                fieldRef:
                                  fieldPath: metadata.namespace
                            - name: INFRAHUB_S3_BUCKET
                              value: "bucket"
                          resources:
                            requests:
                              cpu: 100m
                              memory: 256Mi
                          volumeMounts:
                            - name: backup-storage
                              mountPath: "/infrahub_backups"
                      volumes:
                        - name: backup-storage
                          emptyDir: {}
            """;

    /** {@link #VALID} with one piece of text replaced; fails if the text is not there. */
    private static String valid(String text, String replacement) {
        assertTrue(VALID.contains(text), "the valid release has no " + text);
        return VALID.replace(text, replacement);
    }

    /** The problems of a release, which must include one containing every fragment. */
    private static List<String> assertFlags(String release, String... fragments) {
        List<String> problems = KubernetesObjects.problems(release);
        for (String fragment : fragments) {
            if (problems.stream().noneMatch(p -> p.contains(fragment))) {
                fail("expected a problem containing \"" + fragment + "\", got:\n  " + String.join("\n  ", problems));
            }
        }
        return problems;
    }

    private static JsonElement onlyJson(String release, String kind) {
        return KubernetesObjects.documents(release).stream().filter(d -> kind.equals(d.kind())).findFirst().orElseThrow().json();
    }

    @Test
    void theValidReleaseIsValid() {
        assertEquals(List.of(), KubernetesObjects.problems(VALID));
        List<KubernetesObjects.Document> documents = KubernetesObjects.documents(VALID);
        assertEquals(2, documents.size());
        assertEquals("infrahub-backup/templates/cronjob-backup.yaml", documents.get(1).source());
        assertEquals("CronJob", documents.get(1).kind());
        assertEquals(1, KubernetesObjects.podTemplates(documents.get(1)).size());
    }

    @Test
    void anUnknownFieldIsRejected() {
        String release = valid("              imagePullPolicy: \"IfNotPresent\"\n",
                "              imagePullPolicy: \"IfNotPresent\"\n              imagePullPolicyy: \"Always\"\n");
        assertFlags(release,
                "spec.jobTemplate.spec.template.spec.containers[0].imagePullPolicyy: unknown field: V1Container has no field \"imagePullPolicyy\" (did you mean \"imagePullPolicy\"?)",
                "client-java V1CronJob.validateJsonElement rejects it: The field `imagePullPolicyy` in the JSON string is not defined in the `V1Container` properties");
    }

    /** A PrometheusRule shaped like the chart's. */
    private static final String RULE = """
            ---
            # Source: infrahub-backup/templates/prometheusrule.yaml
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: "prod-infrahub-backup"
              labels:
                release: kube-prometheus-stack
            spec:
              groups:
                - name: "prod-infrahub-backup.rules"
                  rules:
                    - alert: InfrahubBackupFailed
                      expr: "kube_job_status_failed > 0"
                      for: 5m
                      labels:
                        severity: "critical"
            """;

    @Test
    void aPrometheusRuleIsHeldToTheOperatorsModel() {
        assertEquals(List.of(), KubernetesObjects.problems(RULE));
        assertFlags(RULE.replace("      for: 5m", "      forr: 5m"), "rules[0].forr: unknown field");
        assertFlags(RULE.replace("      for: 5m", "      for: 5 minutes"), "for: not a Prometheus duration");
        assertFlags(RULE.replace("          expr: \"kube_job_status_failed > 0\"\n", ""), "expr: required");
        assertFlags(RULE.replace("        - alert: InfrahubBackupFailed", "        - record: x\n          alert: InfrahubBackupFailed"),
                "exactly one of alert and record");
        assertFlags(RULE.replace("severity: \"critical\"", "severity: true"), "cannot read it");
        assertFlags(RULE.replace("    - name: \"prod-infrahub-backup.rules\"\n      rules:", "    - rules:"), "name: required");
        assertFlags(RULE.replace("release: kube-prometheus-stack", "release: \"-bad-\""), "release");
    }

    @Test
    void anUnknownTopLevelFieldIsRejected() {
        assertFlags(valid("kind: CronJob\n", "kind: CronJob\nspecs: {}\n"), "specs: unknown field: V1CronJob has no field \"specs\"");
    }

    @Test
    void aContainerWithoutImageIsRejected() {
        String release = valid("              image: \"registry.opsmill.io/opsmill/infrahub-backup:1.3.0\"\n", "");
        assertFlags(release, "spec.jobTemplate.spec.template.spec.containers[0].image: required: a container needs an image");
        // The model does not require an image (the OpenAPI spec leaves it optional for higher-level controllers).
        assertDoesNotThrow(() -> V1CronJob.validateJsonElement(onlyJson(release, "CronJob")));
    }

    @Test
    void anEmptyImageIsRejected() {
        assertFlags(valid("\"registry.opsmill.io/opsmill/infrahub-backup:1.3.0\"", "\"\""), "containers[0].image: required: a container needs a non-empty image");
    }

    @Test
    void aCronJobWithoutJobTemplateIsRejected() {
        String release = VALID.substring(0, VALID.indexOf("  jobTemplate:\n"));
        assertFlags(release, "spec.jobTemplate: required field of V1CronJobSpec is missing",
                "client-java V1CronJob.validateJsonElement rejects it: The required field `jobTemplate` is not found in the JSON string");
    }

    @Test
    void aRequiredFieldGivenAsNullIsRejected() {
        assertFlags(valid("  schedule: \"0 2 * * *\"\n", "  schedule: null\n"), "spec.schedule: required field of V1CronJobSpec is null");
    }

    @Test
    void aStringWhereAnIntegerBelongsIsRejected() {
        String release = valid("backoffLimit: 0", "backoffLimit: \"0\"");
        assertFlags(release, "spec.jobTemplate.spec.backoffLimit: expected an integer (int32), got the string \"0\"; do not quote it");
        // validateJsonElement does not look at integers at all.
        assertDoesNotThrow(() -> V1CronJob.validateJsonElement(onlyJson(release, "CronJob")));
    }

    @Test
    void aFractionWhereAnIntegerBelongsIsRejected() {
        assertFlags(valid("successfulJobsHistoryLimit: 3", "successfulJobsHistoryLimit: 3.0"), "spec.successfulJobsHistoryLimit: expected an integer (int32), got the number 3.0");
    }

    @Test
    void anIntegerOutOfRangeIsRejected() {
        assertFlags(valid("failedJobsHistoryLimit: 3", "failedJobsHistoryLimit: 3000000000"), "spec.failedJobsHistoryLimit: 3000000000 does not fit in an int32");
    }

    @Test
    void aStringWhereABooleanBelongsIsRejected() {
        String release = valid("suspend: false", "suspend: \"false\"");
        assertFlags(release, "spec.suspend: expected a boolean (true or false), got the string \"false\"");
        assertDoesNotThrow(() -> V1CronJob.validateJsonElement(onlyJson(release, "CronJob")));
    }

    @Test
    void aNumberOrBooleanWhereAStringBelongsIsRejected() {
        String release = valid("value: \"bucket\"", "value: 1234");
        assertFlags(release, "env[1].value: expected a string, got the number 1234; quote it");
        // validateJsonElement accepts any primitive for a string field.
        assertDoesNotThrow(() -> V1CronJob.validateJsonElement(onlyJson(release, "CronJob")));
        // Kubernetes reads YAML 1.1: an unquoted y, yes, on, true is a boolean.
        assertFlags(valid("value: \"bucket\"", "value: y"), "env[1].value: expected a string, got the boolean true");
        assertFlags(valid("value: \"bucket\"", "value: off"), "env[1].value: expected a string, got the boolean false");
    }

    @Test
    void mapsOfStringsMustHoldStrings() {
        String release = valid("app.kubernetes.io/version: \"1.3.0\"", "app.kubernetes.io/version: 1.3");
        assertFlags(release, "metadata.labels[app.kubernetes.io/version]: expected a string, got the number 1.3");
        assertDoesNotThrow(() -> V1CronJob.validateJsonElement(onlyJson(release, "CronJob")));
        assertFlags(valid("app.kubernetes.io/component: \"backup\"", "app.kubernetes.io/component: true"),
                "template.metadata.labels[app.kubernetes.io/component]: expected a string, got the boolean true");
        assertFlags(valid("app.kubernetes.io/component: \"backup\"", "app.kubernetes.io/component: null"),
                "template.metadata.labels[app.kubernetes.io/component]: the value is null; expected strings");
    }

    @Test
    void quantitiesAreChecked() {
        assertFlags(valid("memory: 256Mi", "memory: 256MB"), "resources.requests[memory]: not a Kubernetes quantity: the string \"256MB\"");
        assertFlags(valid("memory: 256Mi", "memory: 256Mi\n                limits:\n                  memory: 128Mi"),
                "resources.requests[memory]: the request is above the limit \"128Mi\"");
        assertEquals(List.of(), KubernetesObjects.problems(valid("cpu: 100m", "cpu: 0.5")));
    }

    /** What client-java 24's validateJsonElement lets through, each caught by the checker's own walk or rules. */
    @Test
    void whatValidateJsonElementLetsThroughIsCaught() {
        String[][] cases = {
                {"backoffLimit: 0", "backoffLimit: \"0\"", "backoffLimit: expected an integer"},
                {"suspend: false", "suspend: \"false\"", "suspend: expected a boolean"},
                {"value: \"bucket\"", "value: 12", "value: expected a string, got the number 12"},
                {"- \"create\"", "- 7", "args[0]: expected a string, got the number 7"},
                {"helm.sh/chart: \"infrahub-backup-0.1.0\"", "helm.sh/chart: 1", "labels[helm.sh/chart]: expected a string"},
                {"cpu: 100m", "cpu: lots", "requests[cpu]: not a Kubernetes quantity"},
                {"restartPolicy: Never", "restartPolicy: Sometimes", "restartPolicy: \"Sometimes\" is not one of Always, OnFailure, Never"},
                {"              image: \"registry.opsmill.io/opsmill/infrahub-backup:1.3.0\"\n", "", "image: required"},
                {"mountPath: \"/infrahub_backups\"", "mountPath: \"\"", "mountPath: required: must not be empty"},
                {"name: \"prod-infrahub-backup\"\n  labels:\n    helm", "name: \"PROD\"\n  labels:\n    helm", "metadata.name: \"PROD\" is not a DNS-1123 subdomain"},
        };
        for (String[] c : cases) {
            String release = valid(c[0], c[1]);
            assertDoesNotThrow(() -> V1CronJob.validateJsonElement(onlyJson(release, "CronJob")), "validateJsonElement now rejects " + c[1]);
            assertFlags(release, c[2]);
        }
        // An empty list where at least one item is required passes the model too.
        String noContainers = VALID.replaceAll("(?s)          containers:\n.*?          volumes:\n", "          containers: []\n          volumes:\n");
        assertDoesNotThrow(() -> V1CronJob.validateJsonElement(onlyJson(noContainers, "CronJob")));
        assertFlags(noContainers, "spec.jobTemplate.spec.template.spec.containers: a pod needs at least one container");
    }

    @Test
    void aTooLongCronJobNameIsRejected() {
        String name52 = "a".repeat(52);
        String name53 = "a".repeat(53);
        assertEquals(List.of(), KubernetesObjects.problems(valid("  name: \"prod-infrahub-backup\"\n  labels:\n    helm.sh",
                "  name: \"" + name52 + "\"\n  labels:\n    helm.sh")));
        assertFlags(valid("  name: \"prod-infrahub-backup\"\n  labels:\n    helm.sh", "  name: \"" + name53 + "\"\n  labels:\n    helm.sh"),
                "CronJob \"" + name53 + "\": metadata.name: \"" + name53 + "\" has 53 characters; at most 52 are allowed");
    }

    @Test
    void aTooLongJobNameIsRejected() {
        String job = VALID.substring(VALID.indexOf("---\n# Source: infrahub-backup/templates/cronjob-backup.yaml"))
                .replace("kind: CronJob", "kind: Job")
                .replaceAll("(?s)  schedule:.*?  jobTemplate:\n    spec:\n", "")
                .replace("\n      ", "\n  ");
        assertEquals(List.of(), KubernetesObjects.problems(job), job);
        assertDoesNotThrow(() -> V1Job.validateJsonElement(onlyJson(job, "Job")));
        String name64 = "j".repeat(64);
        assertFlags(job.replace("name: \"prod-infrahub-backup\"\n  labels", "name: \"" + name64 + "\"\n  labels"),
                "metadata.name: \"" + name64 + "\" has 64 characters; at most 63 are allowed");
        assertFlags(job.replace("restartPolicy: Never", "restartPolicy: Always"), "template.spec.restartPolicy: \"Always\": a Job's pods must use Never or OnFailure");
        assertFlags(job.replaceAll(" *restartPolicy: Never\n", ""), "spec.template.spec.restartPolicy: required for a Job's pods");
    }

    @Test
    void namesAndLabelsAreKubernetesNames() {
        assertFlags(valid("name: \"prod-infrahub-backup\"\n  labels:\n    helm", "name: \"Prod_Backup\"\n  labels:\n    helm"),
                "metadata.name: \"Prod_Backup\" is not a DNS-1123 subdomain");
        assertFlags(valid("helm.sh/chart: \"infrahub-backup-0.1.0\"", "helm.sh/chart: \"infrahub-backup-0.1.0+build\""),
                "metadata.labels[helm.sh/chart]: \"infrahub-backup-0.1.0+build\" is not a valid label value");
        assertFlags(valid("helm.sh/chart: \"infrahub-backup-0.1.0\"", "helm.sh/chart: \"" + "x".repeat(64) + "\""), "is not a valid label value");
        assertFlags(valid("helm.sh/chart:", "-helm.sh/chart:"), "metadata.labels[-helm.sh/chart]: \"-helm.sh/chart\" is not a valid label key");
        assertFlags(valid("- name: \"backup\"", "- name: \"Backup\""), "containers[0].name: \"Backup\" is not a DNS-1123 label");
        assertFlags(valid("- name: INFRAHUB_S3_BUCKET", "- name: 1NFRAHUB S3"), "env[1].name: \"1NFRAHUB S3\" is not a valid environment variable name");
        assertFlags(valid("schedule: \"0 2 * * *\"", "schedule: \"\""), "spec.schedule: required: the schedule must not be empty");
        assertFlags(valid("schedule: \"0 2 * * *\"", "schedule: \"0 2 * *\""), "spec.schedule: \"0 2 * *\" has 4 fields");
        assertFlags(valid("concurrencyPolicy: \"Forbid\"", "concurrencyPolicy: \"forbid\""), "spec.concurrencyPolicy: \"forbid\" is not one of Allow, Forbid, Replace");
    }

    @Test
    void podStructureIsChecked() {
        assertFlags(valid("                - name: backup-storage\n                  mountPath", "                - name: backups\n                  mountPath"),
                "containers[0].volumeMounts[0].name: mounts \"backups\", which is not a volume of the pod");
        assertFlags(valid("emptyDir: {}", "emptyDir: {}\n              persistentVolumeClaim:\n                claimName: \"x\""),
                "volumes[0]: a volume needs exactly one source");
        assertFlags(valid("                      fieldPath: metadata.namespace",
                        "                      fieldPath: metadata.namespace\n                    secretKeyRef:\n                      name: s\n                      key: k"),
                "env[0].valueFrom: valueFrom needs exactly one source");
        assertFlags(valid("fieldPath: metadata.namespace", "fieldPath: metadata.nmespace"), "fieldRef.fieldPath: \"metadata.nmespace\" is not a field the downward API exposes");
    }

    @Test
    void unreadableOrUnknownDocumentsAreReported() {
        assertFlags(valid("  concurrencyPolicy: \"Forbid\"\n", "  concurrencyPolicy: \"Forbid\"\n  concurrencyPolicy: \"Allow\"\n"),
                "cronjob-backup.yaml: not readable YAML", "duplicate key concurrencyPolicy");
        assertFlags(valid("  schedule: \"0 2 * * *\"\n", "  schedule: \"0 2 * * *\n"), "cronjob-backup.yaml: not readable YAML: line");
        assertFlags(valid("apiVersion: batch/v1", "apiVersion: batch/v1beta1"), "apiVersion batch/v1beta1 kind CronJob is not a kind this check knows");
        assertFlags(VALID + "---\n# Source: again.yaml\n" + VALID.substring(VALID.indexOf("apiVersion: batch/v1")),
                "again.yaml CronJob \"prod-infrahub-backup\": the release already has this object (infrahub-backup/templates/cronjob-backup.yaml)");
        assertFlags(VALID + "---\n- a list\n", "document 3 (line ");
    }

    @Test
    void rbacObjectsAreChecked() {
        String role = """
                ---
                # Source: role.yaml
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: r
                rules:
                  - apiGroups: [""]
                    resources: ["pods"]
                    verbs: []
                  - resources: ["pods"]
                    verbs: ["get"]
                  - nonResourceURLs: ["/healthz"]
                    verbs: ["get"]
                ---
                # Source: rolebinding.yaml
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: r
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: Roles
                  name: r
                subjects:
                  - kind: ServiceAccount
                    name: Default
                    namespace: infrahub
                """;
        assertFlags(role, "rules[0].verbs: a rule needs at least one verb",
                "rules[1].apiGroups: a resource rule needs at least one API group",
                "rules[2].nonResourceURLs: a namespaced Role cannot grant non-resource URLs",
                "roleRef.kind: \"Roles\" is not one of Role, ClusterRole",
                "subjects[0].name: \"Default\" is not a DNS-1123 subdomain");
        assertFlags(role.replace("roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Roles\n  name: r\n", ""),
                "roleRef: required field of V1RoleBinding is missing");
    }

    @Test
    void aClaimNeedsAccessModesAndASize() {
        String claim = """
                ---
                # Source: persistentvolumeclaim.yaml
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: "prod-infrahub-backup-backups"
                spec:
                  accessModes:
                    - "ReadWriteOnce"
                  resources:
                    requests:
                      storage: "10Gi"
                """;
        assertEquals(List.of(), KubernetesObjects.problems(claim));
        assertFlags(claim.replace("\"ReadWriteOnce\"", "\"ReadWriteOnly\""), "spec.accessModes[0]: the string \"ReadWriteOnly\" is not one of");
        assertFlags(claim.replace("storage: \"10Gi\"", "storage: \"ten\""), "spec.resources.requests[storage]: not a Kubernetes quantity");
        assertFlags(claim.replace("      storage: \"10Gi\"\n", "      cpu: \"1\"\n"), "spec.resources.requests.storage: required: the size of the claim");
    }
}
