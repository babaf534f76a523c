package org.kerma.dicom.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tags;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomParseException;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

/**
 * Read, write, read again, for every file of the shared corpus that Kerma reads.
 *
 * <p>(a) An unmodified data set written back in its own transfer syntax with
 * {@link WriteOptions.LengthEncoding#AS_READ} reproduces the input's data set byte for byte (inflated, for a
 * deflated input). The exceptions are listed in {@code roundtrip-not-identical.tsv}, each with the fault of the
 * input that the writer corrects ({@link WriterCorrections}); the test checks that each listed file has exactly the
 * faults it is listed for, that a listed file is still not identical, and that no identical file has any of them.
 *
 * <p>(b) Written as a Part 10 file in each native transfer syntax (a data set with encapsulated Pixel Data only in
 * its own, which must be refused when that is a native one) and read back, the data set equals the original, but
 * for what the writer must change ({@link DataSetDifference#afterWrite}); the group lengths written are checked
 * against the offsets the reader found.
 */
class CorpusRoundTripTest {
    private static final Path LIST = Path.of("src/test/resources/org/kerma/dicom/corpus/roundtrip-not-identical.tsv");
    private static final List<TransferSyntax> NATIVE = List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    private static final WriteOptions AS_READ =
            WriteOptions.DEFAULT.withSequenceLengths(WriteOptions.LengthEncoding.AS_READ);

    /**
     * The corpus files Kerma's reader refuses (with {@link DicomParseException}), so cannot round-trip; with why. A
     * file that becomes readable, or another that stops being so, fails {@link #nearlyEveryCorpusFileIsRead}.
     */
    private static final Map<String, String> EXPECTED_UNREADABLE = Map.of(
            "samples/pydicom+pydicom/src/pydicom/data/test_files/MR_truncated.dcm", "truncated in Pixel Data",
            "samples/pydicom+pydicom/src/pydicom/data/test_files/rtplan_truncated.dcm", "truncated in a sequence",
            "samples/pydicom+pydicom/src/pydicom/data/test_files/no_meta.dcm",
            "no meta, and a stray byte before (0008,0005): the first 'value' declares 173 MB",
            "samples/pydicom+pydicom-data/data_store/data/emri_small_jpeg_2k_lossless_too_short.dcm",
            "truncated in the Pixel Data fragments",
            "samples/dcm4che+dcm4che/dcm4che-test-data/src/main/resources/3gb-bulk-data-truncated",
            "declares 3 GB of Pixel Data, holds 98 kB",
            "samples/orthanc-mirrors+orthanc-tests/Database/2026-05-06-Deeply-Nested-Sequence.dcm",
            "sequences nested deeper than ReadOptions allows (128 levels)");

    /** A corpus file as Kerma read it. */
    private record Read(Corpus.Entry entry, DicomFile file) {
        String name() {
            return entry.name();
        }
    }

    /** A line of the list: the faults the file is listed for, and why. */
    private record Listed(Set<String> corrections, String reason) {
    }

