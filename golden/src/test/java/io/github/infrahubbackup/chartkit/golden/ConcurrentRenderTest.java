package io.github.infrahubbackup.chartkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infrahubbackup.chartkit.InfrahubBackupChart;
import io.github.infrahubbackup.chartkit.testing.ProjectFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One shared chart rendering every scenario from 8 threads at once gives the single-thread bytes. */
@Tag("slow")
class ConcurrentRenderTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 10;

    @Test
    void eightThreadsRenderTheSameBytesAsOne() throws Exception {
        InfrahubBackupChart chart = InfrahubBackupChart.load();
        List<Scenario> scenarios = GoldenFiles.of(ProjectFolder.SCENARIOS, ProjectFolder.GOLDEN).scenarios();
        List<String> expected = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            expected.add(scenario.render(chart).yaml());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int offset = thread;
                Callable<List<String>> work = () -> {
                    start.await();
                    List<String> mismatches = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < scenarios.size(); i++) {
                            int index = (i + offset) % scenarios.size();
                            String actual = scenarios.get(index).render(chart).yaml();
                            if (!actual.equals(expected.get(index))) {
                                mismatches.add(scenarios.get(index).name());
                            }
                        }
                    }
                    return mismatches;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                assertEquals(List.of(), result.get(), "scenarios rendered differently under concurrency");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
