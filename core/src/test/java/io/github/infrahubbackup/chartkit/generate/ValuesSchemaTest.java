package io.github.infrahubbackup.chartkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The annotation convention of values.yaml, on small files: what each comment becomes in the schema, and what is refused. */
class ValuesSchemaTest {
    private static final Map<String, Object> DEFINITIONS = ValuesSchema.map(ValuesAnnotations.yaml().load("""
            schema: {type: object}
            inline:
              shape:
                properties:
                  extra: {description: A field of the shape., type: string}
            definitions:
              name:
                type: string
                enum: ["", {$lines: names.txt}]
            """), "definitions");
    private static final Map<String, Object> RULES = Map.of("no-x", Map.of("message", "do not write x"));

    private static String schema(String values) {
        Map<String, Object> tree = ValuesSchema.build(ValuesSchema.map(ValuesAnnotations.yaml().load(values), "values"),
                ValuesAnnotations.read("values.yaml", values), DEFINITIONS, RULES, file -> List.of("a", "b"));
        return JsonText.write(tree).replaceAll("\\s+", " ");
    }

    @Test
    void aKeyBecomesItsDescriptionTypeDefaultAndBlockKeywords() {
        String json = schema("""
                # -- The group.
                group:
                  # @schema
                  # $ref: '#/definitions/name'
                  # errorMessage: {$rule: no-x}
                  # @schema
                  # -- A name,
                  # on two lines.
                  name: ""
                  # -- A switch.
                  enabled: false
                """);
        assertEquals("{ \"type\": \"object\", \"properties\": { \"group\": { \"description\": \"The group.\", \"type\": \"object\","
                + " \"default\": { \"name\": \"\", \"enabled\": false }, \"additionalProperties\": false, \"properties\": {"
                + " \"name\": { \"description\": \"A name, on two lines.\", \"default\": \"\", \"allOf\": [ { \"$ref\": \"#/definitions/name\" } ],"
                + " \"errorMessage\": \"do not write x\" },"
                + " \"enabled\": { \"description\": \"A switch.\", \"type\": \"boolean\", \"default\": false } } } },"
                + " \"definitions\": { \"name\": { \"type\": \"string\", \"enum\": [ \"\", \"a\", \"b\" ] } } } ", json);
    }

    @Test
    void aShapeIsSplicedAndItsFieldsKept() {
        String json = schema("""
                # @schema
                # $inline: shape
                # @schema
                # -- Given whole.
                object:
                  # -- Set by the chart.
                  own: 1
                """);
        assertTrue(json.contains("\"properties\": { \"own\": { \"description\": \"Set by the chart.\", \"default\": 1 },"
                + " \"extra\": { \"description\": \"A field of the shape.\", \"type\": \"string\" } }"), json);
    }

    @Test
    void aKeyWithoutADescriptionIsRefusedByItsPath() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> schema("group:\n  # -- Fine.\n  a: 1\n"));
        assertTrue(refused.getMessage().contains("values.yaml: group has no description"), refused.getMessage());
    }

    @Test
    void anUnclosedBlockIsRefusedAtItsLine() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> schema("# -- Fine.\na: 1\n# @schema\n# type: string\n# -- B.\nb: x\n"));
        assertEquals("values.yaml:3: a # @schema block that no # @schema line closes", refused.getMessage());
    }

    @Test
    void anUnknownRuleOrShapeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> schema("# @schema\n# errorMessage: {$rule: nope}\n# @schema\n# -- A.\na: x\n"));
        assertThrows(IllegalArgumentException.class, () -> schema("# @schema\n# $inline: nope\n# @schema\n# -- A.\na: x\n"));
    }
}