    private static final List<Read> READ = new ArrayList<>();
    private static final Map<String, String> UNREADABLE = new LinkedHashMap<>();
    private static final Map<String, Listed> NOT_IDENTICAL = new LinkedHashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void readCorpus() throws IOException {
        for (Corpus.Entry entry : Corpus.dicomFiles()) {
            try {
                READ.add(new Read(entry, DicomReader.read(entry.file())));
            } catch (DicomParseException e) {
                UNREADABLE.put(entry.name(), e.getMessage());
            }
        }
        for (String line : Files.readAllLines(LIST)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] cells = line.split("\t", -1);
                NOT_IDENTICAL.put(cells[0], new Listed(new TreeSet<>(Arrays.asList(cells[1].split(","))), cells[2]));
            }
        }
    }

    @Test
    void nearlyEveryCorpusFileIsRead() {
        assertThat(READ).as("corpus files Kerma reads").hasSizeGreaterThan(160);
        assertThat(UNREADABLE.keySet()).as("corpus files Kerma cannot read")
                .containsExactlyInAnyOrderElementsOf(EXPECTED_UNREADABLE.keySet());
    }

    @Test
    void unmodifiedDataSetsAreWrittenBackByteForByte() throws IOException {
        List<String> problems = new ArrayList<>();
        int identical = 0;
        for (Read r : READ) {
            byte[] input = inputDataset(r);
            Set<String> corrections = WriterCorrections.of(r.file(), input).stream().map(WriterCorrections::label)
                    .collect(Collectors.toCollection(TreeSet::new));
            Optional<String> difference;
            try {
                difference = firstDifference(r, input, outputDataset(r));
            } catch (UncheckedIOException e) {
                difference = Optional.of("the writer refuses: " + e.getCause().getMessage());
            }
            Listed listed = NOT_IDENTICAL.get(r.name());
            if (difference.isEmpty()) {
                identical++;
                if (listed != null) {
                    problems.add(r.name() + ": listed as not identical, but written back byte for byte now");
                } else if (!corrections.isEmpty()) {
                    problems.add(r.name() + ": identical, yet has faults " + corrections + "?");
                }
            } else if (listed == null) {
                problems.add(r.name() + ": " + difference.get() + "; faults found: " + corrections);
            } else if (!listed.corrections().equals(corrections)) {
                problems.add(r.name() + ": listed for " + listed.corrections() + ", but has " + corrections);
            }
        }
        for (String name : NOT_IDENTICAL.keySet()) {
            if (READ.stream().noneMatch(r -> r.name().equals(name))) {
                problems.add(name + ": listed, but not a corpus file Kerma reads");
            }
        }
        assertThat(problems).as("data sets not written back byte for byte").isEmpty();
        assertThat(identical).as("files written back byte for byte").isEqualTo(READ.size() - NOT_IDENTICAL.size());
        assertThat(NOT_IDENTICAL).as("files listed as not identical").hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void dataSetsSurviveAWriteInEachNativeTransferSyntax() throws IOException {
        List<String> problems = new ArrayList<>();
        int written = 0;
        for (Read r : READ) {
            DicomObject original = r.file().dataset();
            boolean encapsulated = WriterCorrections.hasFragments(original);
            for (TransferSyntax ts : encapsulated ? List.of(r.file().transferSyntax()) : NATIVE) {
                Path out = dir.resolve("roundtrip-" + (written++) + ".dcm");
                try {
                    DicomWriter.writeFile(out, r.file().fileMeta(), original, ts, WriteOptions.DEFAULT);
                } catch (IOException e) {
                    if (!(encapsulated && ts.isNative() && e.getMessage().contains("does not decompress"))) {
                        problems.add(r.name() + " in " + ts.name() + ": the writer refuses: " + e.getMessage());
                    }
                    continue;
                }
                DicomFile back = DicomReader.read(out);
                Set<String> newWarnings = warnings(back);
                newWarnings.removeAll(warnings(r.file()));
                if (!back.transferSyntax().equals(ts) || !newWarnings.isEmpty()) {
                    problems.add(r.name() + " in " + ts.name() + ": read back as " + back.transferSyntax().name()
                            + " with new warnings " + newWarnings);
                }
                DataSetDifference.afterWrite(original, back.dataset(), ts)
                        .ifPresent(d -> problems.add(r.name() + " in " + ts.name() + ": " + d));
                long end = ts.deflated() ? -1 : Files.size(out);
                wrongGroupLength(back.dataset(), end)
                        .ifPresent(d -> problems.add(r.name() + " in " + ts.name() + ": " + d));
                Files.delete(out);
            }
        }
        assertThat(problems).as("data sets changed by a write and a read").isEmpty();
        assertThat(written).as("files written").isGreaterThan(4 * 140);
    }

    /** The reader's warnings, without their offsets: a written file may keep a fault of its input, no new one. */
    private static Set<String> warnings(DicomFile file) {
        return file.warnings().stream().map(w -> w.tagText() + " " + w.message())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A top-level group length whose value is not the length of the rest of its group in the file read. */
    private static Optional<String> wrongGroupLength(DicomObject dataset, long end) {
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            if (Tags.isGroupLength(tag) && dataset.findBytes(tag).map(b -> b.length == 4).orElse(false)) {
                long groupEnd = end;
                for (int j = i + 1; j < dataset.size() && groupEnd == end; j++) {
                    if (Tags.group(dataset.tagAt(j)) != Tags.group(tag)) {
                        groupEnd = dataset.streamOffsetAt(j);
                    }
                }
                long length = groupEnd - (dataset.streamOffsetAt(i) + 12);
                if (groupEnd >= 0 && dataset.getInt(tag, -1) != length) {
                    return Optional.of(Tags.format(tag) + " is " + dataset.getInt(tag, -1) + ", but the group has "
                            + length + " bytes");
                }
            }
        }
        return Optional.empty();
    }

    /** The input's data set bytes, inflated when deflated. */
    private static byte[] inputDataset(Read r) throws IOException {
        byte[] all = Files.readAllBytes(r.entry().file());
        byte[] dataset = Arrays.copyOfRange(all, (int) r.file().datasetOffset(), all.length);
        return r.file().transferSyntax().deflated() ? inflate(dataset) : dataset;
    }

    private static byte[] outputDataset(Read r) {
        byte[] encoded = DicomWriter.encode(r.file().dataset(), r.file().transferSyntax(), AS_READ);
        return r.file().transferSyntax().deflated() ? inflate(encoded) : encoded;
    }

    /** Inflates raw deflate data (PS3.5 section A.5), or zlib-wrapped data as some writers produce. */
    private static byte[] inflate(byte[] deflated) {
        try {
            return inflate(deflated, true);
        } catch (DataFormatException e) {
            try {
                return inflate(deflated, false);
            } catch (DataFormatException again) {
                throw new IllegalStateException("cannot inflate the data set", again);
            }
        }
    }

    private static byte[] inflate(byte[] deflated, boolean raw) throws DataFormatException {
        Inflater inflater = new Inflater(raw);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    /** Where the output first departs from the input, naming the input element there. */
    private static Optional<String> firstDifference(Read r, byte[] input, byte[] output) {
        int at = Arrays.mismatch(input, output);
        if (at < 0) {
            return Optional.empty();
        }
        String where = DataSetDifference.elementAt(r.file().dataset(), r.file().datasetOffset() + at);
        String lengths = input.length == output.length ? "" : " (input " + input.length + " bytes, output "
                + output.length + ")";
        return Optional.of("first differs at data set byte " + at + ", in " + where + lengths);
    }
}
