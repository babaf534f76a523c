package org.kerma.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * CPU time per link computation of {@link LinkBenchmark}'s study (2,000 images, 500 events), for each method:
 * 300 warm-up calls, then the median of 7 rounds of 100 calls measured with
 * {@link ThreadMXBean#getCurrentThreadCpuTime}. On a loaded machine CPU time is steadier than JMH's wall time.
 *
 * <p>Run: {@code java -cp kerma-bench/target/benchmarks.jar org.kerma.bench.LinkCpuTime}.
 */
public final class LinkCpuTime {
    private LinkCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (String method : new String[] {"EVENT_UID", "SR_REFERENCE", "TIME_WINDOW", "MIXED"}) {
            LinkBenchmark b = new LinkBenchmark();
            b.method = method;
            b.events = 500;
            b.images = 2000;
            b.makeStudy();
            for (int i = 0; i < 300; i++) {
                b.link();
            }
            double[] rounds = new double[7];
            for (int r = 0; r < rounds.length; r++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < 100; i++) {
                    b.link();
                }
                rounds[r] = (cpu.getCurrentThreadCpuTime() - start) / 100 / 1e6;
            }
            java.util.Arrays.sort(rounds);
            System.out.printf(Locale.ROOT, "%-13s CPU per link computation: median %.2f ms (min %.2f, max %.2f)%n",
                    method, rounds[3], rounds[0], rounds[6]);
        }
    }
}
