package io.github.infrahubbackup.chartkit.engine.render;

import io.github.infrahubbackup.chartkit.Manifest;
import io.github.infrahubbackup.chartkit.engine.text.GoStrings;
import io.github.infrahubbackup.chartkit.engine.values.ValuePaths;
import io.github.infrahubbackup.chartkit.engine.values.ValuesReader;
import io.github.infrahubbackup.chartkit.engine.values.ValuesSyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Turns rendered template files into the text {@code helm template} prints: files in path order,
 * split into documents, empty ones dropped, ordered by kind as Helm installs them, hooks last,
 * each document as {@code ---}, {@code # Source: <path>}, then the trimmed document. The documents
 * are the API's {@link Manifest} records themselves, so nothing is copied on the way out.
 */
public final class HelmOutput {

    /** Helm's install order of kinds; kinds not listed come after these, by name. */
    private static final List<String> INSTALL_ORDER = List.of(
            "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
            "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
            "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
            "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
            "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

    private static final Comparator<Manifest> BY_KIND = (a, b) -> {
        int first = INSTALL_ORDER.indexOf(a.kind());
        int second = INSTALL_ORDER.indexOf(b.kind());
        if (first >= 0 && second >= 0) {
            return Integer.compare(first, second);
        }
        if (first >= 0 || second >= 0) {
            return first >= 0 ? -1 : 1;
        }
        return a.kind().compareTo(b.kind());
    };

    private HelmOutput() {
    }

    /** The release's documents in the order {@code helm template} prints them. */
    public static List<Manifest> documents(List<RenderedFile> files) {
        List<RenderedFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(RenderedFile::path));
        List<Manifest> manifests = new ArrayList<>();
        List<Manifest> hooks = new ArrayList<>();
        for (RenderedFile file : sorted) {
            if (GoStrings.trimSpace(file.text()).isEmpty()) {
                continue;
            }
            for (String part : split(GoStrings.trimSpace(file.text()))) {
                if (part.isEmpty()) {
                    continue;
                }
                String text = GoStrings.trimSpace(part);
                Manifest document = Head.read(file.path(), text);
                (document.hook() ? hooks : manifests).add(document);
            }
        }
        // List.sort is stable: documents of one kind keep their file and document order.
        manifests.sort(BY_KIND);
        hooks.sort(BY_KIND);
        List<Manifest> all = new ArrayList<>(manifests);
        all.addAll(hooks);
        return all;
    }

    /**
     * Helm reads every document it rendered back as YAML and refuses the release when one does not
     * parse. Text from values cannot break a document, except through the characters YAML 1.1
     * counts as line breaks besides CR and LF, which Go's YAML printer writes as they are: only
     * documents with one of those are read back, so the common case costs nothing. They are read
     * as Helm reads them, by go-yaml v2 and a JSON round trip: {@link ValuesReader}.
     *
     * @return the first document that does not parse and why, or null when all parse
     */
    public static String unreadableDocument(List<Manifest> documents) {
        for (Manifest document : documents) {
            String text = document.text();
            if (text.indexOf('\u0085') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) {
                continue;
            }
            try {
                // Read as Helm reads it (go-yaml v2, then JSON): a plain "<<" value is text there, not a merge.
                ValuesReader.read(document.source(), text);
            } catch (ValuesSyntaxException e) {
                return "YAML parse error on " + document.source() + ": " + e.reason();
            }
        }
        return null;
    }

    /**
     * Splits a template's output into documents as Helm does with the regular expression
     * {@code (?:^|\s*\n)---\s*} (RE2's {@code \s}: tab, newline, form feed, carriage return, space):
     * at {@code ---} at the start or after a newline, dropping the white space around it. Written
     * by hand because the regex engine tries the separator at every position and rescans each run
     * of indentation, which cost half of a render.
     */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int partStart = 0;
        int from = 0;
        if (text.startsWith("---")) {
            from = skipSeparatorSpace(text, 3);
            parts.add("");
            partStart = from;
        }
        for (int newline = text.indexOf("\n---", from); newline >= 0; newline = text.indexOf("\n---", from)) {
            int start = newline;
            while (start > partStart && isSeparatorSpace(text.charAt(start - 1))) {
                start--;
            }
            parts.add(text.substring(partStart, start));
            from = skipSeparatorSpace(text, newline + 4);
            partStart = from;
        }
        parts.add(text.substring(partStart));
        return parts;
    }

    private static int skipSeparatorSpace(String text, int index) {
        while (index < text.length() && isSeparatorSpace(text.charAt(index))) {
            index++;
        }
        return index;
    }

    private static boolean isSeparatorSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    /** The path (as --set writes it) of the first string value holding a YAML line separator, or null. */
    public static String firstLineSeparator(Object value, String path) {
        return hasLineSeparator(value) ? firstLineSeparatorAt(value, path) : null;
    }

    /** Whether any key or string holds a YAML line separator; builds no path, so the common case is cheap. */
    private static boolean hasLineSeparator(Object value) {
        if (value instanceof String text) {
            return text.indexOf('\u0085') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (hasLineSeparator(String.valueOf(entry.getKey())) || hasLineSeparator(entry.getValue())) {
                    return true;
                }
            }
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (hasLineSeparator(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstLineSeparatorAt(Object value, String path) {
        if (value instanceof String text) {
            return text.indexOf('\u0085') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0 ? path : null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String found = firstLineSeparatorAt(key, path);
                found = found != null ? found : firstLineSeparatorAt(entry.getValue(), ValuePaths.child(path, key));
                if (found != null) {
                    return found;
                }
            }
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String found = firstLineSeparatorAt(list.get(i), ValuePaths.index(path, i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** What {@code helm template} prints for these documents (as {@link #documents} ordered them). */
    public static String print(List<Manifest> documents) {
        List<Manifest> manifests = new ArrayList<>();
        List<Manifest> hooks = new ArrayList<>();
        for (Manifest document : documents) {
            (document.hook() ? hooks : manifests).add(document);
        }
        return GoStrings.trimSpace(write(manifests)) + "\n" + write(hooks);
    }

    /** The documents one after the other, each in Helm's form: {@code ---}, {@code # Source: <path>}, the document. */
    public static String write(List<Manifest> documents) {
        StringBuilder text = new StringBuilder();
        for (Manifest document : documents) {
            text.append("---\n# Source: ").append(document.source()).append('\n').append(document.text()).append('\n');
        }
        return text.toString();
    }

    /** The fields Helm reads from each document to sort it: kind, metadata.name and the hook annotation. */
    private static final class Head {
        private static final String HOOK_ANNOTATION = "helm.sh/hook";

        static Manifest read(String source, String text) {
            String kind = "";
            String name = "";
            boolean hook = false;
            boolean inMetadata = false;
            boolean inAnnotations = false;
            for (String line : text.split("\n")) {
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                if (!line.startsWith(" ")) {
                    inMetadata = line.equals("metadata:");
                    inAnnotations = false;
                    if (line.startsWith("kind:")) {
                        kind = scalar(line.substring("kind:".length()));
                    }
                } else if (inMetadata && !line.startsWith("   ")) {
                    inAnnotations = line.equals("  annotations:");
                    if (line.startsWith("  name:")) {
                        name = scalar(line.substring("  name:".length()));
                    }
                } else if (inAnnotations && !line.startsWith("     ")
                        && content.startsWith(HOOK_ANNOTATION + ":")) {
                    hook = true;
                }
            }
            return new Manifest(kind, name, source, hook, text);
        }

        private static String scalar(String text) {
            String value = text.strip();
            if (value.length() >= 2 && isPlainQuoted(value)) {
                // A quoted scalar without escapes or inner quotes is its text between the quotes.
                return value.substring(1, value.length() - 1);
            }
            if (value.startsWith("\"") || value.startsWith("'")) {
                Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(value);
                return String.valueOf(parsed);
            }
            return value;
        }

        private static boolean isPlainQuoted(String value) {
            char quote = value.charAt(0);
            if ((quote != '"' && quote != '\'') || value.charAt(value.length() - 1) != quote) {
                return false;
            }
            for (int i = 1; i < value.length() - 1; i++) {
                char c = value.charAt(i);
                if (c == quote || c == '\\' || c < ' ' || c > '~') {
                    return false;
                }
            }
            return true;
        }
    }
}
