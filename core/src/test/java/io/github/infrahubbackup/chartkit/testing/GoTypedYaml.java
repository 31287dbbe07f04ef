package io.github.infrahubbackup.chartkit.testing;

import io.github.infrahubbackup.chartkit.engine.yaml.GoYaml;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A SnakeYAML loader that types plain scalars as go-yaml v2 does (behind sigs.k8s.io/yaml, which
 * Helm and kubectl read YAML with) instead of by SnakeYAML's YAML 1.1 rules, for tests that read
 * rendered output as Kubernetes would: {@code y}/{@code n} and the case variants of yes/no/on/off
 * are booleans; {@code 0o17}, {@code 0b101}, {@code 0123}, {@code 1_000}, {@code +0x1F} are
 * integers; {@code 08} and {@code 1.} are floats; base-60 numbers and timestamps stay strings.
 * Integers come out as Long (BigInteger above Long.MAX_VALUE), floats as Double; a scalar with an
 * explicit tag go-yaml would not give it ({@code !!int abc}) keeps its text. The typing is the
 * library's own {@link GoYaml#resolve(String)}.
 */
public final class GoTypedYaml {
    private GoTypedYaml() {
    }

    /** A loader with these options; a Yaml instance is not thread-safe. */
    public static Yaml create(LoaderOptions options) {
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new GoConstructor(options), new Representer(dumper), dumper, options, new GoResolver());
    }

    /** Tags plain scalars by go-yaml's rules; SnakeYAML's own number syntax never sees them. */
    private static final class GoResolver extends Resolver {
        /** No pattern table: {@link #resolve} decides with go-yaml's rules. */
        @Override
        protected void addImplicitResolvers() {
        }

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind != NodeId.scalar || !implicit) {
                return super.resolve(kind, value, implicit);
            }
            // go-yaml v2 recognises a merge key by its text alone.
            if ("<<".equals(value)) {
                return Tag.MERGE;
            }
            return switch (GoYaml.resolve(value).tag()) {
                case BOOL -> Tag.BOOL;
                case INT -> Tag.INT;
                case FLOAT -> Tag.FLOAT;
                case NULL -> Tag.NULL;
                case STR, TIMESTAMP -> Tag.STR;
            };
        }
    }

    /** Builds bool, int, float and null scalars with go-yaml's parsing, not SnakeYAML's. */
    private static final class GoConstructor extends SafeConstructor {
        GoConstructor(LoaderOptions options) {
            super(options);
            AbstractConstruct goScalar = new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String text = constructScalar((ScalarNode) node);
                    GoYaml.Resolved resolved = GoYaml.resolve(text);
                    return resolved.tag() == GoYaml.Tag.TIMESTAMP ? text : resolved.value();
                }
            };
            yamlConstructors.put(Tag.BOOL, goScalar);
            yamlConstructors.put(Tag.INT, goScalar);
            yamlConstructors.put(Tag.FLOAT, goScalar);
            yamlConstructors.put(Tag.NULL, goScalar);
            // A "<<" that is not a mapping key is just text for go-yaml.
            yamlConstructors.put(Tag.MERGE, goScalar);
        }
    }
}
