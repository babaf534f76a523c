package org.kerma.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomParseException;

/**
 * Header parse of a set of files in one plain JVM, timed from inside: the Kerma counterpart of
 * {@code parse_pydicom.py} (one Python process) and {@code dcmdump} over many files (one process), so that
 * {@code bench/parse.sh} can time all three as whole processes, JVM start included.
 *
 * <pre>
 * java -cp kerma-bench/target/benchmarks.jar org.kerma.bench.ParseFiles [--warmup-passes K] [--passes M] [--json]
 *      SOURCE...
 * </pre>
 *
 * <p>SOURCE is a directory or {@code @LIST} (see {@link FileSet}). The files are first parsed K times untimed
 * (default 1: lets the JIT compile the reader), then M times timed (default 1). For each timed pass one line goes
 * to standard output, {@code N files in T s = X files/s (F failed, E elements)}; with {@code --json}, one JSON
 * object follows with every pass. Files Kerma rejects ({@link DicomParseException}) are counted as failed and the
 * pass goes on; the first few are named on standard error after the first pass. Elements are the top-level
 * elements of the File Meta Information and the data set, summed: a check that the work was done.
 *
 * <p>{@code --warmup-passes 0 --passes 1} is the same work the peers do in one process: each file parsed once.
 *
 * <p>Exit codes: 0 done (even when some files failed), 1 an I/O error other than a parse failure, 2 usage error.
 */
public final class ParseFiles {
    private static final int FAILURES_SHOWN = 10;

    private ParseFiles() {
    }

    /** One pass over the files. */
    record Pass(int files, int failed, long elements, double seconds, List<String> failures) {
        double filesPerSecond() {
            return files / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%d files in %.3f s = %.0f files/s (%d failed, %d elements)", files,
                    seconds, filesPerSecond(), failed, elements);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        int warmupPasses = 1;
        int passes = 1;
        boolean json = false;
        List<String> sources = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--warmup-passes" -> warmupPasses = count(args, ++i, 0);
                    case "--passes" -> passes = count(args, ++i, 1);
                    case "--json" -> json = true;
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        sources.add(args[i]);
                    }
                }
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no SOURCE given");
            }
        } catch (IllegalArgumentException e) {
            err.println("ParseFiles: " + e.getMessage());
            err.println("usage: ParseFiles [--warmup-passes K] [--passes M] [--json] SOURCE... "
                    + "(SOURCE: a directory of *.dcm files, or @LIST, a file with one path per line)");
            return 2;
        }
        try {
            List<Path> files = FileSet.resolve(sources);
            List<Pass> timed = new ArrayList<>();
            for (int p = 0; p < warmupPasses + passes; p++) {
                Pass pass = parseAll(files);
                if (p == 0) {
                    reportFailures(pass, err);
                }
                if (p >= warmupPasses) {
                    timed.add(pass);
                    out.println(pass.line());
                }
            }
            if (json) {
                out.println(json(files.size(), warmupPasses, timed));
            }
            return 0;
        } catch (IOException e) {
            err.println("ParseFiles: " + e.getMessage());
            return 1;
        }
    }

    private static int count(String[] args, int i, int min) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a number");
        }
        try {
            int n = Integer.parseInt(args[i]);
            if (n < min) {
                throw new IllegalArgumentException(args[i - 1] + " must be at least " + min + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs a number, was '" + args[i] + "'");
        }
    }

    static Pass parseAll(List<Path> files) throws IOException {
        int failed = 0;
        long elements = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (Path file : files) {
            try {
                DicomFile parsed = HeaderParse.read(file);
                elements += parsed.fileMeta().size() + parsed.dataset().size();
            } catch (DicomParseException e) {
                failed++;
                if (failures.size() < FAILURES_SHOWN) {
                    failures.add(e.getMessage());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Pass(files.size(), failed, elements, seconds, failures);
    }

    private static void reportFailures(Pass pass, PrintStream err) {
        for (String failure : pass.failures()) {
            err.println("not parsed: " + failure);
        }
        if (pass.failed() > pass.failures().size()) {
            err.println("not parsed: " + (pass.failed() - pass.failures().size()) + " more");
        }
    }

    private static String json(int files, int warmupPasses, List<Pass> passes) {
        StringBuilder seconds = new StringBuilder();
        for (Pass p : passes) {
            seconds.append(seconds.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6f", p.seconds()));
        }
        Pass last = passes.get(passes.size() - 1);
        return String.format(Locale.ROOT, "{\"tool\": \"kerma\", \"files\": %d, \"failed\": %d, \"elements\": %d,"
                + " \"warmup_passes\": %d, \"seconds\": [%s]}", files, last.failed(), last.elements(), warmupPasses,
                seconds);
    }
}
