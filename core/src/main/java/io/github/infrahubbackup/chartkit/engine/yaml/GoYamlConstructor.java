package io.github.infrahubbackup.chartkit.engine.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A {@link SafeConstructor} that builds bool, int, float and null scalars with go-yaml v2's
 * parsing, to go with {@link GoYamlResolver}:
 * {@code new Yaml(new GoYamlConstructor(options), representer, dumperOptions, options, new GoYamlResolver())}.
 *
 * <p>Integers come out as Long (BigInteger above Long.MAX_VALUE), floats as Double. A scalar that
 * carries an explicit tag go-yaml would not give it (say {@code !!int abc}) is kept as its text.
 */
public class GoYamlConstructor extends SafeConstructor {

    public GoYamlConstructor(LoaderOptions options) {
        super(options);
        ConstructGoScalar goScalar = new ConstructGoScalar();
        yamlConstructors.put(Tag.BOOL, goScalar);
        yamlConstructors.put(Tag.INT, goScalar);
        yamlConstructors.put(Tag.FLOAT, goScalar);
        yamlConstructors.put(Tag.NULL, goScalar);
        // A "<<" that is not a mapping key is just text for go-yaml.
        yamlConstructors.put(Tag.MERGE, goScalar);
    }

    private final class ConstructGoScalar extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            String text = constructScalar((ScalarNode) node);
            GoYaml.Resolved resolved = GoYaml.resolve(text);
            return resolved.tag() == GoYaml.Tag.TIMESTAMP ? text : resolved.value();
        }
    }
}
