package io.github.infrahubbackup.chartkit.golden;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import io.github.infrahubbackup.chartkit.engine.text.EditDistance;
import io.github.infrahubbackup.chartkit.testing.GoTypedYaml;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1AppArmorProfile;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapKeySelector;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1CronJobSpec;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1EphemeralContainer;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1PreferredSchedulingTerm;
import io.kubernetes.client.openapi.models.V1ResourceFieldSelector;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1Sysctl;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Strict checks of a rendered release against Kubernetes: what the API server (and kubectl, Helm)
 * would reject, or silently read differently from what the chart meant.
 *
 * <p>{@link #problems(String)} splits {@code helm template} output into its documents, reads each
 * once (YAML read as Kubernetes' YAML reader reads it: {@code y}/{@code n} are booleans,
 * timestamps stay strings, duplicate keys are errors), and checks each object three ways:
 *
 * <ol>
 *   <li>the official model's {@code validateJsonElement} from {@code io.kubernetes:client-java-api}
 *       (unknown fields and missing required fields, but only the first problem and no path);
 *   <li>a walk of the same models by reflection, which reports every problem with its path and
 *       adds what {@code validateJsonElement} lets through: scalar types ({@code "0"} where an
 *       integer belongs, {@code "false"} where a boolean belongs, a number where a string belongs),
 *       the values of {@code map<string,string>} fields, list items, quantities, required fields
 *       given as {@code null};
 *   <li>Kubernetes' own validation rules that the models do not carry: names (DNS-1123, CronJob
 *       52, Job 63), label keys and values, annotation keys, container and volume names, images,
 *       environment variable names, a Job's restartPolicy, CronJob schedules, enums, one source
 *       per volume and per env {@code valueFrom}, volume mounts that name a volume, requests not
 *       above limits, RBAC rules, role references and subjects, claims.
 * </ol>
 *
 * <p>The result is a list of sentences, empty when the release is fine. Thread-safe, no network.
 */
final class KubernetesObjects {
    private KubernetesObjects() {
    }

    // ---------------------------------------------------------------------------------------------
    // API

    /** Every problem of every object of a rendered release ({@code ---} separated documents); empty when all is well. */
    static List<String> problems(String renderedYaml) {
        return problems(documents(renderedYaml));
    }

    /** Every problem of already split documents, and of the release as a whole (duplicate objects). */
    static List<String> problems(List<Document> documents) {
        List<String> problems = new ArrayList<>();
        Map<String, Document> seen = new HashMap<>();
        for (Document document : documents) {
            check(document, problems);
            if (document.object() != null && document.kind() != null && document.name() != null) {
                String apiVersion = document.apiVersion() == null ? "" : document.apiVersion();
                String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                String namespace = string(object(document.object(), "metadata"), "namespace");
                String identity = group + "/" + document.kind() + "/" + (namespace == null ? "" : namespace) + "/" + document.name();
                Document previous = seen.putIfAbsent(identity, document);
                if (previous != null) {
                    problems.add(document.label() + ": the release already has this object (" + previous.where()
                            + "); Helm cannot install two objects of the same kind and name");
                }
            }
        }
        return problems;
    }

