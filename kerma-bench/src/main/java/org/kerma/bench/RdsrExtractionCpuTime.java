package org.kerma.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.io.DicomParseException;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dose.rdsr.RdsrReader;

/**
 * RDSR extraction measured in the CPU time of the reading thread rather than wall time, so that a figure taken on
 * a loaded machine still says what the reader costs: the dose reports of a set are read into memory once, then
 * extracted pass after pass; after the warm-up passes, prints reports per CPU-second of each measured pass.
 *
 * <p>Run: {@code java -cp kerma-bench/target/benchmarks.jar org.kerma.bench.RdsrExtractionCpuTime DIR [PASSES]}.
 * A companion to {@link RdsrExtractionBenchmark} (wall-clock throughput under JMH), not a replacement.
 */
public final class RdsrExtractionCpuTime {
    private static final int WARM_UP_PASSES = 20;

    private RdsrExtractionCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RdsrExtractionCpuTime DIR|@LIST [PASSES]");
            System.exit(2);
        }
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<DicomObject> reports = new ArrayList<>();
        for (Path file : FileSet.resolve(List.of(args[0]))) {
            try {
                DicomObject o = DicomReader.read(file).dataset();
                if (RdsrReader.isDoseReport(o)) {
                    reports.add(o);
                }
            } catch (DicomParseException e) {
                // not DICOM: not a dose report
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int pass = 0; pass < WARM_UP_PASSES + passes; pass++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (DicomObject report : reports) {
                sink += RdsrReader.read(report).findings().size();
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            if (pass >= WARM_UP_PASSES) {
                System.out.printf("pass %d: %d reports, %.1f reports per CPU-second, %.1f reports/s wall%n",
                        pass - WARM_UP_PASSES + 1, reports.size(), reports.size() / (cpu / 1e9),
                        reports.size() / (wall / 1e9));
            }
        }
        System.out.println("# findings seen: " + sink);
    }
}
