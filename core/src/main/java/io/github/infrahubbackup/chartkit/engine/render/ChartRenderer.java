package io.github.infrahubbackup.chartkit.engine.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a chart's Pebble templates as Helm renders their Go twins. Templates are compiled once,
 * when the renderer is built; {@link #render} is thread-safe.
 */
public final class ChartRenderer {
    /** Helm prints a missing value as this text and then deletes every occurrence of it from the output. */
    private static final String NO_VALUE = "<no value>";

    private final ChartMetadata chart;
    private final Map<String, Object> chartObject;
    private final HelmFiles files;
    private final Map<String, PebbleTemplate> templates = new LinkedHashMap<>();
    /** The notes template ({@code templates/NOTES.txt}), or null when the chart has none. */
    private final PebbleTemplate notes;

    /**
     * @param chart          the chart's metadata, seen by templates as {@code Chart}
     * @param resourceFolder classpath folder of the {@code .peb} templates
     * @param templateNames  base names of the templates to render (helpers, starting with "_", excluded)
     * @param defaults       the chart's read-only defaults, whose subtrees every render shares
     * @param files          the chart's files that templates read ({@code .Files})
     * @param notes          whether the folder holds the {@link TemplateFolder#NOTES} template
     */
    public ChartRenderer(ChartMetadata chart, String resourceFolder, List<String> templateNames, Object defaults,
                         HelmFiles files, boolean notes) {
        this.chart = chart;
        this.files = files;
        this.chartObject = Collections.unmodifiableMap(chart.asTemplateObject());
        ClasspathLoader loader = new ClasspathLoader(ChartRenderer.class.getClassLoader()) {
            // Pebble resolves every {% import %} on every render, with a regex; only "./" and "../" names are relative.
            @Override
            public String resolveRelativePath(String relativePath, String anchorPath) {
                return relativePath != null && relativePath.startsWith(".") ? super.resolveRelativePath(relativePath, anchorPath) : null;
            }
        };
        loader.setPrefix(resourceFolder);
        loader.setSuffix(".peb");
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(loader)
                .extension(new HelmFunctions(defaults, files))
                .autoEscaping(false)
                .newLineTrimming(false)
                .strictVariables(false)
                .build();
        for (String name : templateNames) {
            templates.put(name, engine.getTemplate(name));
        }
        this.notes = notes ? engine.getTemplate(TemplateFolder.NOTES) : null;
    }

    public ChartMetadata chart() {
        return chart;
    }

    /**
     * Evaluates one template alone, if the chart has it: the template that holds the chart's own
     * {@code fail} rules, without rendering anything else.
     *
     * @throws TemplateFailedException when a rule refuses the values
     */
    public void check(String templateName, Map<String, Object> values, Map<String, Object> release) {
        PebbleTemplate rules = templates.get(templateName);
        if (rules != null) {
            evaluate(templateName, rules, context(values, release));
        }
    }

    /**
     * Renders every template.
     *
     * @param values      the coalesced values ({@code .Values})
     * @param release     {@code .Release}: Name, Namespace, Service...
     * @param pathPrefix  what comes before the template's file name in its path, e.g. {@code infrahub-backup/templates/}
     * @throws TemplateFailedException when a template calls {@code fail}
     */
    public List<RenderedFile> render(Map<String, Object> values, Map<String, Object> release, String pathPrefix) {
        Map<String, Object> context = context(values, release);
        List<RenderedFile> files = new ArrayList<>(templates.size());
        for (Map.Entry<String, PebbleTemplate> template : templates.entrySet()) {
            String text = evaluate(template.getKey(), template.getValue(), context);
            files.add(new RenderedFile(pathPrefix + template.getKey() + ".yaml", text.replace(NO_VALUE, "")));
        }
        return files;
    }

    /**
     * Renders the notes template as Helm renders {@code templates/NOTES.txt} (which it keeps with
     * the release and {@code helm install} prints); "" when the chart has none.
     *
     * @throws TemplateFailedException when the template calls {@code fail}
     */
    public String notes(Map<String, Object> values, Map<String, Object> release) {
        return notes == null ? "" : evaluate(TemplateFolder.NOTES, notes, context(values, release)).replace(NO_VALUE, "");
    }

    private Map<String, Object> context(Map<String, Object> values, Map<String, Object> release) {
        Map<String, Object> root = new HashMap<>();
        root.put("Values", values);
        root.put("Chart", chartObject);
        root.put("Release", release);
        root.put("Files", files);
        Map<String, Object> context = new HashMap<>(root);
        context.put("root", root);
        return context;
    }

    private static String evaluate(String name, PebbleTemplate template, Map<String, Object> context) {
        StringWriter out = new StringWriter(4096);
        try {
            template.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PebbleException | IllegalStateException e) {
            HelmFunctions.TemplateFailure failure = findFailure(e);
            if (failure != null) {
                throw new TemplateFailedException(name, failure.reason(), failure.path(), failure.rule());
            }
            throw e;
        }
        return out.toString();
    }

    private static HelmFunctions.TemplateFailure findFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HelmFunctions.TemplateFailure failure) {
                return failure;
            }
        }
        return null;
    }

    /** A template refused the values with the chart's own message (Helm's {@code fail}). */
    public static final class TemplateFailedException extends RuntimeException {
        private final String template;
        private final String reason;
        private final String path;
        private final String rule;

        TemplateFailedException(String template, String reason, String path, String rule) {
            super(template + ": " + reason);
            this.path = path;
            this.rule = rule;
            this.template = template;
            this.reason = reason;
        }

        public String template() {
            return template;
        }

        public String reason() {
            return reason;
        }

        /** The path of the value the broken rule is about, as {@code --set} writes it; "" when the template names none. */
        public String path() {
            return path;
        }

        /** The id of the broken rule; "" when the template names none. */
        public String rule() {
            return rule;
        }
    }
}
