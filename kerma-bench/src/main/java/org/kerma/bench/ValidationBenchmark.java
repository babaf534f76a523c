package org.kerma.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.standard.validate.Finding;
import org.kerma.standard.validate.IodValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to validate one object already in memory against its IOD ({@link IodValidator#validate(DicomFile)}), in
 * microseconds per object after warm-up: the cost ingest-time validation adds to each stored instance. Reading the
 * file is not timed.
 *
 * <p>Run: {@code java -jar kerma-bench/target/benchmarks.jar ValidationBenchmark -p file=FILE[,FILE...]}. The
 * default files are a CT radiation dose SR and a digital X-ray image of {@code ../shared/corpus/openrem}, resolved
 * against the working directory (the project root).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidationBenchmark {
    @Param({"../shared/corpus/openrem/CT-RDSR-Siemens_Flash-QA-DS.dcm",
        "../shared/corpus/openrem/DX-Im-Carestream_DR7500-1.dcm"})
    public String file;

    private DicomFile dicom;
    private IodValidator validator;

    @Setup
    public void read() throws IOException {
        dicom = DicomReader.read(Path.of(file));
        validator = IodValidator.standard();
        validator.validate(dicom);
    }

    @Benchmark
    public List<Finding> validate() {
        return validator.validate(dicom);
    }
}
