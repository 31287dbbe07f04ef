package io.github.infrahubbackup.chartkit.engine.values;

/**
 * Reads a values text as Helm does, one step per class: the size gate ({@link ReadLimits}), a stack
 * deep enough for the nesting ({@link DeepStack}), the %YAML version ({@link YamlVersion}), the node
 * tree with go-yaml's tolerance of tabs ({@link NodeComposer}, its refusals worded by
 * {@link SnakeYamlErrors}), and go-yaml v2's decoding then Helm's JSON round trip
 * ({@link GoYamlDecoder}). Bad input is a {@link ValuesSyntaxException} at its place.
 */
public final class ValuesReader {
    private ValuesReader() {
    }

    /** The values of {@code text}, named {@code source} in positions and problems. */
    public static ValuesFile read(String source, String text) {
        ReadLimits.checkSize(source, text);
        return DeepStack.forText(source, text, () -> {
            YamlVersion.check(source, text);
            return GoYamlDecoder.decode(source, text, NodeComposer.compose(source, text));
        });
    }
}
