package io.github.infrahubbackup.chartkit.bench;

import com.marcnuri.helm.Helm;
import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.Release;
import io.github.infrahubbackup.chartkit.Rendering;
import io.github.infrahubbackup.chartkit.Validation;
import io.github.infrahubbackup.chartkit.Values;
import io.github.infrahubbackup.chartkit.testing.HelmChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A warm render of the {@code backup-cronjob-s3} scenario (release {@code prod}, namespace
 * {@code infrahub}) through the public API, against real Helm (helm-java's {@code template()}) on
 * the same chart and values file, in the same JVM. Everything is in renders per second.
 *
 * <ul>
 *   <li>{@link #library}: the values read from the file, {@code chart.validate(values)}, then
 *       {@code chart.render(validation, release)}: "validate + render", as a caller that reports
 *       problems before rendering does it. The values are read on every operation, as Helm reads
 *       its values file on every call.</li>
 *   <li>{@link #libraryRender}: the values read from the file, then {@code chart.render(values, release)}
 *       alone (it validates, and throws on invalid values): what {@code infrahub-backup template -f FILE}
 *       does once started, and the least a caller that only wants the YAML does.</li>
 *   <li>{@link #helm}: {@code new Helm(templates/chart).template().withName("prod")
 *       .withNamespace("infrahub").withValuesFile(file).call()}; Helm loads the chart from disk on
 *       every call, as {@code helm template} does.</li>
 * </ul>
 *
 * <p>The chart is shared by all threads ({@link Scope#Benchmark}): the library promises it is
 * thread-safe. Threads come from {@code -t 1} / {@code -t 2}; allocation per operation from
 * {@code -prof gc} ({@code gc.alloc.rate.norm}).
 *
 * <p>Build: {@code mvn -B -DskipTests -pl bench -am package}. Run from the repository root (or
 * anywhere below it, or with {@code -Dproject.root=DIR}): {@code java -jar bench/target/benchmarks.jar}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class RenderBenchmark {
    static final String SCENARIO = "backup-cronjob-s3.yaml";

    private InfrahubBackupChart chart;
    private Release release;
    private Path valuesFile;
    private Path chartDir;

    @Setup(Level.Trial)
    public void setUp() {
        valuesFile = ProjectFolder.SCENARIOS.resolve(SCENARIO);
        chartDir = ProjectFolder.CHART;
        chart = InfrahubBackupChart.load();
        release = Release.named("prod").in("infrahub");
        Values values = Values.builder().file(valuesFile).build();

        // Both sides must do the work being compared: valid values, a non-empty release, and the same text.
        Validation validation = chart.validate(values);
        if (!validation.isValid()) {
            throw new IllegalStateException(SCENARIO + " does not validate: " + validation);
        }
        String library = chart.render(values, release).yaml();
        String helm = helmTemplate();
        if (helm == null || helm.isBlank() || library.isBlank()) {
            throw new IllegalStateException("a renderer printed nothing for " + SCENARIO);
        }
        if (!library.equals(helm)) {
            // helm-java leaves hooks out of its manifest; this scenario has none, so the texts must match.
            throw new IllegalStateException("the library and Helm render " + SCENARIO + " differently");
        }
    }

    /** Values from the file, validated, then rendered: the warm "validate + render". */
    @Benchmark
    public Rendering library() {
        Validation validation = chart.validate(Values.builder().file(valuesFile).build());
        return chart.render(validation, release);
    }

    /** Values from the file, then rendered (render validates, and throws on invalid values). */
    @Benchmark
    public Rendering libraryRender() {
        return chart.render(Values.builder().file(valuesFile).build(), release);
    }

    /** Real Helm, in process, on the same chart folder and values file. */
    @Benchmark
    public String helm() {
        return helmTemplate();
    }

    private String helmTemplate() {
        // helm-java's default Kubernetes (v1.20.0) is older than the chart's kubeVersion; the tests' version.
        return new Helm(chartDir).template().withKubeVersion(HelmChart.KUBE_VERSION).withName("prod").withNamespace("infrahub").withValuesFile(valuesFile).call();
    }
}
