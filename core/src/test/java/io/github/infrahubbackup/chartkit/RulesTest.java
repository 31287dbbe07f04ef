package io.github.infrahubbackup.chartkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart's refusals have one source, templates/chart/rules.yaml: both templates fail through it
 * (each helper file calls fail once, and writes no rule's sentence), and the schema's if/then block
 * for each cross-key rule names it and says the same sentence, so editors, Helm and the library
 * agree word for word.
 */
class RulesTest {
    /** Each rule's path, message and schema part, by its id. */
    static final Map<String, Map<String, Object>> RULES = rules();

    /** The message of one of the chart's rules. */
    static String message(String rule) {
        return (String) RULES.get(rule).get("message");
    }

    @Test
    void everyRuleIsStatedByTheSchemaInTheSameWords() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> stated = new TreeMap<>();
        Object allOf = load(ProjectFolder.SCHEMA).get("allOf");
        for (Object block : (List<?>) allOf) {
            Map<?, ?> rule = (Map<?, ?>) block;
            String comment = String.valueOf(rule.get("$comment"));
            String name = comment.startsWith("rules.yaml: ") ? comment.substring("rules.yaml: ".length()) : null;
            if (name == null || !RULES.containsKey(name)) {
                problems.add("the schema's rule \"" + rule.get("description") + "\" names no rule of rules.yaml in its $comment");
                continue;
            }
            stated.merge(name, 1, Integer::sum);
            for (String sentence : errorMessages(rule.get("then"), new ArrayList<>())) {
                if (!sentence.equals(message(name))) {
                    problems.add("the schema words rule " + name + " as \"" + sentence + "\", rules.yaml as \"" + message(name) + "\"");
                }
            }
        }
        RULES.keySet().stream().filter(name -> RULES.get(name).containsKey("schema") && !stated.containsKey(name))
                .forEach(name -> problems.add("rule " + name + " is not in the schema, so editors cannot flag it"));
        assertEquals(List.of(), problems);
    }

    @Test
    void bothTemplatesFailThroughRulesYamlAndNeverRestateASentence() throws IOException {
        String go = Files.readString(ProjectFolder.CHART.resolve("templates/_helpers.tpl"));
        String pebble = Files.readString(ProjectFolder.PEBBLE.resolve("_helpers.peb"));
        List<String> problems = new ArrayList<>();
        RULES.forEach((name, rule) -> {
            if (!go.contains("\"rule\" \"" + name + "\"")) {
                problems.add("_helpers.tpl does not fail with rule " + name);
            }
            if (!pebble.contains("failRule(root, \"" + name + "\"")) {
                problems.add("_helpers.peb does not fail with rule " + name);
            }
            // The words between the {placeholders} the template fills in.
            for (String words : message(name).split("\\{[a-zA-Z]+\\}")) {
                if (words.strip().length() > 12 && (go.contains(words) || pebble.contains(words))) {
                    problems.add("a template writes the words \"" + words + "\" of rule " + name + " itself instead of reading rules.yaml");
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void eachTemplateCallsFailOnceInTheHelperThatReadsRulesYaml() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path folder : List.of(ProjectFolder.CHART.resolve("templates"), ProjectFolder.PEBBLE)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    long fails = Pattern.compile("\\{\\{-?\\s*fail\\s|\\bfail\\(").matcher(Files.readString(file)).results().count();
                    long expected = file.getFileName().toString().startsWith("_helpers.") ? 1 : 0;
                    if (fails != expected) {
                        problems.add(file.getFileName() + " calls fail " + fails + " times, expected " + expected
                                + " (the helper that fails with a rule of rules.yaml)");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRuleNamesAValueOfTheChart() {
        Map<String, Object> schema = load(ProjectFolder.SCHEMA);
        List<String> problems = new ArrayList<>();
        RULES.forEach((name, rule) -> {
            List<Object> paths = new ArrayList<>();
            if (rule.containsKey("path")) {
                paths.add(rule.get("path"));
            }
            if (rule.get("paths") instanceof List<?> listed) {
                paths.addAll(listed);
            }
            for (Object path : paths) {
                Object node = schema;
                for (String key : String.valueOf(path).split("\\.")) {
                    Object properties = node instanceof Map<?, ?> map ? map.get("properties") : null;
                    node = properties instanceof Map<?, ?> map ? map.get(key) : null;
                }
                if (node == null) {
                    problems.add("rule " + name + ": " + path + " is not a value of the chart");
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    private static List<String> errorMessages(Object node, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("errorMessage".equals(key) && value instanceof String sentence) {
                    found.add(sentence);
                } else {
                    errorMessages(value, found);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> errorMessages(item, found));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> rules() {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) load(ProjectFolder.CHART.resolve("rules.yaml"));
    }

    private static Map<String, Object> load(Path file) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