    /**
     * The documents of a rendered release, each read once. A document holds only comments and blank
     * lines when {@link Document#json()} is {@code null} and {@link Document#error()} is {@code null}.
     */
    static List<Document> documents(String renderedYaml) {
        List<Document> documents = new ArrayList<>();
        String[] lines = renderedYaml.split("\n", -1);
        StringBuilder text = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (isSeparator(line)) {
                addDocument(documents, text.toString(), start);
                text.setLength(0);
                start = i + 2;
                String rest = line.substring(3).strip();
                if (!rest.isEmpty()) {
                    // "--- value": content on the separator line itself; keep it, YAML allows it.
                    text.append(rest).append('\n');
                    start = i + 1;
                }
            } else {
                text.append(line).append('\n');
            }
        }
        addDocument(documents, text.toString(), start);
        return documents;
    }

    /**
     * The pod templates (metadata and spec) of a workload object: a Job's {@code spec.template}, a
     * CronJob's {@code spec.jobTemplate.spec.template}, a Pod itself, the template of a Deployment,
     * StatefulSet, DaemonSet or ReplicaSet. Missing parts are reported by {@link #problems}, not here.
     */
    static List<PodTemplate> podTemplates(Document document) {
        JsonObject object = document.object();
        if (object == null || document.kind() == null) {
            return List.of();
        }
        JsonObject spec = object(object, "spec");
        return switch (document.kind()) {
            case "Pod" -> spec == null ? List.of() : List.of(new PodTemplate(document, "spec", object(object, "metadata"), spec));
            case "Job", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" -> template(document, "spec.template", object(spec, "template"));
            case "CronJob" -> template(document, "spec.jobTemplate.spec.template",
                    object(object(object(spec, "jobTemplate"), "spec"), "template"));
            default -> List.of();
        };
    }

    private static List<PodTemplate> template(Document document, String path, JsonObject template) {
        JsonObject spec = object(template, "spec");
        return spec == null ? List.of() : List.of(new PodTemplate(document, path, object(template, "metadata"), spec));
    }

    /**
     * One document of a release.
     *
     * @param index  its position among the release's documents, from 1
     * @param line   the line of the release it starts on, from 1
     * @param source the template it came from ({@code # Source:} comment), or {@code null}
     * @param json   its content as JSON, numbers kept as numbers; {@code null} when empty or unreadable
     * @param error  why it could not be read, or {@code null}
     */
    record Document(int index, int line, String source, JsonElement json, String error) {
        /** The document as an object, or {@code null} when it is not one. */
        JsonObject object() {
            return json != null && json.isJsonObject() ? json.getAsJsonObject() : null;
        }

        String apiVersion() {
            return string(object(), "apiVersion");
        }

        String kind() {
            return string(object(), "kind");
        }

        String name() {
            return string(KubernetesObjects.object(object(), "metadata"), "name");
        }

        /** Where the document is: its template, or its number and line. */
        String where() {
            return source != null ? source : "document " + index + " (line " + line + ")";
        }

        /** Where and what: {@code templates/job.yaml Job "prod-infrahub-backup"}. */
        String label() {
            String kind = kind();
            String name = name();
            return where() + (kind == null ? "" : " " + kind) + (name == null ? "" : " \"" + name + "\"");
        }
    }

    /**
     * A pod template of a workload.
     *
     * @param document the object it belongs to
     * @param path     its path in the object ({@code spec.jobTemplate.spec.template})
     * @param metadata its metadata, or {@code null}
     * @param spec     its pod spec
     */
    record PodTemplate(Document document, String path, JsonObject metadata, JsonObject spec) {
        @Override
        public String toString() {
            return document.label() + " " + path;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Reading YAML as Kubernetes does

    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(KubernetesObjects::newYaml);

    /** Plain scalars typed as sigs.k8s.io/yaml (go-yaml v2) types them, which Helm and kubectl use: the library's resolver. */
    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(100);
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setNestingDepthLimit(100);
        return GoTypedYaml.create(options);
    }

    private static boolean isSeparator(String line) {
        return line.startsWith("---") && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '\t' || line.charAt(3) == '\r');
    }

    private static void addDocument(List<Document> documents, String text, int line) {
        if (text.isBlank() && documents.isEmpty() && line == 1) {
            return; // nothing before the first separator
        }
        String source = null;
        for (String l : text.split("\n")) {
            if (l.startsWith("# Source: ")) {
                source = l.substring("# Source: ".length()).strip();
                break;
            }
        }
        int index = documents.size() + 1;
        Object value;
        try {
            value = YAML.get().load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String at = mark == null ? "" : "line " + (line + mark.getLine()) + ", column " + (mark.getColumn() + 1) + ": ";
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + "; " : "";
            documents.add(new Document(index, line, source, null, "not readable YAML: " + at + context + what));
            return;
        } catch (RuntimeException e) {
            documents.add(new Document(index, line, source, null, "not readable YAML: " + e.getMessage()));
            return;
        }
        if (value == null) {
            if (!text.isBlank()) {
                documents.add(new Document(index, line, source, null, null));
            }
            return;
        }
        List<String> conversion = new ArrayList<>();
        JsonElement json = toJson(value, "", conversion);
        documents.add(new Document(index, line, source, json, conversion.isEmpty() ? null : String.join("; ", conversion)));
    }

    /** SnakeYAML's objects as JSON; numbers stay numbers, and what JSON cannot hold is reported. */
    private static JsonElement toJson(Object value, String path, List<String> problems) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                String name = String.valueOf(key);
                if (!(key instanceof String)) {
                    problems.add(child(path, name) + ": the key " + name + " is read as a " + typeOf(key)
                            + ", not a string; quote it");
                }
                object.add(name, toJson(entry.getValue(), child(path, name), problems));
            }
            return object;
        }
        if (value instanceof Collection<?> list) {
            JsonArray array = new JsonArray();
            int i = 0;
            for (Object item : list) {
                array.add(toJson(item, path + "[" + i++ + "]", problems));
            }
            return array;
        }
        if (value instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            problems.add(path + ": " + d + " cannot be written as JSON");
            return new JsonPrimitive(String.valueOf(d));
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof byte[] bytes) {
            return new JsonPrimitive(Base64.getEncoder().encodeToString(bytes));
        }
        problems.add(path + ": a " + value.getClass().getSimpleName() + " value has no JSON form");
        return new JsonPrimitive(String.valueOf(value));
    }

    private static String typeOf(Object value) {
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number) {
            return "number";
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    // ---------------------------------------------------------------------------------------------
    // The models

    /** apiVersion + " " + kind: the client-java model of the objects a chart may render. */
    private static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("v1 ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1 PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("v1 ConfigMap", V1ConfigMap.class),
            Map.entry("v1 Secret", V1Secret.class),
            Map.entry("v1 Service", V1Service.class),
            Map.entry("v1 Pod", V1Pod.class),
            Map.entry("batch/v1 Job", V1Job.class),
            Map.entry("batch/v1 CronJob", V1CronJob.class),
            Map.entry("rbac.authorization.k8s.io/v1 Role", V1Role.class),
            Map.entry("rbac.authorization.k8s.io/v1 RoleBinding", V1RoleBinding.class),
            Map.entry("rbac.authorization.k8s.io/v1 ClusterRole", V1ClusterRole.class),
            Map.entry("rbac.authorization.k8s.io/v1 ClusterRoleBinding", V1ClusterRoleBinding.class),
            Map.entry("apps/v1 Deployment", V1Deployment.class),
            Map.entry("apps/v1 StatefulSet", V1StatefulSet.class),
            Map.entry("apps/v1 DaemonSet", V1DaemonSet.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class));

    /** The fields of one model class: JSON name to Java type, the required ones, its validateJsonElement. */
    private record Model(Class<?> type, Map<String, Type> fields, Set<String> required, Method validate) {
    }

    private static final Map<Class<?>, Model> MODELS = new ConcurrentHashMap<>();

    /** The model of a client-java class, or {@code null} when the class is not one. */
    private static Model model(Class<?> type) {
        Model cached = MODELS.get(type);
        if (cached != null) {
            return cached;
        }
        if (!type.getName().startsWith("io.kubernetes.client.openapi.models.")) {
            return null;
        }
        Model model;
        try {
            Map<String, Type> fields = new LinkedHashMap<>();
            for (Field field : type.getDeclaredFields()) {
                SerializedName name = field.getAnnotation(SerializedName.class);
                if (name != null && !Modifier.isStatic(field.getModifiers())) {
                    fields.put(name.value(), field.getGenericType());
                }
            }
            @SuppressWarnings("unchecked")
            Set<String> required = new HashSet<>((Set<String>) type.getField("openapiRequiredFields").get(null));
            @SuppressWarnings("unchecked")
            Set<String> declared = (Set<String>) type.getField("openapiFields").get(null);
            if (!declared.equals(fields.keySet())) {
                throw new IllegalStateException(type.getSimpleName() + ": fields " + fields.keySet() + " differ from openapiFields " + declared);
            }
            model = new Model(type, Map.copyOf(fields), Set.copyOf(required), type.getMethod("validateJsonElement", JsonElement.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
        MODELS.put(type, model);
        return model;
    }

    // ---------------------------------------------------------------------------------------------
    // Checking one document

    private static void check(Document document, List<String> problems) {
        if (document.error() != null) {
            problems.add(document.label() + ": " + document.error());
        }
        JsonElement json = document.json();
        if (json == null || json.isJsonNull()) {
            return;
        }
        if (!json.isJsonObject()) {
            problems.add(document.label() + ": a Kubernetes object must be a mapping, not " + describe(json));
            return;
        }
        JsonObject object = json.getAsJsonObject();
        Walker walker = new Walker(document.label(), problems);
        String apiVersion = string(object, "apiVersion");
        String kind = string(object, "kind");
        if (apiVersion == null || apiVersion.isEmpty()) {
            walker.problem("apiVersion", "required: every object needs a non-empty apiVersion string");
        }
        if (kind == null || kind.isEmpty()) {
            walker.problem("kind", "required: every object needs a non-empty kind string");
        }
        if (apiVersion == null || kind == null) {
            return;
        }
        if ("monitoring.coreos.com/v1".equals(apiVersion) && "PrometheusRule".equals(kind)) {
            PrometheusRules.check(object, walker::problem);
            if (object(object, "metadata") != null) {
                objectMeta(object(object, "metadata"), "metadata", walker);
            }
            checkTopLevel(kind, object, walker);
            return;
        }
        Class<?> type = KINDS.get(apiVersion + " " + kind);
        if (type == null) {
            walker.problem("", "apiVersion " + apiVersion + " kind " + kind + " is not a kind this check knows (" + knownKinds()
                    + "); a wrong apiVersion for a known kind is rejected by the cluster");
            return;
        }
        Model model = model(type);
        try {
            model.validate().invoke(null, object);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            walker.problem("", "client-java " + type.getSimpleName() + ".validateJsonElement rejects it: " + shorten(cause));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        walker.walk(object, type, "");
        if (object.has("status")) {
            walker.problem("status", "a chart must not set status: the cluster owns it");
        }
        checkTopLevel(kind, object, walker);
    }

    private static String knownKinds() {
        List<String> kinds = new ArrayList<>();
        for (String key : KINDS.keySet()) {
            kinds.add(key.substring(key.indexOf(' ') + 1));
        }
        kinds.sort(null);
        return String.join(", ", kinds);
    }

    /** validateJsonElement's message without the JSON it appends. */
    private static String shorten(Throwable error) {
        String message = String.valueOf(error.getMessage());
        int json = message.indexOf(". JSON: ");
        if (json >= 0) {
            message = message.substring(0, json);
        }
        json = message.indexOf(" in the JSON string: ");
        if (json >= 0) {
            message = message.substring(0, json + " in the JSON string".length());
        }
        if (message.length() > 240) {
            message = message.substring(0, 240) + "…";
        }
        return (error instanceof IllegalArgumentException ? "" : error.getClass().getSimpleName() + ": ") + message;
    }

    private static void checkTopLevel(String kind, JsonObject object, Walker walker) {
        JsonElement metadataElement = object.get("metadata");
        if (metadataElement == null || metadataElement.isJsonNull()) {
            walker.problem("metadata", "required: every object needs metadata with a name");
            return;
        }
        JsonObject metadata = object(object, "metadata");
        if (metadata == null) {
            return; // the walk reported the type
        }
        JsonElement nameElement = metadata.get("name");
        String name = string(metadata, "name");
        if (nameElement == null || nameElement.isJsonNull()) {
            walker.problem("metadata.name", "required: every object of a chart needs a name");
        } else if (name != null) {
            int max = switch (kind) {
                case "CronJob" -> 52; // Kubernetes appends 11 characters to the Jobs it creates
                case "Job", "Service" -> 63; // the job-name label value; a Service name is a DNS label
                default -> 253;
            };
            String why = switch (kind) {
                case "CronJob" -> " (a CronJob's Jobs get an 11-character suffix and must stay within 63)";
                case "Job" -> " (the name is also the job-name label value)";
                default -> "";
            };
            dnsSubdomain(walker, "metadata.name", name, max, why);
        }
        String namespace = string(metadata, "namespace");
        if (namespace != null) {
            dnsLabel(walker, "metadata.namespace", namespace);
        }
        switch (kind) {
            case "Role" -> {
                JsonArray rules = array(object, "rules");
                if (rules != null) {
                    for (int i = 0; i < rules.size(); i++) {
                        JsonObject rule = rules.get(i).isJsonObject() ? rules.get(i).getAsJsonObject() : null;
                        if (rule != null && nonEmpty(array(rule, "nonResourceURLs"))) {
                            walker.problem("rules[" + i + "].nonResourceURLs", "a namespaced Role cannot grant non-resource URLs");
                        }
                    }
                }
            }
            case "ClusterRoleBinding" -> {
                JsonArray subjects = array(object, "subjects");
                if (subjects != null) {
                    for (int i = 0; i < subjects.size(); i++) {
                        JsonObject subject = subjects.get(i).isJsonObject() ? subjects.get(i).getAsJsonObject() : null;
                        if (subject != null && "ServiceAccount".equals(string(subject, "kind")) && isBlank(string(subject, "namespace"))) {
                            walker.problem("subjects[" + i + "].namespace", "required for a ServiceAccount subject of a ClusterRoleBinding");
                        }
                    }
                }
            }
            default -> {
                // rules of nested parts run during the walk
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The walk: types of every field, and per-model rules

    /** Reports problems of one document; knows the document's label. */
    private static final class Walker {
        private final String label;
        private final List<String> problems;

        Walker(String label, List<String> problems) {
            this.label = label;
            this.problems = problems;
        }

        void problem(String path, String message) {
            problems.add(label + ": " + (path.isEmpty() ? "" : path + ": ") + message);
        }

        void walk(JsonElement value, Type type, String path) {
            if (value == null || value.isJsonNull()) {
                return; // an optional field given as null reads as unset
            }
            if (type instanceof ParameterizedType parameterized) {
                Class<?> raw = (Class<?>) parameterized.getRawType();
                Type[] arguments = parameterized.getActualTypeArguments();
                Type item = arguments[arguments.length - 1];
                if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                    if (!value.isJsonArray()) {
                        problem(path, "expected a list of " + typeName(item) + ", got " + describe(value));
                        return;
                    }
                    JsonArray array = value.getAsJsonArray();
                    for (int i = 0; i < array.size(); i++) {
                        String at = path + "[" + i + "]";
                        if (array.get(i).isJsonNull() && item != Object.class) {
                            problem(at, "a list item is null; expected " + typeName(item));
                        } else {
                            walk(array.get(i), item, at);
                        }
                    }
                    return;
                }
                if (Map.class.isAssignableFrom(raw)) {
                    if (!value.isJsonObject()) {
                        problem(path, "expected a map of " + typeName(item) + ", got " + describe(value));
                        return;
                    }
                    for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
                        String at = path + "[" + entry.getKey() + "]";
                        if (entry.getValue().isJsonNull() && item != Object.class) {
                            problem(at, "the value is null; expected " + typeName(item));
                        } else {
                            walk(entry.getValue(), item, at);
                        }
                    }
                    return;
                }
                problem(path, "the check does not know the type " + type.getTypeName());
                return;
            }
            Class<?> c = (Class<?>) type;
            if (c == String.class) {
                if (!isString(value)) {
                    problem(path, "expected a string, got " + describe(value) + (value.isJsonPrimitive() ? "; quote it" : ""));
                }
            } else if (c == Integer.class) {
                integer(value, path, "int32", BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
            } else if (c == Long.class) {
                integer(value, path, "int64", BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
            } else if (c == Boolean.class) {
                if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())) {
                    problem(path, "expected a boolean (true or false), got " + describe(value));
                }
            } else if (c == Double.class || c == Float.class || c == BigDecimal.class) {
                if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())) {
                    problem(path, "expected a number, got " + describe(value));
                }
            } else if (c == OffsetDateTime.class) {
                if (!isString(value)) {
                    problem(path, "expected an RFC 3339 date-time string, got " + describe(value));
                }
            } else if (c == byte[].class) {
                if (!isString(value)) {
                    problem(path, "expected a base64 string, got " + describe(value));
                } else {
                    try {
                        Base64.getDecoder().decode(value.getAsString());
                    } catch (IllegalArgumentException e) {
                        problem(path, "not valid base64: " + e.getMessage());
                    }
                }
            } else if (c == Object.class) {
                return; // free-form
            } else if (c == IntOrString.class) {
                if (!isString(value) && !isIntegral(value)) {
                    problem(path, "expected an integer or a string, got " + describe(value));
                } else if (isIntegral(value)) {
                    integer(value, path, "int32", BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
                }
            } else if (c == Quantity.class) {
                if (!isString(value) && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())) {
                    problem(path, "expected a quantity (a string such as \"100m\" or \"256Mi\", or a number), got " + describe(value));
                } else if (quantity(value) == null) {
                    problem(path, "not a Kubernetes quantity: " + describe(value) + " (a number with an optional suffix: m, k, M, G, Ki, Mi, Gi…)");
                }
            } else {
                Model model = model(c);
                if (model == null) {
                    problem(path, "the check does not know the type " + c.getName());
                    return;
                }
                if (!value.isJsonObject()) {
                    problem(path, "expected an object (" + c.getSimpleName() + "), got " + describe(value));
                    return;
                }
                JsonObject object = value.getAsJsonObject();
                for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                    Type fieldType = model.fields().get(entry.getKey());
                    String at = child(path, entry.getKey());
                    if (fieldType == null) {
                        problem(at, "unknown field: " + c.getSimpleName() + " has no field \"" + entry.getKey() + "\"" + hint(entry.getKey(), model.fields().keySet()));
                    } else {
                        walk(entry.getValue(), fieldType, at);
                    }
                }
                for (String required : model.required()) {
                    JsonElement field = object.get(required);
                    if (field == null) {
                        problem(child(path, required), "required field of " + c.getSimpleName() + " is missing");
                    } else if (field.isJsonNull()) {
                        problem(child(path, required), "required field of " + c.getSimpleName() + " is null");
                    }
                }
                Rule rule = RULES.get(c);
                if (rule != null) {
                    rule.check(object, path, this);
                }
            }
        }

        private void integer(JsonElement value, String path, String format, BigInteger min, BigInteger max) {
            if (!isIntegral(value)) {
                problem(path, "expected an integer (" + format + "), got " + describe(value) + (isString(value) ? "; do not quote it" : ""));
                return;
            }
            BigInteger n = bigInteger(value);
            if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                problem(path, n + " does not fit in an " + format);
            }
        }
    }

    private static String hint(String unknown, Set<String> fields) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String field : fields) {
            int d = field.equalsIgnoreCase(unknown) ? 0 : EditDistance.between(field.toLowerCase(java.util.Locale.ROOT), unknown.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = field;
            }
        }
        return best != null && bestDistance <= Math.max(1, unknown.length() / 4) ? " (did you mean \"" + best + "\"?)" : "";
    }

    private static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            if (c == String.class) {
                return "strings";
            }
            if (c == Integer.class || c == Long.class) {
                return "integers";
            }
            if (c == Boolean.class) {
                return "booleans";
            }
            if (c == Quantity.class) {
                return "quantities";
            }
            return c.getSimpleName() + " objects";
        }
        return type.getTypeName();
    }

    // ---------------------------------------------------------------------------------------------
    // Kubernetes validation rules the models do not carry, by model class

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SYSCTL = Pattern.compile("([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");
    private static final Pattern QUANTITY = Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*?/,\\-LW#]+");
    private static final Set<String> CRON_MACROS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

    @FunctionalInterface
    private interface Rule {
        void check(JsonObject object, String path, Walker walker);
    }

    private static final Map<Class<?>, Rule> RULES = Map.ofEntries(
            Map.entry(V1ObjectMeta.class, KubernetesObjects::objectMeta),
            Map.entry(V1PodSpec.class, KubernetesObjects::podSpec),
            Map.entry(V1Container.class, KubernetesObjects::container),
            Map.entry(V1EphemeralContainer.class, KubernetesObjects::container),
            Map.entry(V1EnvVar.class, KubernetesObjects::envVar),
            Map.entry(V1EnvVarSource.class, (o, p, w) -> exactlyOne(o, p, w, "valueFrom needs exactly one source")),
            Map.entry(V1SecretKeySelector.class, KubernetesObjects::keySelector),
            Map.entry(V1ConfigMapKeySelector.class, KubernetesObjects::keySelector),
            Map.entry(V1ObjectFieldSelector.class, KubernetesObjects::fieldSelector),
            Map.entry(V1ResourceFieldSelector.class, KubernetesObjects::resourceFieldSelector),
            Map.entry(V1ResourceRequirements.class, KubernetesObjects::resources),
            Map.entry(V1Volume.class, KubernetesObjects::volume),
            Map.entry(V1VolumeMount.class, KubernetesObjects::volumeMount),
            Map.entry(V1PersistentVolumeClaimVolumeSource.class, (o, p, w) -> nameField(o, p, w, "claimName")),
            Map.entry(V1LocalObjectReference.class, (o, p, w) -> {
                if (isBlank(string(o, "name"))) {
                    w.problem(child(p, "name"), "required: a reference needs a name");
                }
            }),
            Map.entry(V1ContainerPort.class, KubernetesObjects::containerPort),
            Map.entry(V1Toleration.class, KubernetesObjects::toleration),
            Map.entry(V1NodeSelectorRequirement.class, (o, p, w) -> selectorRequirement(o, p, w, true)),
            Map.entry(V1LabelSelectorRequirement.class, (o, p, w) -> selectorRequirement(o, p, w, false)),
            Map.entry(V1PreferredSchedulingTerm.class, KubernetesObjects::weight),
            Map.entry(V1WeightedPodAffinityTerm.class, KubernetesObjects::weight),
            Map.entry(V1PodAffinityTerm.class, (o, p, w) -> {
                String key = string(o, "topologyKey");
                if (key != null) {
                    qualifiedName(w, child(p, "topologyKey"), key, false);
                }
            }),
            Map.entry(V1SecurityContext.class, KubernetesObjects::securityContext),
            Map.entry(V1PodSecurityContext.class, KubernetesObjects::securityContext),
            Map.entry(V1SeccompProfile.class, KubernetesObjects::profile),
            Map.entry(V1AppArmorProfile.class, KubernetesObjects::profile),
            Map.entry(V1Sysctl.class, (o, p, w) -> {
                String name = string(o, "name");
                if (name != null && !SYSCTL.matcher(name).matches()) {
                    w.problem(child(p, "name"), "\"" + name + "\" is not a sysctl name");
                }
            }),
            Map.entry(V1JobSpec.class, KubernetesObjects::jobSpec),
            Map.entry(V1CronJobSpec.class, KubernetesObjects::cronJobSpec),
            Map.entry(V1PersistentVolumeClaimSpec.class, KubernetesObjects::claimSpec),
            Map.entry(V1PolicyRule.class, KubernetesObjects::policyRule),
            Map.entry(V1RoleRef.class, KubernetesObjects::roleRef),
            Map.entry(RbacV1Subject.class, KubernetesObjects::subject));

    private static void objectMeta(JsonObject meta, String path, Walker w) {
        JsonObject labels = object(meta, "labels");
        if (labels != null) {
            labels(w, child(path, "labels"), labels);
        }
        JsonObject annotations = object(meta, "annotations");
        if (annotations != null) {
            long size = 0;
            for (Map.Entry<String, JsonElement> entry : annotations.entrySet()) {
                qualifiedName(w, child(path, "annotations") + "[" + entry.getKey() + "]", entry.getKey().toLowerCase(java.util.Locale.ROOT), true);
                size += entry.getKey().length() + (isString(entry.getValue()) ? entry.getValue().getAsString().length() : 0);
            }
            if (size > 256 * 1024) {
                w.problem(child(path, "annotations"), "annotations total " + size + " bytes; Kubernetes allows 262144");
            }
        }
        String generateName = string(meta, "generateName");
        if (generateName != null && !generateName.isEmpty()) {
            String base = generateName.endsWith("-") ? generateName.substring(0, generateName.length() - 1) : generateName;
            if (!DNS_SUBDOMAIN.matcher(base).matches()) {
                w.problem(child(path, "generateName"), "\"" + generateName + "\" is not a DNS-1123 subdomain prefix");
            }
        }
    }

    private static void labels(Walker w, String path, JsonObject labels) {
        for (Map.Entry<String, JsonElement> entry : labels.entrySet()) {
            String at = path + "[" + entry.getKey() + "]";
            qualifiedName(w, at, entry.getKey(), false);
            if (isString(entry.getValue())) {
                labelValue(w, at, entry.getValue().getAsString());
            }
        }
    }

    private static void podSpec(JsonObject spec, String path, Walker w) {
        JsonArray containers = array(spec, "containers");
        if (containers != null && containers.isEmpty()) {
            w.problem(child(path, "containers"), "a pod needs at least one container");
        }
        Set<String> containerNames = new HashSet<>();
        Set<String> volumeNames = new HashSet<>();
        JsonArray volumes = array(spec, "volumes");
        if (volumes != null) {
            for (int i = 0; i < volumes.size(); i++) {
                String name = string(objectAt(volumes, i), "name");
                if (name != null && !volumeNames.add(name)) {
                    w.problem(child(path, "volumes") + "[" + i + "].name", "two volumes are named \"" + name + "\"");
                }
            }
        }
        for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
            JsonArray items = array(spec, list);
            if (items == null) {
                continue;
            }
            for (int i = 0; i < items.size(); i++) {
                JsonObject container = objectAt(items, i);
                String at = child(path, list) + "[" + i + "]";
                String name = string(container, "name");
                if (name != null && !containerNames.add(name)) {
                    w.problem(at + ".name", "two containers of the pod are named \"" + name + "\"");
                }
                JsonArray mounts = array(container, "volumeMounts");
                if (mounts == null) {
                    continue;
                }
                Set<String> mountPaths = new HashSet<>();
                for (int m = 0; m < mounts.size(); m++) {
                    JsonObject mount = objectAt(mounts, m);
                    String volume = string(mount, "name");
                    if (volume != null && !volumeNames.contains(volume)) {
                        w.problem(at + ".volumeMounts[" + m + "].name", "mounts \"" + volume + "\", which is not a volume of the pod " + volumeNames);
                    }
                    String mountPath = string(mount, "mountPath");
                    if (mountPath != null && !mountPath.isEmpty() && !mountPaths.add(mountPath)) {
                        w.problem(at + ".volumeMounts[" + m + "].mountPath", "\"" + mountPath + "\" is mounted twice");
                    }
                }
            }
        }
        oneOf(w, spec, path, "restartPolicy", "Always", "OnFailure", "Never");
        oneOf(w, spec, path, "dnsPolicy", "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
        oneOf(w, spec, path, "preemptionPolicy", "PreemptLowerPriority", "Never");
        String serviceAccountName = string(spec, "serviceAccountName");
        if (serviceAccountName != null) {
            dnsSubdomain(w, child(path, "serviceAccountName"), serviceAccountName, 253, "");
        }
        String serviceAccount = string(spec, "serviceAccount");
        if (serviceAccount != null && serviceAccountName != null && !serviceAccount.isEmpty() && !serviceAccount.equals(serviceAccountName)) {
            w.problem(child(path, "serviceAccount"), "differs from serviceAccountName, which wins; set only serviceAccountName");
        }
        for (String field : List.of("priorityClassName", "runtimeClassName", "schedulerName")) {
            String value = string(spec, field);
            if (value != null && !value.isEmpty()) {
                dnsSubdomain(w, child(path, field), value, 253, "");
            }
        }
        for (String field : List.of("hostname", "subdomain")) {
            String value = string(spec, field);
            if (value != null && !value.isEmpty()) {
                dnsLabel(w, child(path, field), value);
            }
        }
        JsonObject nodeSelector = object(spec, "nodeSelector");
        if (nodeSelector != null) {
            labels(w, child(path, "nodeSelector"), nodeSelector);
        }
        atLeast(w, spec, path, "terminationGracePeriodSeconds", 0);
        atLeast(w, spec, path, "activeDeadlineSeconds", 1);
    }

    private static void container(JsonObject container, String path, Walker w) {
        String name = string(container, "name");
        if (name != null) {
            dnsLabel(w, child(path, "name"), name);
        }
        JsonElement imageElement = container.get("image");
        String image = string(container, "image");
        if (imageElement == null || imageElement.isJsonNull()) {
            w.problem(child(path, "image"), "required: a container needs an image");
        } else if (image != null) {
            if (image.isBlank()) {
                w.problem(child(path, "image"), "required: a container needs a non-empty image");
            } else if (!image.equals(image.strip()) || image.chars().anyMatch(Character::isWhitespace)) {
                w.problem(child(path, "image"), "\"" + image + "\" contains whitespace");
            }
        }
        oneOf(w, container, path, "imagePullPolicy", "Always", "IfNotPresent", "Never");
        oneOf(w, container, path, "terminationMessagePolicy", "File", "FallbackToLogsOnError");
    }

    private static void envVar(JsonObject env, String path, Walker w) {
        String name = string(env, "name");
        if (name != null && !ENV_NAME.matcher(name).matches()) {
            w.problem(child(path, "name"), "\"" + name + "\" is not a valid environment variable name (" + ENV_NAME.pattern() + ")");
        }
        String value = string(env, "value");
        JsonElement valueFrom = env.get("valueFrom");
        if (value != null && !value.isEmpty() && valueFrom != null && !valueFrom.isJsonNull()) {
            w.problem(child(path, "valueFrom"), "may not be set together with a non-empty value");
        }
    }

    private static void keySelector(JsonObject selector, String path, Walker w) {
        nameField(selector, path, w, "name");
        String key = string(selector, "key");
        if (key != null && (key.length() > 253 || !CONFIG_KEY.matcher(key).matches())) {
            w.problem(child(path, "key"), "\"" + key + "\" is not a valid key of a Secret or ConfigMap (" + CONFIG_KEY.pattern() + ", at most 253)");
        }
    }

    private static final Pattern FIELD_PATH = Pattern.compile(
            "metadata\\.(name|namespace|uid)|metadata\\.(labels|annotations)(\\['[^']+'\\])?|spec\\.(nodeName|serviceAccountName)"
                    + "|status\\.(hostIP|hostIPs|podIP|podIPs)");

    private static void fieldSelector(JsonObject selector, String path, Walker w) {
        String fieldPath = string(selector, "fieldPath");
        if (fieldPath != null && !FIELD_PATH.matcher(fieldPath).matches()) {
            w.problem(child(path, "fieldPath"), "\"" + fieldPath + "\" is not a field the downward API exposes");
        }
        String apiVersion = string(selector, "apiVersion");
        if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals("v1")) {
            w.problem(child(path, "apiVersion"), "the downward API only knows v1");
        }
    }

    private static void resourceFieldSelector(JsonObject selector, String path, Walker w) {
        String resource = string(selector, "resource");
        if (resource != null && !resource.matches("(limits|requests)\\.(cpu|memory|ephemeral-storage|hugepages-[^ ]+)")) {
            w.problem(child(path, "resource"), "\"" + resource + "\" is not a resource the downward API exposes");
        }
    }

    private static void resources(JsonObject resources, String path, Walker w) {
        JsonObject limits = object(resources, "limits");
        JsonObject requests = object(resources, "requests");
        for (Map.Entry<String, JsonObject> part : mapOf("limits", limits, "requests", requests).entrySet()) {
            if (part.getValue() == null) {
                continue;
            }
            for (Map.Entry<String, JsonElement> entry : part.getValue().entrySet()) {
                String at = child(path, part.getKey()) + "[" + entry.getKey() + "]";
                String resource = entry.getKey();
                if (!resource.equals("cpu") && !resource.equals("memory") && !resource.equals("ephemeral-storage")
                        && !resource.startsWith("hugepages-") && !(resource.contains("/") && qualified(resource))) {
                    w.problem(at, "\"" + resource + "\" is not a container resource (cpu, memory, ephemeral-storage, hugepages-<size>, or <domain>/<name>)");
                }
                BigDecimal amount = quantity(entry.getValue());
                if (amount != null && amount.signum() < 0) {
                    w.problem(at, "must not be negative");
                }
            }
        }
        if (limits != null && requests != null) {
            for (Map.Entry<String, JsonElement> request : requests.entrySet()) {
                BigDecimal wanted = quantity(request.getValue());
                BigDecimal limit = limits.has(request.getKey()) ? quantity(limits.get(request.getKey())) : null;
                if (wanted != null && limit != null && wanted.compareTo(limit) > 0) {
                    w.problem(child(path, "requests") + "[" + request.getKey() + "]", "the request is above the limit " + limits.get(request.getKey()));
                }
            }
        }
    }

    private static void volume(JsonObject volume, String path, Walker w) {
        String name = string(volume, "name");
        if (name != null) {
            dnsLabel(w, child(path, "name"), name);
        }
        List<String> sources = new ArrayList<>();
        for (Map.Entry<String, JsonElement> entry : volume.entrySet()) {
            if (!entry.getKey().equals("name") && !entry.getValue().isJsonNull()) {
                sources.add(entry.getKey());
            }
        }
        if (sources.size() != 1) {
            w.problem(path, "a volume needs exactly one source (emptyDir, persistentVolumeClaim, …), got " + (sources.isEmpty() ? "none" : sources));
        }
    }

    private static void volumeMount(JsonObject mount, String path, Walker w) {
        String mountPath = string(mount, "mountPath");
        if (mountPath != null && mountPath.isEmpty()) {
            w.problem(child(path, "mountPath"), "required: must not be empty");
        }
        String subPath = string(mount, "subPath");
        if (subPath != null && (subPath.startsWith("/") || List.of(subPath.split("/")).contains(".."))) {
            w.problem(child(path, "subPath"), "must be a relative path without \"..\"");
        }
        oneOf(w, mount, path, "mountPropagation", "None", "HostToContainer", "Bidirectional");
    }

    private static void containerPort(JsonObject port, String path, Walker w) {
        range(w, port, path, "containerPort", 1, 65535);
        range(w, port, path, "hostPort", 0, 65535);
        oneOf(w, port, path, "protocol", "TCP", "UDP", "SCTP");
        String name = string(port, "name");
        if (name != null && (name.length() > 15 || !PORT_NAME.matcher(name).matches() || !name.matches(".*[a-z].*") || name.contains("--"))) {
            w.problem(child(path, "name"), "\"" + name + "\" is not a port name (IANA_SVC_NAME: at most 15 lower-case letters, digits and -)");
        }
    }

    private static void toleration(JsonObject toleration, String path, Walker w) {
        String key = string(toleration, "key");
        String operator = string(toleration, "operator");
        String value = string(toleration, "value");
        String effect = string(toleration, "effect");
        if (key != null && !key.isEmpty()) {
            qualifiedName(w, child(path, "key"), key, false);
        } else if (!"Exists".equals(operator)) {
            w.problem(child(path, "operator"), "must be Exists when the key is empty");
        }
        oneOf(w, toleration, path, "operator", "Equal", "Exists");
        if ("Exists".equals(operator) && value != null && !value.isEmpty()) {
            w.problem(child(path, "value"), "must be empty when the operator is Exists");
        } else if (value != null && !"Exists".equals(operator)) {
            labelValue(w, child(path, "value"), value);
        }
        if (effect != null && !effect.isEmpty()) {
            oneOf(w, toleration, path, "effect", "NoSchedule", "PreferNoSchedule", "NoExecute");
        }
        JsonElement seconds = toleration.get("tolerationSeconds");
        if (seconds != null && !seconds.isJsonNull() && !"NoExecute".equals(effect)) {
            w.problem(child(path, "tolerationSeconds"), "only applies to the NoExecute effect");
        }
    }

    private static void selectorRequirement(JsonObject requirement, String path, Walker w, boolean node) {
        String key = string(requirement, "key");
        if (key != null) {
            qualifiedName(w, child(path, "key"), key, false);
        }
        String operator = string(requirement, "operator");
        JsonArray values = array(requirement, "values");
        int count = values == null ? 0 : values.size();
        if (operator == null) {
            return;
        }
        switch (operator) {
            case "In", "NotIn" -> {
                if (count == 0) {
                    w.problem(child(path, "values"), "must not be empty for " + operator);
                }
            }
            case "Exists", "DoesNotExist" -> {
                if (count != 0) {
                    w.problem(child(path, "values"), "must be empty for " + operator);
                }
            }
            case "Gt", "Lt" -> {
                if (!node) {
                    w.problem(child(path, "operator"), "a label selector has no " + operator + " operator");
                } else if (count != 1 || !isString(values.get(0)) || !values.get(0).getAsString().matches("-?[0-9]+")) {
                    w.problem(child(path, "values"), "needs exactly one integer for " + operator);
                }
            }
            default -> w.problem(child(path, "operator"), "\"" + operator + "\" is not one of In, NotIn, Exists, DoesNotExist" + (node ? ", Gt, Lt" : ""));
        }
    }

    private static void weight(JsonObject term, String path, Walker w) {
        range(w, term, path, "weight", 1, 100);
    }

    private static void securityContext(JsonObject context, String path, Walker w) {
        atLeast(w, context, path, "runAsUser", 0);
        atLeast(w, context, path, "runAsGroup", 0);
        atLeast(w, context, path, "fsGroup", 0);
        oneOf(w, context, path, "procMount", "Default", "Unmasked");
        oneOf(w, context, path, "fsGroupChangePolicy", "OnRootMismatch", "Always");
        oneOf(w, context, path, "supplementalGroupsPolicy", "Merge", "Strict");
        oneOf(w, context, path, "seLinuxChangePolicy", "MountOption", "Recursive");
        JsonArray groups = array(context, "supplementalGroups");
        if (groups != null) {
            for (int i = 0; i < groups.size(); i++) {
                if (isIntegral(groups.get(i)) && bigInteger(groups.get(i)).signum() < 0) {
                    w.problem(child(path, "supplementalGroups") + "[" + i + "]", "must not be negative");
                }
            }
        }
        JsonObject capabilities = object(context, "capabilities");
        if (capabilities != null) {
            for (String list : List.of("add", "drop")) {
                JsonArray items = array(capabilities, list);
                if (items == null) {
                    continue;
                }
                for (int i = 0; i < items.size(); i++) {
                    if (isString(items.get(i)) && items.get(i).getAsString().isBlank()) {
                        w.problem(child(path, "capabilities." + list) + "[" + i + "]", "a capability must not be empty");
                    }
                }
            }
        }
    }

    private static void profile(JsonObject profile, String path, Walker w) {
        String type = string(profile, "type");
        oneOf(w, profile, path, "type", "RuntimeDefault", "Localhost", "Unconfined");
        String localhost = string(profile, "localhostProfile");
        if ("Localhost".equals(type) && isBlank(localhost)) {
            w.problem(child(path, "localhostProfile"), "required when the type is Localhost");
        } else if (type != null && !"Localhost".equals(type) && localhost != null) {
            w.problem(child(path, "localhostProfile"), "only allowed when the type is Localhost");
        }
    }

    private static void jobSpec(JsonObject spec, String path, Walker w) {
        atLeast(w, spec, path, "backoffLimit", 0);
        atLeast(w, spec, path, "activeDeadlineSeconds", 1);
        atLeast(w, spec, path, "ttlSecondsAfterFinished", 0);
        atLeast(w, spec, path, "parallelism", 0);
        atLeast(w, spec, path, "completions", 0);
        oneOf(w, spec, path, "completionMode", "NonIndexed", "Indexed");
        oneOf(w, spec, path, "podReplacementPolicy", "TerminatingOrFailed", "Failed");
        JsonElement selector = spec.get("selector");
        JsonElement manual = spec.get("manualSelector");
        boolean manualSelector = manual != null && manual.isJsonPrimitive() && manual.getAsJsonPrimitive().isBoolean() && manual.getAsBoolean();
        if (selector != null && !selector.isJsonNull() && !manualSelector) {
            w.problem(child(path, "selector"), "Kubernetes generates a Job's selector; set it only with manualSelector: true");
        }
        JsonObject podSpec = object(object(spec, "template"), "spec");
        if (podSpec != null) {
            JsonElement restartPolicy = podSpec.get("restartPolicy");
            String policy = string(podSpec, "restartPolicy");
            if (restartPolicy == null || restartPolicy.isJsonNull()) {
                w.problem(child(path, "template.spec.restartPolicy"), "required for a Job's pods: Never or OnFailure (the default Always is rejected)");
            } else if (policy != null && !policy.equals("Never") && !policy.equals("OnFailure")) {
                w.problem(child(path, "template.spec.restartPolicy"), "\"" + policy + "\": a Job's pods must use Never or OnFailure");
            }
        }
    }

    private static void cronJobSpec(JsonObject spec, String path, Walker w) {
        String schedule = string(spec, "schedule");
        if (schedule != null) {
            String trimmed = schedule.strip();
            if (trimmed.isEmpty()) {
                w.problem(child(path, "schedule"), "required: the schedule must not be empty");
            } else if (trimmed.contains("TZ=")) {
                w.problem(child(path, "schedule"), "\"" + schedule + "\": TZ and CRON_TZ are not allowed in the schedule; use spec.timeZone");
            } else if (trimmed.startsWith("@")) {
                if (!CRON_MACROS.contains(trimmed) && !trimmed.matches("@every [0-9.]+(ns|us|µs|ms|s|m|h)([0-9.]+(ns|us|µs|ms|s|m|h))*")) {
                    w.problem(child(path, "schedule"), "\"" + schedule + "\" is not a cron macro (" + String.join(", ", new java.util.TreeSet<>(CRON_MACROS)) + ")");
                }
            } else {
                String[] fields = trimmed.split("\\s+");
                if (fields.length != 5) {
                    w.problem(child(path, "schedule"), "\"" + schedule + "\" has " + fields.length + " fields; a cron schedule has 5");
                } else {
                    for (String field : fields) {
                        if (!CRON_FIELD.matcher(field).matches()) {
                            w.problem(child(path, "schedule"), "\"" + schedule + "\": \"" + field + "\" is not a cron field");
                            break;
                        }
                    }
                }
            }
        }
        String timeZone = string(spec, "timeZone");
        if (timeZone != null && (timeZone.isEmpty() || timeZone.equals("Local") || !timeZone.matches("[A-Za-z0-9_+\\-]+(/[A-Za-z0-9_+\\-]+)*"))) {
            w.problem(child(path, "timeZone"), "\"" + timeZone + "\" is not a time zone name (an IANA name such as Europe/Paris; omit the field for the controller's zone)");
        }
        oneOf(w, spec, path, "concurrencyPolicy", "Allow", "Forbid", "Replace");
        atLeast(w, spec, path, "successfulJobsHistoryLimit", 0);
        atLeast(w, spec, path, "failedJobsHistoryLimit", 0);
        atLeast(w, spec, path, "startingDeadlineSeconds", 0);
    }

    private static final Set<String> ACCESS_MODES = Set.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");

    private static void claimSpec(JsonObject spec, String path, Walker w) {
        JsonArray modes = array(spec, "accessModes");
        if (modes == null || modes.isEmpty()) {
            w.problem(child(path, "accessModes"), "required: at least one access mode");
        } else {
            for (int i = 0; i < modes.size(); i++) {
                if (isString(modes.get(i)) && !ACCESS_MODES.contains(modes.get(i).getAsString())) {
                    w.problem(child(path, "accessModes") + "[" + i + "]", describe(modes.get(i)) + " is not one of " + new java.util.TreeSet<>(ACCESS_MODES));
                }
            }
            if (modes.size() > 1 && modes.contains(new JsonPrimitive("ReadWriteOncePod"))) {
                w.problem(child(path, "accessModes"), "ReadWriteOncePod cannot be combined with other access modes");
            }
        }
        JsonObject requests = object(object(spec, "resources"), "requests");
        JsonElement storage = requests == null ? null : requests.get("storage");
        if (storage == null || storage.isJsonNull()) {
            if (spec.get("dataSource") == null && spec.get("dataSourceRef") == null) {
                w.problem(child(path, "resources.requests.storage"), "required: the size of the claim");
            }
        } else {
            BigDecimal size = quantity(storage);
            if (size != null && size.signum() <= 0) {
                w.problem(child(path, "resources.requests.storage"), "must be greater than zero");
            }
        }
        String storageClass = string(spec, "storageClassName");
        if (storageClass != null && !storageClass.isEmpty()) {
            dnsSubdomain(w, child(path, "storageClassName"), storageClass, 253, "");
        }
        oneOf(w, spec, path, "volumeMode", "Filesystem", "Block");
    }

    private static void policyRule(JsonObject rule, String path, Walker w) {
        JsonArray verbs = array(rule, "verbs");
        if (verbs != null && verbs.isEmpty()) {
            w.problem(child(path, "verbs"), "a rule needs at least one verb");
        }
        boolean resources = nonEmpty(array(rule, "resources"));
        boolean urls = nonEmpty(array(rule, "nonResourceURLs"));
        if (resources && !nonEmpty(array(rule, "apiGroups"))) {
            w.problem(child(path, "apiGroups"), "a resource rule needs at least one API group (\"\" is the core group)");
        }
        if (!resources && !urls) {
            w.problem(path, "a rule needs resources or nonResourceURLs");
        }
        if (resources && urls) {
            w.problem(path, "a rule cannot have both resources and nonResourceURLs");
        }
        for (String list : List.of("verbs", "resources", "apiGroups", "resourceNames", "nonResourceURLs")) {
            JsonArray items = array(rule, list);
            if (items == null || list.equals("apiGroups")) {
                continue;
            }
            for (int i = 0; i < items.size(); i++) {
                if (isString(items.get(i)) && items.get(i).getAsString().isEmpty()) {
                    w.problem(child(path, list) + "[" + i + "]", "must not be empty");
                }
            }
        }
    }

    private static void roleRef(JsonObject ref, String path, Walker w) {
        String apiGroup = string(ref, "apiGroup");
        if (apiGroup != null && !apiGroup.equals("rbac.authorization.k8s.io")) {
            w.problem(child(path, "apiGroup"), "must be rbac.authorization.k8s.io");
        }
        oneOf(w, ref, path, "kind", "Role", "ClusterRole");
        String name = string(ref, "name");
        if (name != null) {
            pathSegment(w, child(path, "name"), name);
        }
    }

    private static void subject(JsonObject subject, String path, Walker w) {
        String kind = string(subject, "kind");
        String apiGroup = string(subject, "apiGroup");
        String name = string(subject, "name");
        oneOf(w, subject, path, "kind", "ServiceAccount", "User", "Group");
        if ("ServiceAccount".equals(kind)) {
            if (apiGroup != null && !apiGroup.isEmpty()) {
                w.problem(child(path, "apiGroup"), "must be empty for a ServiceAccount subject");
            }
            if (name != null) {
                dnsSubdomain(w, child(path, "name"), name, 253, "");
            }
            String namespace = string(subject, "namespace");
            if (namespace != null && !namespace.isEmpty()) {
                dnsLabel(w, child(path, "namespace"), namespace);
            }
        } else if (kind != null && (kind.equals("User") || kind.equals("Group"))) {
            if (!"rbac.authorization.k8s.io".equals(apiGroup)) {
                w.problem(child(path, "apiGroup"), "must be rbac.authorization.k8s.io for a " + kind + " subject");
            }
            if (isBlank(name)) {
                w.problem(child(path, "name"), "required");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Small rules

    private static void nameField(JsonObject object, String path, Walker w, String field) {
        JsonElement element = object.get(field);
        String name = string(object, field);
        if (element == null || element.isJsonNull() || (name != null && name.isEmpty())) {
            w.problem(child(path, field), "required: the name of the referenced object");
        } else if (name != null) {
            dnsSubdomain(w, child(path, field), name, 253, "");
        }
    }

    private static void exactlyOne(JsonObject object, String path, Walker w, String message) {
        List<String> set = new ArrayList<>();
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            if (!entry.getValue().isJsonNull()) {
                set.add(entry.getKey());
            }
        }
        if (set.size() != 1) {
            w.problem(path, message + ", got " + (set.isEmpty() ? "none" : set));
        }
    }

    private static void oneOf(Walker w, JsonObject object, String path, String field, String... allowed) {
        String value = string(object, field);
        if (value != null && !List.of(allowed).contains(value)) {
            w.problem(child(path, field), "\"" + value + "\" is not one of " + String.join(", ", allowed));
        }
    }

    private static void atLeast(Walker w, JsonObject object, String path, String field, long min) {
        JsonElement value = object.get(field);
        if (value != null && isIntegral(value) && bigInteger(value).compareTo(BigInteger.valueOf(min)) < 0) {
            w.problem(child(path, field), value + " is below " + min);
        }
    }

    private static void range(Walker w, JsonObject object, String path, String field, long min, long max) {
        JsonElement value = object.get(field);
        if (value != null && isIntegral(value)) {
            BigInteger n = bigInteger(value);
            if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
                w.problem(child(path, field), n + " is not between " + min + " and " + max);
            }
        }
    }

    private static void dnsLabel(Walker w, String path, String value) {
        if (value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
            w.problem(path, "\"" + value + "\" is not a DNS-1123 label (lower-case letters, digits and -, starting and ending"
                    + " with a letter or digit, at most 63 characters" + (value.length() > 63 ? "; it has " + value.length() : "") + ")");
        }
    }

    private static void dnsSubdomain(Walker w, String path, String value, int max, String why) {
        if (!DNS_SUBDOMAIN.matcher(value).matches()) {
            w.problem(path, "\"" + value + "\" is not a DNS-1123 subdomain (lower-case letters, digits, - and ., starting and ending with a letter or digit)");
        }
        if (value.length() > max) {
            w.problem(path, "\"" + value + "\" has " + value.length() + " characters; at most " + max + " are allowed" + why);
        }
    }

    private static void pathSegment(Walker w, String path, String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..") || value.contains("/") || value.contains("%")) {
            w.problem(path, "\"" + value + "\" is not a valid name (non-empty, not . or .., no / or %)");
        }
    }

    private static boolean qualified(String key) {
        String name = key;
        int slash = key.lastIndexOf('/');
        if (key.indexOf('/') != slash) {
            return false;
        }
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME_PART.matcher(name).matches();
    }

    /** A label or annotation key: an optional DNS subdomain prefix and /, then a name of at most 63 characters. */
    private static void qualifiedName(Walker w, String path, String key, boolean annotation) {
        if (!qualified(key)) {
            w.problem(path, "\"" + key + "\" is not a valid " + (annotation ? "annotation" : "label") + " key ([prefix/]name: a DNS subdomain"
                    + " prefix of at most 253 characters, a name of at most 63 letters, digits, -, _ and ., starting and ending with a letter or digit)");
        }
    }

    private static void labelValue(Walker w, String path, String value) {
        if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
            w.problem(path, "\"" + value + "\" is not a valid label value (at most 63 letters, digits, -, _ and ., starting and ending with a letter or digit"
                    + (value.length() > 63 ? "; it has " + value.length() : "") + ")");
        }
    }

    /** The value of a quantity, or {@code null} when it is not one. */
    private static BigDecimal quantity(JsonElement value) {
        if (value == null || !value.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isNumber()) {
            try {
                return new BigDecimal(primitive.getAsNumber().toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (!primitive.isString()) {
            return null;
        }
        Matcher m = QUANTITY.matcher(primitive.getAsString());
        if (!m.matches()) {
            return null;
        }
        BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
        String suffix = m.group(2);
        if (suffix == null) {
            return number;
        }
        return switch (suffix) {
            case "Ki" -> number.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi" -> number.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi" -> number.multiply(BigDecimal.valueOf(1L << 30));
            case "Ti" -> number.multiply(BigDecimal.valueOf(1L << 40));
            case "Pi" -> number.multiply(BigDecimal.valueOf(1L << 50));
            case "Ei" -> number.multiply(BigDecimal.valueOf(1L << 60));
            case "n" -> number.scaleByPowerOfTen(-9);
            case "u" -> number.scaleByPowerOfTen(-6);
            case "m" -> number.scaleByPowerOfTen(-3);
            case "k" -> number.scaleByPowerOfTen(3);
            case "M" -> number.scaleByPowerOfTen(6);
            case "G" -> number.scaleByPowerOfTen(9);
            case "T" -> number.scaleByPowerOfTen(12);
            case "P" -> number.scaleByPowerOfTen(15);
            case "E" -> number.scaleByPowerOfTen(18);
            default -> {
                int exponent;
                try {
                    exponent = Integer.parseInt(suffix.substring(1).replace("+", ""));
                } catch (NumberFormatException e) {
                    yield null;
                }
                yield Math.abs(exponent) > 100 ? null : number.scaleByPowerOfTen(exponent);
            }
        };
    }

    // ---------------------------------------------------------------------------------------------
    // JSON helpers

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static JsonObject object(JsonObject parent, String key) {
        if (parent == null) {
            return null;
        }
        JsonElement value = parent.get(key);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
    }

    static JsonArray array(JsonObject parent, String key) {
        if (parent == null) {
            return null;
        }
        JsonElement value = parent.get(key);
        return value != null && value.isJsonArray() ? value.getAsJsonArray() : null;
    }

    static JsonObject objectAt(JsonArray array, int index) {
        JsonElement value = array.get(index);
        return value.isJsonObject() ? value.getAsJsonObject() : null;
    }

    /** A string field, or {@code null} when absent or not a string. */
    static String string(JsonObject parent, String key) {
        if (parent == null) {
            return null;
        }
        JsonElement value = parent.get(key);
        return isString(value) ? value.getAsString() : null;
    }

    static boolean isString(JsonElement value) {
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    private static boolean isIntegral(JsonElement value) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return false;
        }
        Number n = value.getAsNumber();
        return n instanceof Integer || n instanceof Long || n instanceof BigInteger || n instanceof Short || n instanceof Byte;
    }

    private static BigInteger bigInteger(JsonElement value) {
        Number n = value.getAsNumber();
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    private static boolean nonEmpty(JsonArray array) {
        return array != null && !array.isEmpty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, JsonObject> mapOf(String k1, JsonObject v1, String k2, JsonObject v2) {
        Map<String, JsonObject> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /** A short description of a JSON value for messages: {@code the string "0"}, {@code the number 3}, {@code a list}. */
    static String describe(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "a list";
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return "the boolean " + primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            return "the number " + primitive.getAsNumber();
        }
        String s = primitive.getAsString();
        return "the string \"" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "\"";
    }

    static {
        // Fail early, with a clear message, if a client-java upgrade changes the models' shape.
        for (Class<?> type : KINDS.values()) {
            if (model(type) == null) {
                throw new IllegalStateException("client-java model " + type.getName() + " has no validateJsonElement/openapiFields");
            }
        }
    }
}
