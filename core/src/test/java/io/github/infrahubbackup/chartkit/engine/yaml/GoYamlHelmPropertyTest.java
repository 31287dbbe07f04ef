package io.github.infrahubbackup.chartkit.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random values rendered by real Helm and by {@link GoYaml}: the outputs must be identical.
 *
 * <p>Each try is a batch of 100 values printed by one Helm render, so 20 tries cost 20 renders.
 * Shrinking is off (it would re-render for every candidate); instead a failure lists every value
 * of the batch that differs, with both outputs.
 */
@Tag("helm")
class GoYamlHelmPropertyTest {

    private static final int BATCH = 100;

    /** Pieces strings are built from, weighted towards what changes go-yaml's output. */
    private static final List<Tuple.Tuple2<Integer, String>> ATOMS = List.of(
            Tuple.of(10, " "), Tuple.of(2, "  "), Tuple.of(8, "a"), Tuple.of(3, "b"), Tuple.of(2, "Z"),
            Tuple.of(2, "0"), Tuple.of(2, "1"), Tuple.of(1, "9"), Tuple.of(3, ":"), Tuple.of(2, "#"),
            Tuple.of(3, "-"), Tuple.of(1, "?"), Tuple.of(2, "'"), Tuple.of(2, "\""), Tuple.of(1, "\\"),
            Tuple.of(3, "\n"), Tuple.of(1, "\t"), Tuple.of(1, "\r"), Tuple.of(1, ","), Tuple.of(1, "["),
            Tuple.of(1, "]"), Tuple.of(1, "{"), Tuple.of(1, "}"), Tuple.of(1, "&"), Tuple.of(1, "*"),
            Tuple.of(1, "!"), Tuple.of(1, "|"), Tuple.of(1, ">"), Tuple.of(1, "%"), Tuple.of(1, "@"),
            Tuple.of(1, "`"), Tuple.of(2, "."), Tuple.of(1, "_"), Tuple.of(1, "+"), Tuple.of(1, "~"),
            Tuple.of(2, "é"), Tuple.of(1, "中"), Tuple.of(1, "😀"), Tuple.of(1, "\u00a0"), Tuple.of(1, "\u0085"),
            Tuple.of(1, "\u2028"), Tuple.of(1, "\ufeff"), Tuple.of(1, "\u0000"), Tuple.of(1, "\u001b"),
            Tuple.of(1, "true"), Tuple.of(1, "null"), Tuple.of(1, "yes"), Tuple.of(1, "0x"),
            Tuple.of(1, "1e3"), Tuple.of(1, "---"), Tuple.of(1, "..."), Tuple.of(1, "2001-12-14"),
            Tuple.of(1, "1:20"), Tuple.of(1, ".5"), Tuple.of(4, "word"), Tuple.of(2, "longerword"),
            Tuple.of(1, "x".repeat(30)));

    private static final List<String> KEY_ATOMS = List.of("a", "b", "A", "Z", "_", "-", ".", "0", "1", "2", "9",
            "10", " ", ":", "#", "é", "x", "key", "\n", "'", "\"");

    private static HelmOracle helm;

    @AfterContainer
    static void stopHelm() {
        if (helm != null) {
            helm.close();
        }
    }

    private static HelmOracle helm() {
        if (helm == null) {
            helm = HelmOracle.inTemporaryDirectory();
        }
        return helm;
    }

    @Property(tries = 20, shrinking = ShrinkingMode.OFF)
    void toYamlPrintsWhatHelmPrints(@ForAll("batches") List<Object> batch) {
        List<String> expected = helm().toYaml(batch);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String actual = GoYaml.toYaml(batch.get(i));
            if (!actual.equals(expected.get(i))) {
                mismatches.add("value: " + visible(String.valueOf(batch.get(i)))
                        + "\n  helm:   " + visible(expected.get(i)) + "\n  goyaml: " + visible(actual));
            }
        }
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " of " + batch.size() + " differ:\n"
                + String.join("\n", mismatches));
    }

    @Provide
    Arbitrary<List<Object>> batches() {
        return value().list().ofSize(BATCH);
    }

    private Arbitrary<Object> value() {
        return Arbitraries.recursive(this::scalar, this::collectionOf, 0, 3);
    }

    private Arbitrary<Object> collectionOf(Arbitrary<Object> element) {
        Arbitrary<Object> maps = Arbitraries.maps(key(), element).ofMaxSize(4)
                .filter(m -> hasTotalKeyOrder(m.keySet()))
                .map(m -> (Object) m);
        Arbitrary<Object> lists = element.list().ofMaxSize(4).map(l -> (Object) l);
        return Arbitraries.frequencyOf(Tuple.of(3, maps), Tuple.of(2, lists), Tuple.of(1, element));
    }

    private Arbitrary<Object> scalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(30, text()),
                Tuple.of(6, longText()),
                Tuple.of(10, number()),
                Tuple.of(5, Arbitraries.of(true, false)),
                // Characters the YAML reader refuses: Helm's toYaml prints nothing at all.
                Tuple.of(1, Arbitraries.of("a\u007f", "\u0080", "b\u009f c", "\ufffe"))).injectNull(0.04);
    }

    private Arbitrary<String> text() {
        List<Tuple.Tuple2<Integer, Arbitrary<String>>> weighted = new ArrayList<>();
        ATOMS.forEach(t -> weighted.add(Tuple.of(t.get1(), Arbitraries.just(t.get2()))));
        return Arbitraries.frequencyOf(weighted).list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    /** Long runs of words, so that every style gets folded at 80 columns at various depths. */
    private Arbitrary<String> longText() {
        return Arbitraries.of("word", "x", "longerword", "a:b", "#", "'", "\"", "é", "😀", "\t", "", " ", "\n", "-")
                .list().ofMinSize(15).ofMaxSize(60).map(parts -> String.join(" ", parts));
    }

    private Arbitrary<Object> number() {
        Arbitrary<Double> small = Arbitraries.integers().between(-1000, 1000).map(Integer::doubleValue);
        Arbitrary<Double> large = Arbitraries.longs().between(-(1L << 62), 1L << 62).map(Long::doubleValue);
        Arbitrary<Double> scientific = Combinators.combine(
                        Arbitraries.integers().between(-99999, 99999), Arbitraries.integers().between(-30, 30))
                .as((mantissa, exponent) -> Double.parseDouble(mantissa + "e" + exponent));
        Arbitrary<Double> any = Arbitraries.doubles();
        return Arbitraries.oneOf(small, large, scientific, any).map(d -> (Object) d);
    }

    private Arbitrary<String> key() {
        Arbitrary<String> shortKey = Arbitraries.of(KEY_ATOMS).list().ofMaxSize(5).map(p -> String.join("", p));
        Arbitrary<String> longKey = Arbitraries.of("key", "word", " ", "é", ":", "x".repeat(20)).list()
                .ofMinSize(30).ofMaxSize(60).map(p -> String.join(" ", p));
        return Arbitraries.frequencyOf(Tuple.of(12, shortKey), Tuple.of(1, longKey));
    }

    /**
     * go-yaml's key comparison is not transitive on every set ("10" &lt; "1a" &lt; "2" &lt; "10"),
     * and for such sets Helm's order depends on Go's random map iteration: keep the sets where it
     * is a strict total order.
     */
    private static boolean hasTotalKeyOrder(Collection<String> keys) {
        List<String> sorted = GoKeyOrder.sorted(keys);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                if (!GoKeyOrder.less(sorted.get(i), sorted.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == '\n') {
                sb.append("⏎");
            } else if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0x2028 || c == 0xFEFF) {
                sb.append(String.format("<U+%04X>", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
