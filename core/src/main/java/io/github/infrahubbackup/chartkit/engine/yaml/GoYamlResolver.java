package io.github.infrahubbackup.chartkit.engine.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Types plain scalars the way Helm's values loading does (go-yaml v2, YAML 1.1 flavoured) instead
 * of SnakeYAML's own YAML 1.1 rules. The differences that matter: {@code y}/{@code n} and the
 * case variants of yes/no/on/off are booleans; {@code 0o17}, {@code 0b101}, {@code 0123},
 * {@code 1_000}, {@code +0x1F} are integers; {@code 08} and {@code 1.} are floats; base-60 numbers
 * such as {@code 1:20} and timestamps stay strings (go-yaml v2 hands timestamps to
 * {@code interface{}} as text).
 *
 * <p>The tags are SnakeYAML's standard ones, but SnakeYAML's constructors parse numbers with their
 * own syntax (no {@code 0o} prefix, for one): pair this resolver with {@link GoYamlConstructor},
 * or type the scalar text with {@link #helmScalar(String)}.
 */
public class GoYamlResolver extends Resolver {

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

    /**
     * The Java value of a plain scalar for Helm's values: Boolean, Long or BigInteger, Double,
     * String or null (see {@link GoYaml#helmScalar(String)}).
     */
    public static Object helmScalar(String plain) {
        return GoYaml.helmScalar(plain);
    }
}
