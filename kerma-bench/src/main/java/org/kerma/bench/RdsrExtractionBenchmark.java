package org.kerma.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.io.DicomParseException;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dose.rdsr.RdsrReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RDSR extraction throughput in one warmed-up JVM, in reports per second (issue 5): every dose report of a set
 * (the files {@link RdsrReader#isDoseReport} accepts; other files are left out at setup) read into a
 * {@code DoseReport}.
 *
 * <p>Two figures. {@link #extract}: from a data set already in memory to a {@code DoseReport} (the reader alone:
 * content tree, templates, units, quirks). {@link #readAndExtract}: from the file (page cache) through
 * {@code DicomReader} to a {@code DoseReport}, the cost an import pays. As in {@link HeaderParseBenchmark}, one
 * operation is one report and the state cycles through the set, so ops/s is reports/s.
 *
 * <p>Run: {@code java -jar kerma-bench/target/benchmarks.jar RdsrExtractionBenchmark
 * -p corpus=../shared/corpus/openrem}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RdsrExtractionBenchmark {
    /** A directory (its {@code *.dcm} files) or {@code @LIST}; empty means {@code -Dkerma.bench.corpus}. */
    @Param("")
    public String corpus;

    private Path[] files;
    private DicomObject[] reports;
    private int next;

    @Setup
    public void readReports() throws IOException {
        String source = corpus.isEmpty() ? System.getProperty(HeaderParseBenchmark.CORPUS_PROPERTY, "") : corpus;
        if (source.isEmpty()) {
            throw new IllegalStateException("no corpus: pass -p corpus=DIR or @LIST");
        }
        List<Path> doseFiles = new ArrayList<>();
        List<DicomObject> doseReports = new ArrayList<>();
        for (Path file : FileSet.resolve(List.of(source))) {
            try {
                DicomObject o = DicomReader.read(file).dataset();
                if (RdsrReader.isDoseReport(o)) {
                    doseFiles.add(file);
                    doseReports.add(o);
                }
            } catch (DicomParseException e) {
                // not DICOM: not a dose report
            }
        }
        if (doseReports.isEmpty()) {
            throw new IllegalStateException("no dose reports in " + source);
        }
        files = doseFiles.toArray(Path[]::new);
        reports = doseReports.toArray(DicomObject[]::new);
        System.out.println("# " + reports.length + " dose reports from " + source);
    }

    @Benchmark
    public Object extract() {
        DicomObject report = reports[next];
        next = next + 1 == reports.length ? 0 : next + 1;
        return RdsrReader.read(report);
    }

    @Benchmark
    public Object readAndExtract() throws IOException {
        Path file = files[next];
        next = next + 1 == files.length ? 0 : next + 1;
        return RdsrReader.read(DicomReader.read(file).dataset());
    }
}
