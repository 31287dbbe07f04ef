package io.github.infrahubbackup.chartkit.golden;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.google.gson.JsonObject;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A PrometheusRule (monitoring.coreos.com/v1) held to the Prometheus operator's model as fabric8
 * publishes it: read without coercing scalars, every field must be one the model knows (the model
 * keeps unknown ones aside, and none may be there), and what the operator's CRD requires of a rule
 * group and a rule is checked: a group name, an expression, an alert or a record name (not both),
 * a {@code for} duration in Prometheus' form, string labels and annotations.
 */
final class PrometheusRules {
    private static final ObjectMapper STRICT = strictMapper();
    /** The duration pattern of the operator's CRD for "for" and "keep_firing_for". */
    private static final Pattern DURATION = Pattern.compile(
            "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$");

    private PrometheusRules() {
    }

    /** A reader that takes no number or boolean where the model has a string, as Kubernetes does not. */
    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Every problem of the object, each with its path; {@code report} takes (path, sentence). */
    static void check(JsonObject object, BiConsumer<String, String> report) {
        PrometheusRule rule;
        try {
            rule = STRICT.readValue(object.toString(), PrometheusRule.class);
        } catch (Exception e) {
            report.accept("", "the Prometheus operator's PrometheusRule model (fabric8) cannot read it: " + e.getMessage());
            return;
        }
        unknownFields(rule, "", report);
        if (rule.getSpec() == null || rule.getSpec().getGroups() == null || rule.getSpec().getGroups().isEmpty()) {
            report.accept("spec.groups", "a PrometheusRule needs at least one rule group");
            return;
        }
        List<RuleGroup> groups = rule.getSpec().getGroups();
        for (int g = 0; g < groups.size(); g++) {
            RuleGroup group = groups.get(g);
            String at = "spec.groups[" + g + "]";
            if (group.getName() == null || group.getName().isEmpty()) {
                report.accept(at + ".name", "required: every rule group has a name");
            }
            List<Rule> rules = group.getRules() == null ? List.of() : group.getRules();
            for (int r = 0; r < rules.size(); r++) {
                check(rules.get(r), at + ".rules[" + r + "]", report);
            }
        }
    }

    private static void check(Rule rule, String at, BiConsumer<String, String> report) {
        if (rule.getExpr() == null || rule.getExpr().getStrVal() == null || rule.getExpr().getStrVal().isBlank()) {
            report.accept(at + ".expr", "required: a rule has a PromQL expression");
        }
        boolean alert = rule.getAlert() != null && !rule.getAlert().isEmpty();
        boolean record = rule.getRecord() != null && !rule.getRecord().isEmpty();
        if (alert == record) {
            report.accept(at, "a rule is an alert or a recording rule: set exactly one of alert and record");
        }
        if (rule.getFor() != null && !DURATION.matcher(rule.getFor()).matches()) {
            report.accept(at + ".for", "not a Prometheus duration: " + rule.getFor());
        }
    }

    /** Walks the model: a field the model does not know lands in additionalProperties. */
    private static void unknownFields(Object node, String path, BiConsumer<String, String> report) {
        if (node instanceof KubernetesResource) {
            Map<String, Object> extra = additionalProperties(node);
            if (extra != null) {
                extra.keySet().forEach(key -> report.accept(join(path, key), "unknown field: the PrometheusRule model has no such field"));
            }
            for (Method getter : node.getClass().getMethods()) {
                if (getter.getParameterCount() == 0 && getter.getName().startsWith("get")
                        && !getter.getName().equals("getAdditionalProperties") && getter.getDeclaringClass() == node.getClass()) {
                    String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                    unknownFields(invoke(getter, node), join(path, field), report);
                }
            }
        } else if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", report);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> additionalProperties(Object node) {
        try {
            return (Map<String, Object>) node.getClass().getMethod("getAdditionalProperties").invoke(node);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
