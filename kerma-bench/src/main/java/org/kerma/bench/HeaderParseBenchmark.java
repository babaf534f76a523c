package org.kerma.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kerma.dicom.io.DicomParseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Header parse throughput in one warmed-up JVM, in files per second: every file of a set read by
 * {@link org.kerma.dicom.io.DicomReader} up to Pixel Data (see {@link HeaderParse}), from the page cache.
 *
 * <p><b>One operation is one file.</b> Each call parses the next file of the set and wraps around at the end, so
 * JMH's ops/s is files/s directly. The alternative, one operation per pass over the whole set with
 * {@code @OperationsPerInvocation(n)}, does not fit: that annotation takes a compile-time constant and the number
 * of files depends on the {@link #corpus} parameter. Cycling gives the same figure as whole passes (total files over
 * total time) except for the partial pass at the end of each iteration; with thousands of files per second and
 * iterations of seconds, an iteration covers many passes of the shared corpus and a few of the 10,000 small
 * objects, so that bias is small, and the per-call cost of the harness (tens of nanoseconds) is far below the
 * cost of a parse (tens of microseconds).
 *
 * <p>A file Kerma rejects ({@link DicomParseException}) counts as an operation, as it does in {@link ParseFiles}
 * and for the peers in {@code bench/parse.sh}: all tools get the same list. Any other I/O error fails the run.
 *
 * <p>Run: {@code java -jar kerma-bench/target/benchmarks.jar HeaderParseBenchmark -p corpus=DIR,@LIST}, or set
 * the corpus with {@code -jvmArgsAppend -Dkerma.bench.corpus=DIR}. The state is per thread; run it with one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HeaderParseBenchmark {
    /** The system property that names the set when {@link #corpus} is left empty. */
    public static final String CORPUS_PROPERTY = "kerma.bench.corpus";

    /**
     * The files to parse: a directory (its {@code *.dcm} files) or {@code @LIST} (see {@link FileSet}). Empty means
     * the value of the system property {@value #CORPUS_PROPERTY}.
     */
    @Param("")
    public String corpus;

    private Path[] files;
    private int next;

    @Setup
    public void listFiles() throws IOException {
        String source = corpus.isEmpty() ? System.getProperty(CORPUS_PROPERTY, "") : corpus;
        if (source.isEmpty()) {
            throw new IllegalStateException("no corpus: pass -p corpus=DIR or @LIST, or -D" + CORPUS_PROPERTY + "=...");
        }
        files = FileSet.resolve(List.of(source)).toArray(Path[]::new);
        next = 0;
    }

    @Benchmark
    public void parseHeader(Blackhole blackhole) throws IOException {
        Path file = files[next];
        next = next + 1 == files.length ? 0 : next + 1;
        try {
            blackhole.consume(HeaderParse.read(file));
        } catch (DicomParseException e) {
            blackhole.consume(e);
        }
    }
}
