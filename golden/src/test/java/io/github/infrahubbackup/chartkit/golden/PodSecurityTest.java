package io.github.infrahubbackup.chartkit.golden;

import static io.github.infrahubbackup.chartkit.golden.KubernetesObjects.array;
import static io.github.infrahubbackup.chartkit.golden.KubernetesObjects.describe;
import static io.github.infrahubbackup.chartkit.golden.KubernetesObjects.object;
import static io.github.infrahubbackup.chartkit.golden.KubernetesObjects.objectAt;
import static io.github.infrahubbackup.chartkit.golden.KubernetesObjects.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every pod spec the chart renders (a Job's {@code spec.template.spec}, a CronJob's
 * {@code spec.jobTemplate.spec.template.spec}) meets the Kubernetes "restricted" Pod Security
 * Standard, latest version: each control of the baseline and restricted profiles is a named check,
 * applied to every pod template of every golden file, and shown to fail on a pod that breaks it.
 *
 * <p>A scenario that deliberately weakens security says so at the top of its values file:
 * {@code # pod-security: baseline} (only the baseline controls apply) or
 * {@code # pod-security: privileged} (none apply). No scenario does today.
 */
class PodSecurityTest {

    /** The two profiles, cumulative: restricted is baseline plus its own controls. */
    enum Level { BASELINE, RESTRICTED }

    /** One control of the standard: its name as the standard words it, its profile, and its check. */
    record Control(String name, Level level, Function<Pod, List<String>> check) {
        @Override
        public String toString() {
            return name + " (" + level.name().toLowerCase() + ")";
        }
    }

    /** A pod template: its metadata (for the AppArmor annotations) and spec. */
    record Pod(JsonObject metadata, JsonObject spec) {
        JsonObject securityContext() {
            return object(spec, "securityContext");
        }

        /** Every container, init container and ephemeral container, with its path. */
        Map<String, JsonObject> containers() {
            Map<String, JsonObject> containers = new LinkedHashMap<>();
            for (String list : List.of("containers", "initContainers", "ephemeralContainers")) {
                JsonArray items = array(spec, list);
                for (int i = 0; items != null && i < items.size(); i++) {
                    JsonObject container = objectAt(items, i);
                    if (container != null) {
                        containers.put("spec." + list + "[" + i + "]", container);
                    }
                }
            }
            return containers;
        }
    }

    static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
            "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");
    static final Set<String> SELINUX_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");
    static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret");
    static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

    /** The controls of the Pod Security Standards, baseline then restricted, as kubernetes.io lists them. */
    static final List<Control> CONTROLS = List.of(
            new Control("HostProcess", Level.BASELINE, PodSecurityTest::hostProcess),
            new Control("Host Namespaces", Level.BASELINE, PodSecurityTest::hostNamespaces),
            new Control("Privileged Containers", Level.BASELINE, PodSecurityTest::privileged),
            new Control("Capabilities (baseline)", Level.BASELINE, PodSecurityTest::baselineCapabilities),
            new Control("HostPath Volumes", Level.BASELINE, PodSecurityTest::hostPathVolumes),
            new Control("Host Ports", Level.BASELINE, PodSecurityTest::hostPorts),
            new Control("Host Probes / Lifecycle Hooks", Level.BASELINE, PodSecurityTest::probeHosts),
            new Control("AppArmor", Level.BASELINE, PodSecurityTest::appArmor),
            new Control("SELinux", Level.BASELINE, PodSecurityTest::seLinux),
            new Control("/proc Mount Type", Level.BASELINE, PodSecurityTest::procMount),
            new Control("Seccomp (baseline)", Level.BASELINE, PodSecurityTest::baselineSeccomp),
            new Control("Sysctls", Level.BASELINE, PodSecurityTest::sysctls),
            new Control("Volume Types", Level.RESTRICTED, PodSecurityTest::volumeTypes),
            new Control("Privilege Escalation", Level.RESTRICTED, PodSecurityTest::privilegeEscalation),
            new Control("Running as Non-root", Level.RESTRICTED, PodSecurityTest::runAsNonRoot),
            new Control("Running as Non-root user", Level.RESTRICTED, PodSecurityTest::runAsUser),
            new Control("Seccomp (restricted)", Level.RESTRICTED, PodSecurityTest::restrictedSeccomp),
            new Control("Capabilities (restricted)", Level.RESTRICTED, PodSecurityTest::restrictedCapabilities));

    /** Every violation of a pod template against a profile (restricted includes baseline); empty when it complies. */
    static List<String> violations(KubernetesObjects.PodTemplate template, Level level) {
        Pod pod = new Pod(template.metadata(), template.spec());
        List<String> violations = new ArrayList<>();
        for (Control control : CONTROLS) {
            if (control.level().compareTo(level) <= 0) {
                control.check().apply(pod).forEach(v -> violations.add(template + ": " + control.name() + ": " + v));
            }
        }
        return violations;
    }

    // ---------------------------------------------------------------------------------------------
    // The controls. "Allowed values" as the standard states them: a field that is present with any
    // other value, of any type, is a violation; null reads as unset.

    private static boolean unsetOr(JsonElement value, Object... allowed) {
        if (value == null || value.isJsonNull()) {
            return true;
        }
        for (Object a : allowed) {
            if (a instanceof Boolean b && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && value.getAsBoolean() == b) {
                return true;
            }
            if (a instanceof String s && KubernetesObjects.isString(value) && value.getAsString().equals(s)) {
                return true;
            }
            if (a instanceof Integer i && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() && value.getAsNumber().toString().equals(i.toString())) {
                return true;
            }
        }
        return false;
    }

    private static JsonElement at(JsonObject object, String dottedPath) {
        JsonObject current = object;
        String[] parts = dottedPath.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            current = object(current, parts[i]);
        }
        return current == null ? null : current.get(parts[parts.length - 1]);
    }

    private static boolean isTrue(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && value.getAsBoolean();
    }

    /** The pod's security context and every container's, with paths. */
    private static Map<String, JsonObject> securityContexts(Pod pod) {
        Map<String, JsonObject> contexts = new LinkedHashMap<>();
        contexts.put("spec.securityContext", pod.securityContext());
        pod.containers().forEach((path, container) -> contexts.put(path + ".securityContext", object(container, "securityContext")));
        return contexts;
    }

    static List<String> hostProcess(Pod pod) {
        List<String> v = new ArrayList<>();
        securityContexts(pod).forEach((path, context) -> {
            JsonElement value = at(context, "windowsOptions.hostProcess");
            if (!unsetOr(value, false)) {
                v.add(path + ".windowsOptions.hostProcess is " + describe(value) + "; allowed: unset or false");
            }
        });
        return v;
    }

    static List<String> hostNamespaces(Pod pod) {
        List<String> v = new ArrayList<>();
        for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
            JsonElement value = pod.spec().get(field);
            if (!unsetOr(value, false)) {
                v.add("spec." + field + " is " + describe(value) + "; allowed: unset or false");
            }
        }
        return v;
    }

    static List<String> privileged(Pod pod) {
        List<String> v = new ArrayList<>();
        pod.containers().forEach((path, container) -> {
            JsonElement value = at(container, "securityContext.privileged");
            if (!unsetOr(value, false)) {
                v.add(path + ".securityContext.privileged is " + describe(value) + "; allowed: unset or false");
            }
        });
        return v;
    }

    private static List<String> added(JsonObject container) {
        JsonElement add = at(container, "securityContext.capabilities.add");
        List<String> capabilities = new ArrayList<>();
        if (add != null && add.isJsonArray()) {
            add.getAsJsonArray().forEach(c -> capabilities.add(KubernetesObjects.isString(c) ? c.getAsString() : c.toString()));
        } else if (add != null && !add.isJsonNull()) {
            capabilities.add(add.toString());
        }
        return capabilities;
    }

    static List<String> baselineCapabilities(Pod pod) {
        List<String> v = new ArrayList<>();
        pod.containers().forEach((path, container) -> {
            for (String capability : added(container)) {
                if (!BASELINE_CAPABILITIES.contains(capability)) {
                    v.add(path + ".securityContext.capabilities.add has " + capability + "; allowed: " + new TreeSet<>(BASELINE_CAPABILITIES));
                }
            }
        });
        return v;
    }

    static List<String> hostPathVolumes(Pod pod) {
        List<String> v = new ArrayList<>();
        JsonArray volumes = array(pod.spec(), "volumes");
        for (int i = 0; volumes != null && i < volumes.size(); i++) {
            JsonObject volume = objectAt(volumes, i);
            if (volume != null && !unsetOr(volume.get("hostPath"))) {
                v.add("spec.volumes[" + i + "] (" + string(volume, "name") + ") is a hostPath volume");
            }
        }
        return v;
    }

    static List<String> hostPorts(Pod pod) {
        List<String> v = new ArrayList<>();
        pod.containers().forEach((path, container) -> {
            JsonArray ports = array(container, "ports");
            for (int i = 0; ports != null && i < ports.size(); i++) {
                JsonElement hostPort = objectAt(ports, i) == null ? null : objectAt(ports, i).get("hostPort");
                if (!unsetOr(hostPort, 0)) {
                    v.add(path + ".ports[" + i + "].hostPort is " + describe(hostPort) + "; allowed: unset or 0");
                }
            }
        });
        return v;
    }

    /** Since Kubernetes 1.34: probes and lifecycle handlers may not target another host. */
    static List<String> probeHosts(Pod pod) {
        List<String> v = new ArrayList<>();
        pod.containers().forEach((path, container) -> {
            for (String handler : List.of("livenessProbe", "readinessProbe", "startupProbe", "lifecycle.postStart", "lifecycle.preStop")) {
                for (String action : List.of("httpGet", "tcpSocket")) {
                    JsonElement host = at(container, handler + "." + action + ".host");
                    if (!unsetOr(host, "")) {
                        v.add(path + "." + handler + "." + action + ".host is " + describe(host) + "; allowed: unset or \"\"");
                    }
                }
            }
        });
        return v;
    }

    static List<String> appArmor(Pod pod) {
        List<String> v = new ArrayList<>();
        securityContexts(pod).forEach((path, context) -> {
            JsonElement type = at(context, "appArmorProfile.type");
            if (!unsetOr(type, "RuntimeDefault", "Localhost")) {
                v.add(path + ".appArmorProfile.type is " + describe(type) + "; allowed: unset, RuntimeDefault, Localhost");
            }
        });
        JsonObject annotations = object(pod.metadata(), "annotations");
        if (annotations != null) {
            for (Map.Entry<String, JsonElement> annotation : annotations.entrySet()) {
                if (annotation.getKey().startsWith(APPARMOR_ANNOTATION)) {
                    JsonElement value = annotation.getValue();
                    boolean ok = unsetOr(value, "runtime/default") || (KubernetesObjects.isString(value) && value.getAsString().startsWith("localhost/"));
                    if (!ok) {
                        v.add("metadata.annotations[" + annotation.getKey() + "] is " + describe(value) + "; allowed: unset, runtime/default, localhost/*");
                    }
                }
            }
        }
        return v;
    }

    static List<String> seLinux(Pod pod) {
        List<String> v = new ArrayList<>();
        securityContexts(pod).forEach((path, context) -> {
            JsonElement type = at(context, "seLinuxOptions.type");
            if (!unsetOr(type, SELINUX_TYPES.toArray())) {
                v.add(path + ".seLinuxOptions.type is " + describe(type) + "; allowed: unset, " + new TreeSet<>(SELINUX_TYPES));
            }
            for (String field : List.of("user", "role")) {
                JsonElement value = at(context, "seLinuxOptions." + field);
                if (!unsetOr(value, "")) {
                    v.add(path + ".seLinuxOptions." + field + " is " + describe(value) + "; allowed: unset or \"\"");
                }
            }
        });
        return v;
    }

    static List<String> procMount(Pod pod) {
        List<String> v = new ArrayList<>();
        pod.containers().forEach((path, container) -> {
            JsonElement value = at(container, "securityContext.procMount");
            if (!unsetOr(value, "Default")) {
                v.add(path + ".securityContext.procMount is " + describe(value) + "; allowed: unset or Default");
            }
        });
        return v;
    }

    static List<String> baselineSeccomp(Pod pod) {
        List<String> v = new ArrayList<>();
        securityContexts(pod).forEach((path, context) -> {
            JsonElement type = at(context, "seccompProfile.type");
            if (!unsetOr(type, "RuntimeDefault", "Localhost")) {
                v.add(path + ".seccompProfile.type is " + describe(type) + "; allowed: unset, RuntimeDefault, Localhost");
            }
        });
        return v;
    }

    static List<String> sysctls(Pod pod) {
        List<String> v = new ArrayList<>();
        JsonArray sysctls = array(pod.securityContext(), "sysctls");
        for (int i = 0; sysctls != null && i < sysctls.size(); i++) {
            JsonElement name = objectAt(sysctls, i) == null ? sysctls.get(i) : objectAt(sysctls, i).get("name");
            if (!KubernetesObjects.isString(name) || !SAFE_SYSCTLS.contains(name.getAsString())) {
                v.add("spec.securityContext.sysctls[" + i + "].name is " + describe(name) + ", not a safe sysctl " + new TreeSet<>(SAFE_SYSCTLS));
            }
        }
        return v;
    }

    static List<String> volumeTypes(Pod pod) {
        List<String> v = new ArrayList<>();
        JsonArray volumes = array(pod.spec(), "volumes");
        for (int i = 0; volumes != null && i < volumes.size(); i++) {
            JsonObject volume = objectAt(volumes, i);
            if (volume == null) {
                continue;
            }
            for (Map.Entry<String, JsonElement> field : volume.entrySet()) {
                if (!field.getKey().equals("name") && !field.getValue().isJsonNull() && !RESTRICTED_VOLUME_TYPES.contains(field.getKey())) {
                    v.add("spec.volumes[" + i + "] (" + string(volume, "name") + ") is a " + field.getKey() + " volume; allowed: "
                            + new TreeSet<>(RESTRICTED_VOLUME_TYPES));
                }
            }
        }
        return v;
    }

    static List<String> privilegeEscalation(Pod pod) {
        List<String> v = new ArrayList<>();
        pod.containers().forEach((path, container) -> {
            JsonElement value = at(container, "securityContext.allowPrivilegeEscalation");
            if (value == null || value.isJsonNull() || !unsetOr(value, false)) {
                v.add(path + ".securityContext.allowPrivilegeEscalation is " + describe(value) + "; it must be false");
            }
        });
        return v;
    }

    static List<String> runAsNonRoot(Pod pod) {
        List<String> v = new ArrayList<>();
        JsonElement podLevel = at(pod.securityContext(), "runAsNonRoot");
        if (!unsetOr(podLevel, true)) {
            v.add("spec.securityContext.runAsNonRoot is " + describe(podLevel) + "; allowed: true");
        }
        boolean podSaysTrue = isTrue(podLevel);
        pod.containers().forEach((path, container) -> {
            JsonElement value = at(container, "securityContext.runAsNonRoot");
            if (!unsetOr(value, true)) {
                v.add(path + ".securityContext.runAsNonRoot is " + describe(value) + "; allowed: true");
            } else if ((value == null || value.isJsonNull()) && !podSaysTrue) {
                v.add(path + " does not set runAsNonRoot: true, and neither does spec.securityContext");
            }
        });
        return v;
    }

    static List<String> runAsUser(Pod pod) {
        List<String> v = new ArrayList<>();
        securityContexts(pod).forEach((path, context) -> {
            JsonElement user = context == null ? null : context.get("runAsUser");
            if (user != null && !user.isJsonNull() && (!user.isJsonPrimitive() || !user.getAsJsonPrimitive().isNumber() || user.getAsLong() == 0)) {
                v.add(path + ".runAsUser is " + describe(user) + "; allowed: unset or non-zero");
            }
        });
        return v;
    }

    static List<String> restrictedSeccomp(Pod pod) {
        List<String> v = new ArrayList<>();
        JsonElement podType = at(pod.securityContext(), "seccompProfile.type");
        boolean podSet = podType != null && !podType.isJsonNull();
        if (podSet && !unsetOr(podType, "RuntimeDefault", "Localhost")) {
            v.add("spec.securityContext.seccompProfile.type is " + describe(podType) + "; allowed: RuntimeDefault, Localhost");
        }
        boolean podOk = podSet && unsetOr(podType, "RuntimeDefault", "Localhost");
        pod.containers().forEach((path, container) -> {
            JsonElement type = at(container, "securityContext.seccompProfile.type");
            if (type != null && !type.isJsonNull() && !unsetOr(type, "RuntimeDefault", "Localhost")) {
                v.add(path + ".securityContext.seccompProfile.type is " + describe(type) + "; allowed: RuntimeDefault, Localhost");
            } else if ((type == null || type.isJsonNull()) && !podOk) {
                v.add(path + " sets no seccompProfile (RuntimeDefault or Localhost), and neither does spec.securityContext");
            }
        });
        return v;
    }

    static List<String> restrictedCapabilities(Pod pod) {
        List<String> v = new ArrayList<>();
        pod.containers().forEach((path, container) -> {
            JsonElement drop = at(container, "securityContext.capabilities.drop");
            boolean dropsAll = drop != null && drop.isJsonArray() && drop.getAsJsonArray().contains(new JsonPrimitive("ALL"));
            if (!dropsAll) {
                v.add(path + ".securityContext.capabilities.drop is " + (drop == null ? "unset" : drop.toString()) + "; it must include ALL");
            }
            for (String capability : added(container)) {
                if (!capability.equals("NET_BIND_SERVICE")) {
                    v.add(path + ".securityContext.capabilities.add has " + capability + "; only NET_BIND_SERVICE may be added");
                }
            }
        });
        return v;
    }

    // ---------------------------------------------------------------------------------------------
    // The golden files

    /** The profile a golden file is held to: its scenario's {@code # pod-security:} header, restricted by default. */
    static Level levelOf(Path goldenFile) {
        Path scenario = ProjectFolder.SCENARIOS.resolve(goldenFile.getFileName().toString());
        if (!Files.exists(scenario)) {
            return Level.RESTRICTED;
        }
        for (String line : KubernetesObjectsTest.read(scenario).lines().takeWhile(l -> l.startsWith("#")).toList()) {
            String setting = line.substring(1).strip();
            if (setting.startsWith("pod-security:")) {
                String value = setting.substring("pod-security:".length()).strip();
                return switch (value) {
                    case "restricted" -> Level.RESTRICTED;
                    case "baseline" -> Level.BASELINE;
                    case "privileged" -> null;
                    default -> throw new IllegalArgumentException(scenario + ": pod-security must be restricted, baseline or privileged, not " + value);
                };
            }
        }
        return Level.RESTRICTED;
    }

    @TestFactory
    Stream<DynamicNode> everyPodSpecOfEveryGoldenFileIsRestricted() {
        List<Path> files = KubernetesObjectsTest.goldenFiles();
        assertFalse(files.isEmpty(), "no golden files in " + ProjectFolder.GOLDEN);
        return files.stream().map(file -> {
            String name = file.getFileName().toString();
            Level level = levelOf(file);
            List<KubernetesObjects.Document> documents = KubernetesObjects.documents(KubernetesObjectsTest.read(file));
            List<KubernetesObjects.PodTemplate> pods = documents.stream().flatMap(d -> KubernetesObjects.podTemplates(d).stream()).toList();
            if (level == null) {
                return DynamicTest.dynamicTest(name + " (pod-security: privileged, not checked)", file.toUri(), () -> { });
            }
            if (pods.isEmpty()) {
                return DynamicTest.dynamicTest(name + " (no pod specs)", file.toUri(), () -> {
                    List<String> workloads = documents.stream().map(KubernetesObjects.Document::kind)
                            .filter(k -> k != null && Set.of("Job", "CronJob", "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet").contains(k))
                            .toList();
                    assertEquals(List.of(), workloads, name + " has workloads but no pod spec was found in them");
                });
            }
            List<DynamicNode> perPod = pods.stream().map(pod -> (DynamicNode) DynamicContainer.dynamicContainer(pod.toString(),
                    CONTROLS.stream().filter(c -> c.level().compareTo(level) <= 0).map(control -> DynamicTest.dynamicTest(control.toString(), () -> {
                        List<String> violations = control.check().apply(new Pod(pod.metadata(), pod.spec()));
                        assertEquals(List.of(), violations, () -> name + " " + pod + " breaks the " + control + " control:\n  "
                                + String.join("\n  ", violations));
                    })))).toList();
            return DynamicContainer.dynamicContainer(name + " (" + level.name().toLowerCase() + ")", file.toUri(), perPod.stream());
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Each control fails on a pod that breaks it

    /** The chart's default pod spec: restricted. */
    private static final String GOOD = """
            {
              "metadata": {"labels": {"app.kubernetes.io/component": "backup"}},
              "spec": {
                "serviceAccountName": "prod-infrahub-backup",
                "restartPolicy": "Never",
                "securityContext": {"fsGroup": 1000, "runAsNonRoot": true, "runAsUser": 1000, "seccompProfile": {"type": "RuntimeDefault"}},
                "containers": [{
                  "name": "backup",
                  "image": "registry.opsmill.io/opsmill/infrahub-backup:1.3.0",
                  "securityContext": {"allowPrivilegeEscalation": false, "capabilities": {"drop": ["ALL"]}, "readOnlyRootFilesystem": false},
                  "volumeMounts": [{"name": "backup-storage", "mountPath": "/infrahub_backups"}]
                }],
                "volumes": [{"name": "backup-storage", "emptyDir": {}}]
              }
            }
            """;

    private record Bad(String control, String what, Consumer<JsonObject> breakIt) {
        @Override
        public String toString() {
            return control + ": " + what;
        }
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static JsonObject spec(JsonObject pod) {
        return pod.getAsJsonObject("spec");
    }

    private static JsonObject container(JsonObject pod) {
        return spec(pod).getAsJsonArray("containers").get(0).getAsJsonObject();
    }

    private static JsonObject containerContext(JsonObject pod) {
        return container(pod).getAsJsonObject("securityContext");
    }

    private static JsonObject podContext(JsonObject pod) {
        return spec(pod).getAsJsonObject("securityContext");
    }

    private static final List<Bad> BAD_PODS = List.of(
            new Bad("HostProcess", "pod windowsOptions.hostProcess true", p -> podContext(p).add("windowsOptions", json("{\"hostProcess\": true}"))),
            new Bad("HostProcess", "container windowsOptions.hostProcess true", p -> containerContext(p).add("windowsOptions", json("{\"hostProcess\": true}"))),
            new Bad("Host Namespaces", "hostNetwork", p -> spec(p).addProperty("hostNetwork", true)),
            new Bad("Host Namespaces", "hostPID", p -> spec(p).addProperty("hostPID", true)),
            new Bad("Host Namespaces", "hostIPC", p -> spec(p).addProperty("hostIPC", true)),
            new Bad("Privileged Containers", "privileged container", p -> containerContext(p).addProperty("privileged", true)),
            new Bad("Privileged Containers", "privileged init container", p -> {
                JsonObject init = json("{\"name\": \"init\", \"image\": \"busybox\", \"securityContext\": {\"privileged\": true}}");
                JsonArray list = new JsonArray();
                list.add(init);
                spec(p).add("initContainers", list);
            }),
            new Bad("Capabilities (baseline)", "adds SYS_ADMIN", p -> containerContext(p).getAsJsonObject("capabilities").add("add", JsonParser.parseString("[\"SYS_ADMIN\"]"))),
            new Bad("HostPath Volumes", "a hostPath volume", p -> spec(p).getAsJsonArray("volumes").add(json("{\"name\": \"host\", \"hostPath\": {\"path\": \"/\"}}"))),
            new Bad("Host Ports", "hostPort 8080", p -> container(p).add("ports", JsonParser.parseString("[{\"containerPort\": 8080, \"hostPort\": 8080}]"))),
            new Bad("Host Probes / Lifecycle Hooks", "liveness probe on another host", p -> container(p).add("livenessProbe",
                    json("{\"httpGet\": {\"host\": \"10.0.0.1\", \"port\": 80, \"path\": \"/\"}}"))),
            new Bad("Host Probes / Lifecycle Hooks", "preStop hook on another host", p -> container(p).add("lifecycle",
                    json("{\"preStop\": {\"tcpSocket\": {\"host\": \"metadata.internal\", \"port\": 80}}}"))),
            new Bad("AppArmor", "pod appArmorProfile Unconfined", p -> podContext(p).add("appArmorProfile", json("{\"type\": \"Unconfined\"}"))),
            new Bad("AppArmor", "container appArmorProfile Unconfined", p -> containerContext(p).add("appArmorProfile", json("{\"type\": \"Unconfined\"}"))),
            new Bad("AppArmor", "unconfined annotation", p -> p.getAsJsonObject("metadata").add("annotations",
                    json("{\"container.apparmor.security.beta.kubernetes.io/backup\": \"unconfined\"}"))),
            new Bad("SELinux", "custom type spc_t", p -> podContext(p).add("seLinuxOptions", json("{\"type\": \"spc_t\"}"))),
            new Bad("SELinux", "custom user", p -> containerContext(p).add("seLinuxOptions", json("{\"user\": \"system_u\"}"))),
            new Bad("SELinux", "custom role", p -> containerContext(p).add("seLinuxOptions", json("{\"role\": \"sysadm_r\"}"))),
            new Bad("/proc Mount Type", "Unmasked", p -> containerContext(p).addProperty("procMount", "Unmasked")),
            new Bad("Seccomp (baseline)", "pod Unconfined", p -> podContext(p).add("seccompProfile", json("{\"type\": \"Unconfined\"}"))),
            new Bad("Seccomp (baseline)", "container Unconfined", p -> containerContext(p).add("seccompProfile", json("{\"type\": \"Unconfined\"}"))),
            new Bad("Sysctls", "kernel.msgmax", p -> podContext(p).add("sysctls", JsonParser.parseString("[{\"name\": \"kernel.msgmax\", \"value\": \"65536\"}]"))),
            new Bad("Volume Types", "an nfs volume", p -> spec(p).getAsJsonArray("volumes").add(json("{\"name\": \"nfs\", \"nfs\": {\"server\": \"nas\", \"path\": \"/\"}}"))),
            new Bad("Volume Types", "a hostPath volume", p -> spec(p).getAsJsonArray("volumes").get(0).getAsJsonObject().add("hostPath", json("{\"path\": \"/\"}"))),
            new Bad("Privilege Escalation", "allowPrivilegeEscalation true", p -> containerContext(p).addProperty("allowPrivilegeEscalation", true)),
            new Bad("Privilege Escalation", "allowPrivilegeEscalation unset", p -> containerContext(p).remove("allowPrivilegeEscalation")),
            new Bad("Running as Non-root", "runAsNonRoot unset everywhere", p -> podContext(p).remove("runAsNonRoot")),
            new Bad("Running as Non-root", "pod runAsNonRoot false", p -> podContext(p).addProperty("runAsNonRoot", false)),
            new Bad("Running as Non-root", "container runAsNonRoot false", p -> containerContext(p).addProperty("runAsNonRoot", false)),
            new Bad("Running as Non-root user", "pod runAsUser 0", p -> podContext(p).addProperty("runAsUser", 0)),
            new Bad("Running as Non-root user", "container runAsUser 0", p -> containerContext(p).addProperty("runAsUser", 0)),
            new Bad("Seccomp (restricted)", "seccompProfile unset everywhere", p -> podContext(p).remove("seccompProfile")),
            new Bad("Seccomp (restricted)", "container Unconfined", p -> containerContext(p).add("seccompProfile", json("{\"type\": \"Unconfined\"}"))),
            new Bad("Capabilities (restricted)", "does not drop ALL", p -> containerContext(p).getAsJsonObject("capabilities").add("drop", JsonParser.parseString("[\"NET_RAW\"]"))),
            new Bad("Capabilities (restricted)", "no capabilities at all", p -> containerContext(p).remove("capabilities")),
            new Bad("Capabilities (restricted)", "adds CHOWN (allowed by baseline only)", p -> containerContext(p).getAsJsonObject("capabilities").add("add", JsonParser.parseString("[\"CHOWN\"]"))));

    private static Control control(String name) {
        return CONTROLS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no control " + name));
    }

    @Test
    void theGoodPodMeetsEveryControl() {
        JsonObject pod = json(GOOD);
        for (Control control : CONTROLS) {
            assertEquals(List.of(), control.check().apply(new Pod(pod.getAsJsonObject("metadata"), spec(pod))), control.toString());
        }
    }

    @Test
    void everyControlHasABadPod() {
        Set<String> tested = BAD_PODS.stream().map(Bad::control).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        CONTROLS.forEach(c -> {
            if (!tested.contains(c.name())) {
                missing.add(c.name());
            }
        });
        assertEquals(Set.of(), missing, "controls without a failing example");
    }

    @TestFactory
    Stream<DynamicTest> eachControlRejectsABadPod() {
        return BAD_PODS.stream().map(bad -> DynamicTest.dynamicTest(bad.toString(), () -> {
            JsonObject pod = json(GOOD);
            bad.breakIt().accept(pod);
            Control control = control(bad.control());
            List<String> violations = control.check().apply(new Pod(pod.getAsJsonObject("metadata"), spec(pod)));
            assertFalse(violations.isEmpty(), control + " accepts a pod with " + bad.what() + ": " + pod);
            // The pod is also caught as a whole, through the profile it breaks.
            KubernetesObjects.Document document = new KubernetesObjects.Document(1, 1, "bad-pod.yaml", pod, null);
            KubernetesObjects.PodTemplate template = new KubernetesObjects.PodTemplate(document, "spec.template",
                    pod.getAsJsonObject("metadata"), spec(pod));
            assertTrue(violations(template, control.level()).stream().anyMatch(v -> v.contains(control.name() + ": ")));
        }));
    }

    @Test
    void baselineProfileAllowsWhatOnlyRestrictedForbids() {
        JsonObject pod = json(GOOD);
        containerContext(pod).getAsJsonObject("capabilities").add("add", JsonParser.parseString("[\"CHOWN\"]"));
        podContext(pod).remove("runAsNonRoot");
        KubernetesObjects.Document document = new KubernetesObjects.Document(1, 1, "baseline-pod.yaml", pod, null);
        KubernetesObjects.PodTemplate template = new KubernetesObjects.PodTemplate(document, "spec.template", pod.getAsJsonObject("metadata"), spec(pod));
        assertEquals(List.of(), violations(template, Level.BASELINE));
        assertEquals(2, violations(template, Level.RESTRICTED).size(), () -> String.join("\n", violations(template, Level.RESTRICTED)));
    }
}
