package io.github.infrahubbackup.chartkit.golden;

import static io.github.infrahubbackup.chartkit.golden.KubernetesObjects.array;
import static io.github.infrahubbackup.chartkit.golden.KubernetesObjects.object;
import static io.github.infrahubbackup.chartkit.golden.KubernetesObjects.objectAt;
import static io.github.infrahubbackup.chartkit.golden.KubernetesObjects.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The chart grants exactly what the tool needs (listed in {@link #EXPECTED}) and nothing else: one namespaced Role whose rules are,
 * as a set of (apiGroup, resource, verb), pods get/list, pods/exec create, pods/log get, apps
 * deployments and statefulsets get/list, deployments/scale and statefulsets/scale get/patch; no
 * wildcard, no Secret access, no resourceNames or non-resource URLs, no ClusterRole or
 * ClusterRoleBinding anywhere; one RoleBinding from that Role to the rendered ServiceAccount in the
 * release namespace ({@code infrahub}, or the scenario's {@code # namespace:} header).
 */
class LeastPrivilegeRoleTest {

    /** One permission: a verb on a resource of an API group ("" is the core group). */
    record Grant(String apiGroup, String resource, String verb) implements Comparable<Grant> {
        @Override
        public int compareTo(Grant other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return (apiGroup.isEmpty() ? "core" : apiGroup) + " " + resource + " " + verb;
        }
    }

    /** The grants the infrahub-backup tool needs to exec into and scale Infrahub's pods. */
    static final Set<Grant> EXPECTED = Set.of(
            new Grant("", "pods", "get"),
            new Grant("", "pods", "list"),
            new Grant("", "pods/exec", "create"),
            new Grant("", "pods/log", "get"),
            new Grant("apps", "deployments", "get"),
            new Grant("apps", "deployments", "list"),
            new Grant("apps", "statefulsets", "get"),
            new Grant("apps", "statefulsets", "list"),
            new Grant("apps", "deployments/scale", "get"),
            new Grant("apps", "deployments/scale", "patch"),
            new Grant("apps", "statefulsets/scale", "get"),
            new Grant("apps", "statefulsets/scale", "patch"));

    static final String DEFAULT_NAMESPACE = "infrahub";

    /** The release namespace a golden file was rendered in: its scenario's {@code # namespace:} header, else infrahub. */
    static String namespaceOf(Path goldenFile) {
        Path scenario = ProjectFolder.SCENARIOS.resolve(goldenFile.getFileName().toString());
        if (!Files.exists(scenario)) {
            return DEFAULT_NAMESPACE;
        }
        return Scenario.read(scenario, Release.named("prod").in(DEFAULT_NAMESPACE)).release().namespace();
    }

    /** Every way a release's RBAC departs from least privilege; empty when it is exactly {@link #EXPECTED}. */
    static List<String> problems(List<KubernetesObjects.Document> documents, String namespace) {
        List<String> problems = new ArrayList<>();
        List<KubernetesObjects.Document> roles = new ArrayList<>();
        List<KubernetesObjects.Document> bindings = new ArrayList<>();
        List<String> serviceAccounts = new ArrayList<>();
        Set<String> podServiceAccounts = new TreeSet<>();
        for (KubernetesObjects.Document document : documents) {
            String kind = document.kind();
            if (kind == null) {
                continue;
            }
            String apiVersion = String.valueOf(document.apiVersion());
            switch (kind) {
                case "ClusterRole", "ClusterRoleBinding" -> problems.add(document.label() + ": a " + kind
                        + " grants beyond the release namespace; the chart may only render a Role and a RoleBinding");
                case "Role" -> roles.add(document);
                case "RoleBinding" -> bindings.add(document);
                case "ServiceAccount" -> serviceAccounts.add(document.name());
                default -> {
                    // workloads: note the account their pods run as
                }
            }
            if (apiVersion.startsWith("rbac.authorization.k8s.io/") && !apiVersion.equals("rbac.authorization.k8s.io/v1")) {
                problems.add(document.label() + ": apiVersion " + apiVersion + "; RBAC objects are rbac.authorization.k8s.io/v1");
            }
            for (KubernetesObjects.PodTemplate pod : KubernetesObjects.podTemplates(document)) {
                String account = string(pod.spec(), "serviceAccountName");
                podServiceAccounts.add(account == null ? "default" : account);
            }
        }
        if (roles.size() > 1) {
            problems.add("the release has " + roles.size() + " Roles; the chart renders one");
        }
        if (bindings.size() > 1) {
            problems.add("the release has " + bindings.size() + " RoleBindings; the chart renders one");
        }
        if (roles.isEmpty() != bindings.isEmpty()) {
            problems.add(roles.isEmpty() ? "a RoleBinding without the chart's Role" : "a Role without a RoleBinding");
        }
        for (KubernetesObjects.Document role : roles) {
            checkRole(role, namespace, problems);
        }
        for (KubernetesObjects.Document binding : bindings) {
            String roleName = roles.size() == 1 ? roles.get(0).name() : null;
            checkBinding(binding, roleName, namespace, serviceAccounts, podServiceAccounts, problems);
        }
        return problems;
    }

    private static void checkRole(KubernetesObjects.Document role, String namespace, List<String> problems) {
        JsonObject object = role.object();
        String label = role.label();
        checkNamespace(object, label, namespace, problems);
        JsonArray rules = array(object, "rules");
        if (rules == null || rules.isEmpty()) {
            problems.add(label + ": no rules; the tool needs " + EXPECTED.size() + " grants");
            return;
        }
        Set<Grant> granted = new TreeSet<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonObject rule = objectAt(rules, i);
            String at = label + ": rules[" + i + "]";
            if (rule == null) {
                problems.add(at + " is not an object");
                continue;
            }
            for (String field : List.of("resourceNames", "nonResourceURLs")) {
                if (rule.has(field) && !rule.get(field).isJsonNull()) {
                    problems.add(at + "." + field + " is set; the expected rules have none");
                }
            }
            List<String> groups = strings(rule, "apiGroups", at, problems);
            List<String> resources = strings(rule, "resources", at, problems);
            List<String> verbs = strings(rule, "verbs", at, problems);
            List<String> all = new ArrayList<>(groups);
            all.addAll(resources);
            all.addAll(verbs);
            for (String value : all) {
                if (value.contains("*")) {
                    problems.add(at + " has the wildcard \"" + value + "\"");
                }
            }
            for (String resource : resources) {
                if (resource.equals("secrets") || resource.startsWith("secrets/")) {
                    problems.add(at + " grants access to " + resource + "; the tool never reads Secrets through the API");
                }
            }
            for (String group : groups) {
                for (String resource : resources) {
                    for (String verb : verbs) {
                        granted.add(new Grant(group, resource, verb));
                    }
                }
            }
        }
        Set<Grant> extra = new TreeSet<>(granted);
        extra.removeAll(EXPECTED);
        Set<Grant> missing = new TreeSet<>(EXPECTED);
        missing.removeAll(granted);
        if (!extra.isEmpty()) {
            problems.add(label + ": grants more than the tool needs: " + extra);
        }
        if (!missing.isEmpty()) {
            problems.add(label + ": lacks what the tool needs: " + missing);
        }
    }

    private static void checkBinding(KubernetesObjects.Document binding, String roleName, String namespace, List<String> serviceAccounts,
            Set<String> podServiceAccounts, List<String> problems) {
        JsonObject object = binding.object();
        String label = binding.label();
        checkNamespace(object, label, namespace, problems);
        JsonObject roleRef = object(object, "roleRef");
        if (roleRef == null) {
            problems.add(label + ": no roleRef");
        } else {
            if (!"rbac.authorization.k8s.io".equals(string(roleRef, "apiGroup"))) {
                problems.add(label + ": roleRef.apiGroup is " + roleRef.get("apiGroup") + ", not rbac.authorization.k8s.io");
            }
            if (!"Role".equals(string(roleRef, "kind"))) {
                problems.add(label + ": roleRef.kind is " + roleRef.get("kind") + "; it must be the chart's Role, never a ClusterRole");
            }
            if (roleName != null && !roleName.equals(string(roleRef, "name"))) {
                problems.add(label + ": roleRef.name is " + roleRef.get("name") + ", not the Role \"" + roleName + "\"");
            }
        }
        JsonArray subjects = array(object, "subjects");
        if (subjects == null || subjects.size() != 1) {
            problems.add(label + ": has " + (subjects == null ? "no" : subjects.size()) + " subjects; it binds exactly the chart's ServiceAccount");
            return;
        }
        JsonObject subject = objectAt(subjects, 0);
        String kind = string(subject, "kind");
        String name = string(subject, "name");
        String subjectNamespace = string(subject, "namespace");
        if (!"ServiceAccount".equals(kind)) {
            problems.add(label + ": subjects[0].kind is " + (subject == null ? null : subject.get("kind")) + ", not ServiceAccount");
        }
        if (subject != null && subject.has("apiGroup") && !"".equals(string(subject, "apiGroup"))) {
            problems.add(label + ": subjects[0].apiGroup is " + subject.get("apiGroup") + "; a ServiceAccount subject has none");
        }
        if (!namespace.equals(subjectNamespace)) {
            problems.add(label + ": subjects[0].namespace is " + (subjectNamespace == null ? "unset" : "\"" + subjectNamespace + "\"")
                    + ", not the release namespace \"" + namespace + "\"");
        }
        if (serviceAccounts.size() == 1 && !serviceAccounts.get(0).equals(name)) {
            problems.add(label + ": subjects[0].name is \"" + name + "\", not the rendered ServiceAccount \"" + serviceAccounts.get(0) + "\"");
        }
        if (serviceAccounts.size() > 1) {
            problems.add("the release has " + serviceAccounts.size() + " ServiceAccounts " + serviceAccounts + "; the chart renders one");
        }
        for (String account : podServiceAccounts) {
            if (!account.equals(name)) {
                problems.add(label + ": subjects[0].name is \"" + name + "\", but the pods run as \"" + account + "\"");
            }
        }
        if (name == null || name.isEmpty()) {
            problems.add(label + ": subjects[0].name is missing");
        }
    }

    private static void checkNamespace(JsonObject object, String label, String namespace, List<String> problems) {
        String objectNamespace = string(object(object, "metadata"), "namespace");
        if (objectNamespace != null && !objectNamespace.equals(namespace)) {
            problems.add(label + ": metadata.namespace is \"" + objectNamespace + "\", not the release namespace \"" + namespace + "\"");
        }
    }

    private static List<String> strings(JsonObject rule, String field, String at, List<String> problems) {
        List<String> values = new ArrayList<>();
        JsonElement list = rule.get(field);
        if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
            problems.add(at + "." + field + " is missing or empty");
            return values;
        }
        for (JsonElement value : list.getAsJsonArray()) {
            if (KubernetesObjects.isString(value)) {
                values.add(value.getAsString());
            } else {
                problems.add(at + "." + field + " holds " + value + ", not a string");
            }
        }
        return values;
    }

    // ---------------------------------------------------------------------------------------------
    // The golden files

    @TestFactory
    Stream<DynamicTest> everyGoldenFileGrantsExactlyTheSpecRules() {
        List<Path> files = KubernetesObjectsTest.goldenFiles();
        assertFalse(files.isEmpty(), "no golden files in " + ProjectFolder.GOLDEN);
        return files.stream().map(file -> {
            List<KubernetesObjects.Document> documents = KubernetesObjects.documents(KubernetesObjectsTest.read(file));
            boolean hasRole = documents.stream().anyMatch(d -> "Role".equals(d.kind()));
            String namespace = namespaceOf(file);
            String name = file.getFileName().toString() + (hasRole ? " (Role, namespace " + namespace + ")" : " (no Role)");
            return DynamicTest.dynamicTest(name, file.toUri(), () -> {
                List<String> problems = problems(documents, namespace);
                assertEquals(List.of(), problems, () -> file + " departs from least privilege:\n  " + String.join("\n  ", problems));
            });
        });
    }

    @Test
    void theDefaultsRenderTheRole() {
        List<KubernetesObjects.Document> documents = KubernetesObjects.documents(KubernetesObjectsTest.read(ProjectFolder.GOLDEN.resolve("defaults.yaml")));
        assertEquals(1, documents.stream().filter(d -> "Role".equals(d.kind())).count(), "defaults.yaml has the Role");
        assertEquals(1, documents.stream().filter(d -> "RoleBinding".equals(d.kind())).count(), "defaults.yaml has the RoleBinding");
    }

    // ---------------------------------------------------------------------------------------------
    // The check catches departures

    private static String defaults() {
        return KubernetesObjectsTest.read(ProjectFolder.GOLDEN.resolve("defaults.yaml"));
    }

    private static void assertCaught(String release, String fragment) {
        List<String> problems = problems(KubernetesObjects.documents(release), DEFAULT_NAMESPACE);
        if (problems.stream().noneMatch(p -> p.contains(fragment))) {
            fail("expected a problem containing \"" + fragment + "\", got:\n  " + String.join("\n  ", problems));
        }
    }

    private static String replace(String text, String from, String to) {
        assertTrue(text.contains(from), "defaults.yaml has no " + from);
        return text.replace(from, to);
    }

    @Test
    void theDefaultsPass() {
        assertEquals(List.of(), problems(KubernetesObjects.documents(defaults()), DEFAULT_NAMESPACE));
    }

    @Test
    void anExtraVerbIsCaught() {
        assertCaught(replace(defaults(), "verbs: [\"get\", \"patch\"]", "verbs: [\"get\", \"patch\", \"update\"]"),
                "grants more than the tool needs: [apps deployments/scale update, apps statefulsets/scale update]");
    }

    @Test
    void aMissingGrantIsCaught() {
        assertCaught(replace(defaults(), "resources: [\"pods/log\"]", "resources: [\"pods/status\"]"), "lacks what the tool needs: [core pods/log get]");
    }

    @Test
    void wildcardsAreCaught() {
        assertCaught(replace(defaults(), "verbs: [\"create\"]", "verbs: [\"*\"]"), "has the wildcard \"*\"");
        assertCaught(replace(defaults(), "apiGroups: [\"apps\"]", "apiGroups: [\"*\"]"), "has the wildcard \"*\"");
        assertCaught(replace(defaults(), "resources: [\"pods\"]", "resources: [\"pods/*\"]"), "has the wildcard \"pods/*\"");
    }

    @Test
    void secretsAreCaught() {
        assertCaught(replace(defaults(), "resources: [\"pods\"]", "resources: [\"pods\", \"secrets\"]"), "grants access to secrets");
    }

    @Test
    void resourceNamesAndNonResourceUrlsAreCaught() {
        assertCaught(replace(defaults(), "verbs: [\"create\"]", "verbs: [\"create\"]\n    resourceNames: [\"infrahub-server-0\"]"), "resourceNames is set");
        assertCaught(replace(defaults(), "verbs: [\"create\"]", "verbs: [\"create\"]\n  - nonResourceURLs: [\"/metrics\"]\n    verbs: [\"get\"]"),
                "nonResourceURLs is set");
    }

    @Test
    void clusterWideObjectsAreCaught() {
        assertCaught(replace(defaults(), "kind: Role\nmetadata", "kind: ClusterRole\nmetadata"), "a ClusterRole grants beyond the release namespace");
        assertCaught(replace(defaults(), "kind: RoleBinding\nmetadata", "kind: ClusterRoleBinding\nmetadata"),
                "a ClusterRoleBinding grants beyond the release namespace");
        assertCaught(replace(defaults(), "  kind: Role\n  name:", "  kind: ClusterRole\n  name:"), "roleRef.kind is \"ClusterRole\"");
    }

    @Test
    void aBindingToAnythingElseIsCaught() {
        assertCaught(replace(defaults(), "  kind: Role\n  name: \"prod-infrahub-backup\"", "  kind: Role\n  name: \"admin\""),
                "roleRef.name is \"admin\", not the Role \"prod-infrahub-backup\"");
        assertCaught(replace(defaults(), "namespace: \"infrahub\"", "namespace: \"kube-system\""),
                "subjects[0].namespace is \"kube-system\", not the release namespace \"infrahub\"");
        assertCaught(replace(defaults(), "    name: \"prod-infrahub-backup\"\n    namespace", "    name: \"default\"\n    namespace"),
                "subjects[0].name is \"default\", not the rendered ServiceAccount \"prod-infrahub-backup\"");
        assertCaught(replace(defaults(), "subjects:\n", "subjects:\n  - kind: Group\n    apiGroup: rbac.authorization.k8s.io\n    name: system:authenticated\n"),
                "has 2 subjects");
    }

    @Test
    void goldenFilesWithoutANamespaceHeaderAreInInfrahub() {
        assertEquals(DEFAULT_NAMESPACE, namespaceOf(ProjectFolder.GOLDEN.resolve("defaults.yaml")));
    }
}
