package io.github.infrahubbackup.chartkit.engine.values;

import java.util.Map;

/**
 * One values source read the way Helm reads it, with the position of every value and key.
 *
 * @param source    the name used in messages (a file path, or {@code --set})
 * @param values    the values, typed as Helm types them (numbers from files are doubles)
 * @param positions position of each value, by its path as {@code --set} writes it ({@code a.b[0].c})
 * @param keyPositions position of each map key, by the path of the value it names
 */
public record ValuesFile(String source, Map<String, Object> values, Map<String, SourcePosition> positions,
                         Map<String, SourcePosition> keyPositions) {
}
