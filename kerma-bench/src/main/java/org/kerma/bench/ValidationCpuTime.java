package org.kerma.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.standard.validate.IodValidator;

/**
 * IOD validation of one object measured in the CPU time of the validating thread, so that a figure taken on a loaded
 * machine still says what validation costs: the file is read once, validated in warm-up rounds, then in measured
 * rounds; prints the CPU microseconds per call of each measured round and the lowest.
 *
 * <p>Run: {@code java -cp kerma-bench/target/benchmarks.jar org.kerma.bench.ValidationCpuTime FILE [ROUNDS [CALLS]]}
 * (CALLS per round, default 500; fewer for a large report). A
 * companion to {@link ValidationBenchmark} (wall time under JMH), not a replacement.
 */
public final class ValidationCpuTime {
    private static final int WARM_UP_ROUNDS = 10;
    private static final int CALLS_PER_ROUND = 500;

    private ValidationCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ValidationCpuTime FILE [ROUNDS [CALLS]]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : CALLS_PER_ROUND;
        DicomFile file = DicomReader.read(Path.of(args[0]));
        IodValidator validator = IodValidator.standard();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                sink += validator.validate(file).size();
            }
            double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / calls;
            if (round >= WARM_UP_ROUNDS) {
                best = Math.min(best, micros);
                System.out.printf("round %d: %.1f us CPU per validation%n", round - WARM_UP_ROUNDS + 1, micros);
            }
        }
        System.out.printf("%s: best %.1f us CPU per validation (%d findings per call)%n", args[0], best,
                sink / ((long) (WARM_UP_ROUNDS + rounds) * calls));
    }
}
