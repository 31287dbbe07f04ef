package io.github.infrahubbackup.chartkit.engine.values;

import java.io.StringReader;
import java.util.Iterator;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's node tree of a values text's first document, for {@link GoYamlDecoder} to type as
 * go-yaml v2 does: plain scalars are left untyped ({@link #PLAIN}), merge keys unapplied. Where
 * SnakeYAML refuses a tab that go-yaml takes as separation (after "key:", inside a flow
 * collection), the text is read again with that tab as a space.
 */
final class NodeComposer {
    /** The tag of an untyped plain scalar. */
    static final Tag PLAIN = new Tag("!helm-plain");

    private NodeComposer() {
    }

    /** The first document's root node, or null for a text without one. */
    static Node compose(String source, String text) {
        String current = text;
        for (int attempt = 0; ; attempt++) {
            try {
                Iterator<Node> documents = yaml().composeAll(new StringReader(current)).iterator();
                return documents.hasNext() ? documents.next() : null;
            } catch (MarkedYAMLException e) {
                int tab = separatingTab(current, e);
                if (tab < 0) {
                    throw SnakeYamlErrors.syntax(source, e);
                }
                if (attempt >= ReadLimits.MAX_SEPARATING_TABS) {
                    throw new ValuesSyntaxException(SnakeYamlErrors.position(source, e.getProblemMark()), ReadLimits.tooManyTabs());
                }
                current = current.substring(0, tab) + ' ' + current.substring(tab + 1);
            } catch (YAMLException e) {
                throw SnakeYamlErrors.limit(source, e);
            }
        }
    }

    /**
     * The index in {@code text} of the tab SnakeYAML stopped at, when go-yaml would read it as
     * separation: a tab that is neither indentation (only blanks before it on its line) nor right
     * after a "-" or "?" indicator. -1 otherwise.
     */
    private static int separatingTab(String text, MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        if (mark == null || e.getProblem() == null || !e.getProblem().contains("(TAB)")) {
            return -1;
        }
        int index = text.offsetByCodePoints(0, Math.min(mark.getIndex(), text.codePointCount(0, text.length())));
        if (index >= text.length() || text.charAt(index) != '\t') {
            return -1;
        }
        int before = index - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        if (before < 0 || text.charAt(before) == '\n' || text.charAt(before) == '\r') {
            return -1;
        }
        char indicator = text.charAt(before);
        boolean atBlockIndicator = (indicator == '-' || indicator == '?')
                && (before == 0 || " \t\r\n".indexOf(text.charAt(before - 1)) >= 0);
        return atBlockIndicator ? -1 : index;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(ReadLimits.MAX_CODE_POINTS);
        options.setNestingDepthLimit(ReadLimits.MAX_NESTING);
        // Aliases are bounded while they are expanded, by go-yaml's ratio (see GoYamlDecoder).
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true);
        // Merge keys are applied as go-yaml applies them (in order, later keys win), not as SnakeYAML does.
        options.setMergeOnCompose(false);
        Resolver resolver = new Resolver() {
            @Override
            public Tag resolve(NodeId kind, String value, boolean implicit) {
                // Plain scalars are typed later with go-yaml v2's rules, not SnakeYAML's YAML 1.1 ones.
                return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options, resolver);
    }
}
