package io.github.infrahubbackup.chartkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The values reference of both READMEs (the project's, and the chart's own, which {@code helm show
 * readme} prints) is generated from the schema: this test fails when a table differs from it.
 * {@code mvn -pl core test -Dtest=ValuesReferenceTest -Dreadme.update=true} rewrites both tables.
 * {@link #table} is the one writer of the table: point it at another source and both follow.
 */
class ValuesReferenceTest {
    private static final String START = "<!-- values reference: generated from schema/values.schema.json by ValuesReferenceTest -->";
    private static final String END = "<!-- end of values reference -->";

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "templates/chart/README.md"})
    void readmeTableEqualsTheSchema(String readmePath) throws IOException {
        Path readme = ProjectFolder.ROOT.resolve(readmePath);
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String expected = START + "\n" + table(InfrahubBackupChart.load().schema()) + END;
        if (Boolean.getBoolean("readme.update") && start >= 0 && end > start) {
            Files.writeString(readme, text.substring(0, start) + expected + text.substring(end + END.length()), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, start >= 0 && end > start ? text.substring(start, end + END.length()) : "(no table in " + readmePath + ")",
                readmePath + "'s values reference; regenerate it with -Dreadme.update=true");
    }

    /** The values reference: a Markdown table of every key of the schema, its type, default and description. */
    static String table(String schemaJson) throws IOException {
        StringBuilder table = new StringBuilder("| key | type | default | description |\n|---|---|---|---|\n");
        rows(new ObjectMapper().readTree(schemaJson), "", table);
        return table.toString();
    }

    private static void rows(JsonNode node, String prefix, StringBuilder table) {
        JsonNode properties = node.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode property = field.getValue();
            if (isGroup(property)) {
                rows(property, key, table);
                continue;
            }
            table.append("| `").append(key).append("` | ").append(type(property)).append(" | ")
                    .append(property.has("default") ? "`" + property.get("default").toString().replace("|", "\\|") + "`" : "")
                    .append(" | ").append(property.path("description").asText("").replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
    }

    /** A map of the chart's own settings (each with a default), as opposed to a Kubernetes object given whole. */
    private static boolean isGroup(JsonNode property) {
        JsonNode children = property.path("properties");
        if (children.isEmpty()) {
            return false;
        }
        for (JsonNode child : children) {
            if (!child.has("default")) {
                return false;
            }
        }
        return true;
    }

    private static String type(JsonNode property) {
        JsonNode type = property.path("type");
        String text = type.isArray() ? String.join(" or ", new ObjectMapper().convertValue(type, String[].class)) : type.asText("");
        if (property.has("enum")) {
            StringBuilder values = new StringBuilder();
            property.get("enum").forEach(value -> values.append(values.length() == 0 ? "" : ", ").append(value.asText()));
            text = text + " (" + values + ")";
        }
        if (text.isEmpty()) {
            JsonNode reference = property.has("$ref") ? property.get("$ref") : property.path("allOf").path(0).path("$ref");
            text = reference.asText("").replace("#/definitions/", "");
        }
        return text;
    }
}
