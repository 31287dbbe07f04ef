package io.github.infrahubbackup.chartkit.engine.yaml;

/**
 * YAML exactly as Helm 3 reads and writes it, which is go-yaml v2.4 behind sigs.k8s.io/yaml.
 *
 * <p>{@link #toYaml(Object)} reproduces Helm's {@code toYaml} template function byte for byte;
 * {@link #resolve(String)} exposes go-yaml's typing of plain scalars, which Helm applies when it
 * loads values files.
 */
public final class GoYaml {

    /** The types go-yaml v2 gives an untagged plain scalar. */
    public enum Tag { STR, BOOL, INT, FLOAT, NULL, TIMESTAMP }

    /**
     * A resolved plain scalar. The value is a {@link String} for STR and TIMESTAMP (the original
     * text: Helm's values loading keeps timestamps as strings), a {@link Boolean}, a {@link Long}
     * for INT (a {@link java.math.BigInteger} above Long.MAX_VALUE, up to 2^64-1), a {@link Double}
     * for FLOAT (including NaN and the infinities), or null.
     */
    public record Resolved(Tag tag, Object value) {
    }

    private GoYaml() {
    }

    /**
     * What Helm's {@code toYaml} prints for a value: {@code sigs.k8s.io/yaml.Marshal} (encoding/json,
     * then go-yaml v2 unmarshal and marshal) with the final line break removed, or the empty string
     * where Helm's marshalling fails (NaN or infinite numbers, DEL/C1 control characters, U+FFFE,
     * U+FFFF, map keys longer than YAML's 1024-character simple-key limit once JSON-escaped).
     *
     * @param value a tree of {@code Map} (keys: String, or integers which JSON writes as strings),
     *              {@code List}/{@code Iterable}/arrays, {@code String}, {@code Boolean}, integer types
     *              and {@code BigInteger}, {@code Double}/{@code Float}/{@code BigDecimal}, and null
     * @throws IllegalArgumentException for any other type
     */
    public static String toYaml(Object value) {
        Object roundTripped;
        try {
            roundTripped = JsonRoundTrip.convert(value);
        } catch (JsonRoundTrip.Unrepresentable e) {
            return "";
        }
        String document = GoEmitter.emitDocument(roundTripped);
        // Helm trims exactly one trailing newline (strings.TrimSuffix).
        return document.endsWith("\n") ? document.substring(0, document.length() - 1) : document;
    }

    /** go-yaml v2's type for an untagged plain scalar with this text. */
    public static Resolved resolve(String plainScalar) {
        return GoScalarResolver.resolve(plainScalar);
    }

    /**
     * The Java value go-yaml v2 decodes an untagged plain scalar into when the target is
     * {@code interface{}}, as in Helm's values loading: Boolean, Long or BigInteger (above
     * Long.MAX_VALUE), Double (NaN and infinities included), String, or null. Timestamps stay
     * strings: go-yaml v2 keeps them as text for {@code interface{}} targets.
     */
    public static Object helmScalar(String plainScalar) {
        return resolve(plainScalar).value();
    }
}
