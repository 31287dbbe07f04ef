package io.github.infrahubbackup.chartkit.golden;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The command line of the infrahub-backup tool, read from the chart's {@code tool.yaml}, and the
 * check of a rendered container against it: would the tool the image runs accept these arguments
 * and this environment? Every problem names the flag (or variable) and says what the tool expects.
 */
final class ToolContract {
    /** The rules of tool.yaml that {@link #check} enforces, by id; a rule added there needs a check here. */
    static final Set<String> CHECKED_RULES = Set.of("latest-or-archive", "s3-only-with-latest", "redact-needs-force",
            "retention-at-least-one", "s3-upload-needs-bucket", "latest-s3-needs-bucket");

    private static final Pattern GO_DURATION = Pattern.compile("0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+");
    private static final Pattern RELEASE = Pattern.compile("v?([0-9]+)\\.([0-9]+)\\.([0-9]+)");
    private static final Set<String> GO_BOOLEANS = Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");

    final String release;
    final Map<String, Object> document;
    private final Map<String, Map<String, Object>> globalFlags;
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Set<String> environment;

    /** A subcommand; {@code s3Archive} is the fact about an s3:// archive argument, or null where it takes none. */
    record Command(String name, int arguments, Map<String, Map<String, Object>> flags, Map<String, Object> s3Archive) {
    }

    @SuppressWarnings("unchecked")
    private ToolContract(Map<String, Object> document) {
        this.document = document;
        this.release = (String) document.get("release");
        this.globalFlags = (Map<String, Map<String, Object>>) document.get("globalFlags");
        ((Map<String, Map<String, Object>>) document.get("commands")).forEach((name, command) -> commands.put(name,
                new Command(name, ((Number) command.get("arguments")).intValue(), (Map<String, Map<String, Object>>) command.get("flags"),
                        (Map<String, Object>) command.get("s3Archive"))));
        this.environment = ((Map<String, Object>) document.get("environment")).keySet();
    }

