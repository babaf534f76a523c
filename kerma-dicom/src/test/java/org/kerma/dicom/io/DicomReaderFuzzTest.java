package org.kerma.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input cannot make {@link DicomReader} fail in any way but a {@link DicomParseException} (or another
 * {@link IOException}) whose message says where: no {@link RuntimeException}, no {@link OutOfMemoryError}, no
 * {@link StackOverflowError}, no hang. Each fuzz test takes the raw bytes of one input.
 *
 * <p>{@code mvn test} runs these in Jazzer's regression mode: once on the empty input and once on each file under
 * {@code src/test/resources/org/kerma/dicom/io/DicomReaderFuzzTestInputs/<method>/}: small files from the shared
 * corpus (the edge cases of {@code corpus/samples/MANIFEST.tsv}, dose reports, character sets, each transfer syntax;
 * {@code DicomReaderFuzzTestSeeds.tsv} says where each came from) and the findings of past fuzzing that are fixed.
 * Findings not fixed yet wait in {@code DicomReaderFuzzTestFindings/<method>/}, run by {@link DicomReaderDefectTest}.
 *
 * <p>To fuzz one method for its {@code maxDuration}, going on after findings (which Jazzer writes as {@code crash-*}
 * into the method's inputs folder: move them to the findings folder, with a defect test, until fixed):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -pl kerma-dicom test -Dtest=DicomReaderFuzzTest#readsAStream -Djazzer.keep_going=50 \
 *     -DargLine="-Xss4m -Xmx1g"
 * </pre>
 *
 * <p>The {@link Timeout} is per input: Jazzer passes it to libFuzzer as {@code -timeout}.
 */
class DicomReaderFuzzTest {
    /** Small limits, so that a deep or noisy input reaches them within a few kilobytes. */
    static final ReadOptions STREAM_OPTIONS = new ReadOptions(false, Long.MAX_VALUE, 16, 20);
    /** As above, and values of 64 bytes or more left in the file as bulk data references. */
    static final ReadOptions FILE_OPTIONS = new ReadOptions(false, 64, 16, 20);

    private static Path scratch;

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsAStream(byte[] input) {
        assertReadsOrRejectsWithOffset(() -> DicomReader.read(new ByteArrayInputStream(input), "fuzz",
                STREAM_OPTIONS));
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsAFile(byte[] input) throws IOException {
        Path file = scratchFile();
        Files.write(file, input);
        assertReadsOrRejectsWithOffset(() -> DicomReader.read(file, FILE_OPTIONS));
    }

    interface Read {
        DicomFile read() throws IOException;
    }

    /** The read gives a result, or an IOException saying where; anything else propagates and fails the input. */
    static void assertReadsOrRejectsWithOffset(Read read) {
        DicomFile file;
        try {
            file = read.read();
        } catch (IOException e) {
            String message = e.getMessage();
            if (message == null || message.isBlank() || !message.contains("byte offset")) {
                AssertionError failure = new AssertionError("no \"byte offset\" in the message of " + e, e);
                failure.setStackTrace(e.getStackTrace()); // Jazzer tells findings apart by their stack traces
                throw failure;
            }
            return;
        }
        assertThat(file.dataset()).isNotNull();
        assertThat(file.fileMeta()).isNotNull();
        assertThat(file.warnings().size()).isLessThanOrEqualTo(file.warningCount());
    }

    /** One file reused by every input: fuzzing runs millions of inputs in one JVM, a temp dir each would be slow. */
    private static synchronized Path scratchFile() {
        if (scratch == null) {
            try {
                scratch = Files.createTempFile("kerma-fuzz", ".dcm");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            scratch.toFile().deleteOnExit();
        }
        return scratch;
    }
}