    static ToolContract read(Path file) {
        try {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return new ToolContract(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ToolContract bundled() {
        return read(ProjectFolder.CHART.resolve("tool.yaml"));
    }

    Map<String, Command> commands() {
        return commands;
    }

    Map<String, Map<String, Object>> globalFlags() {
        return globalFlags;
    }

    /** Every problem of every container of a rendered release; {@code userEnv} are extraEnv names, the user's own. */
    List<String> problems(String renderedYaml, Set<String> userEnv) {
        List<String> problems = new ArrayList<>();
        for (KubernetesObjects.Document document : KubernetesObjects.documents(renderedYaml)) {
            for (KubernetesObjects.PodTemplate pod : KubernetesObjects.podTemplates(document)) {
                JsonArray containers = pod.spec().getAsJsonArray("containers");
                for (JsonElement container : containers == null ? new JsonArray() : containers) {
                    JsonObject object = container.getAsJsonObject();
                    String where = document.kind() + " " + document.name() + ", container " + object.get("name").getAsString();
                    for (String problem : check(strings(object.getAsJsonArray("args")), env(object.getAsJsonArray("env")),
                            image(object), userEnv)) {
                        problems.add(where + ": " + problem);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * What the tool would refuse in one container: unknown subcommands, flags and variables, values
     * of the wrong type, a flag given twice, the wrong number of archives, a broken rule, a flag
     * newer than the image's release.
     */
    List<String> check(List<String> args, Map<String, String> env, String imageTag, Set<String> userEnv) {
        List<String> problems = new ArrayList<>();
        if (args.isEmpty() || !commands.containsKey(args.get(0))) {
            problems.add("the first argument must be one of the tool's subcommands " + commands.keySet() + ", not " + args);
            return problems;
        }
        Command command = commands.get(args.get(0));
        String subject = "infrahub-backup " + command.name() + " " + release;
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-")) {
                positionals.add(arg);
                continue;
            }
            String name = arg.replaceFirst("^--?", "");
            name = name.contains("=") ? name.substring(0, name.indexOf('=')) : name;
            Map<String, Object> flag = flag(command, name);
            if (flag == null) {
                problems.add("--" + name + " is not a flag of " + subject);
                continue;
            }
            String type = (String) flag.get("type");
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (type.equals("bool")) {
                value = "true";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                problems.add("--" + name + " needs a value (" + type + ")");
                continue;
            }
            if (flags.put(name, value) != null) {
                problems.add("--" + name + " is given twice; the tool would take only the last value");
            }
            String typeProblem = typeProblem(flag, value);
            if (typeProblem != null) {
                problems.add("--" + name + "=" + value + ": " + typeProblem);
            }
            String tooNew = newerThan(flag, imageTag);
            if (tooNew != null) {
                problems.add("--" + name + " " + tooNew);
            }
        }
        for (String variable : env.keySet()) {
            if (!userEnv.contains(variable) && !readsVariable(command, variable)) {
                problems.add("the environment variable " + variable + " is not read by " + subject);
            }
        }
        for (String archive : positionals) {
            if (archive.startsWith("s3://")) {
                String tooNew = command.s3Archive() == null ? "is not read by " + subject : newerThan(command.s3Archive(), imageTag);
                if (tooNew != null) {
                    problems.add("an s3:// archive " + tooNew);
                }
            }
        }
        problems.addAll(ruleProblems(command, flags, positionals, env));
        return problems;
    }

    private List<String> ruleProblems(Command command, Map<String, String> flags, List<String> positionals, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        boolean latest = isTrue(flags.get("latest"));
        boolean hasBucket = !env.getOrDefault("INFRAHUB_S3_BUCKET", "").isEmpty() || !flags.getOrDefault("s3-bucket", "").isEmpty();
        int archives = command.arguments() == 0 ? 0 : latest ? 0 : command.arguments();
        if (positionals.size() != archives) {
            // latest-or-archive: restore takes one archive, or --latest and none.
            problems.add(command.name() + " takes " + archives + " argument(s)" + (latest ? " with --latest" : "")
                    + ", not " + positionals);
        }
        for (String archive : positionals) {
            if (!archive.startsWith("/") && !archive.matches("(?s)s3://[^/]+/.+")) {
                problems.add("the archive " + archive + " is neither an absolute path (the working directory is the image's) nor s3://bucket/key");
            }
        }
        if (isTrue(flags.get("s3")) && !latest) {
            problems.add("--s3 needs --latest (s3-only-with-latest)");
        }
        if (isTrue(flags.get("redact")) && !isTrue(flags.get("force"))) {
            problems.add("--redact needs --force (redact-needs-force)");
        }
        for (String retention : List.of("retention-days", "retention-count")) {
            if (flags.containsKey(retention) && !flags.get(retention).matches("[1-9][0-9]*")) {
                problems.add("--" + retention + " must be a whole number of at least 1 (retention-at-least-one)");
            }
        }
        if (isTrue(flags.get("s3-upload")) && !hasBucket) {
            problems.add("--s3-upload without a bucket (s3-upload-needs-bucket)");
        }
        if (latest && isTrue(flags.get("s3")) && !hasBucket) {
            problems.add("--latest --s3 without a bucket (latest-s3-needs-bucket)");
        }
        return problems;
    }

    private Map<String, Object> flag(Command command, String name) {
        Map<String, Object> flag = command.flags().get(name);
        return flag != null ? flag : globalFlags.get(name);
    }

    /** A variable the tool reads for this subcommand: a global flag's, this subcommand's flag's, or one it reads itself. */
    private boolean readsVariable(Command command, String variable) {
        if (environment.contains(variable)) {
            return true;
        }
        List<Map<String, Object>> flags = new ArrayList<>(globalFlags.values());
        flags.addAll(command.flags().values());
        return flags.stream().anyMatch(flag -> variable.equals(flag.get("env")));
    }

    @SuppressWarnings("unchecked")
    private static String typeProblem(Map<String, Object> flag, String value) {
        String type = (String) flag.get("type");
        String problem = switch (type) {
            case "bool" -> GO_BOOLEANS.contains(value) ? null : "not a bool the tool reads (true or false)";
            case "duration" -> GO_DURATION.matcher(value).matches() ? null : "not a Go duration such as 3m or 90s";
            case "int" -> value.matches("-?[0-9]+") ? null : "not a whole number";
            case "string" -> null;
            default -> throw new IllegalStateException("tool.yaml: unknown flag type " + type);
        };
        List<String> values = (List<String>) flag.get("values");
        if (problem == null && values != null && !values.contains(value)) {
            problem = "the tool takes one of " + values;
        }
        return problem;
    }

    /** "is newer than the image's release" when the image runs a plain release older than the flag's first. */
    private static String newerThan(Map<String, Object> flag, String imageTag) {
        Matcher tag = imageTag == null ? null : RELEASE.matcher(imageTag);
        if (tag == null || !tag.matches()) {
            return null;
        }
        String since = (String) flag.get("since");
        return compare(imageTag, since) < 0 ? "first appears in " + since + ", after the image's " + imageTag : null;
    }

    static int compare(String left, String right) {
        Matcher a = RELEASE.matcher(left);
        Matcher b = RELEASE.matcher(right);
        if (!a.matches() || !b.matches()) {
            throw new IllegalArgumentException("not releases: " + left + ", " + right);
        }
        for (int group = 1; group <= 3; group++) {
            int order = Long.compare(Long.parseLong(a.group(group)), Long.parseLong(b.group(group)));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static boolean isTrue(String value) {
        return value != null && Set.of("1", "t", "T", "TRUE", "true", "True").contains(value);
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> strings.add(item.getAsString()));
        }
        return strings;
    }

    /** Name to value; a value taken from a Secret or a field has the name only (value ""). */
    private static Map<String, String> env(JsonArray array) {
        Map<String, String> env = new LinkedHashMap<>();
        if (array != null) {
            for (JsonElement item : array) {
                JsonObject variable = item.getAsJsonObject();
                JsonElement value = variable.get("value");
                env.put(variable.get("name").getAsString(), value == null || value.isJsonNull() ? "" : value.getAsString());
            }
        }
        return env;
    }

    /** The tag of the container's image, or null when it is pinned by digest. */
    private static String image(JsonObject container) {
        String image = container.get("image").getAsString();
        if (image.contains("@")) {
            return null;
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : null;
    }

    /** The extraEnv names of a values map (the user's own variables, which the contract does not cover). */
    @SuppressWarnings("unchecked")
    static Set<String> userEnv(Map<String, Object> values) {
        Set<String> names = new HashSet<>();
        Object extraEnv = values.get("extraEnv");
        if (extraEnv instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
