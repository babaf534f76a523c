package org.kerma.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Tags;
import org.kerma.dicom.TransferSyntax;

/**
 * Trees of nested sequences (up to {@value #MAX_DEPTH} levels, empty items and empty sequences, defined and undefined
 * lengths mixed) survive write and read in each native transfer syntax, and an unmodified tree written with
 * {@link WriteOptions.LengthEncoding#AS_READ} is written again byte for byte, each length as it was read.
 *
 * <p>A tree is generated as a list of small numbers read one by one by {@link TreeBuilder}, so that jqwik generates
 * it quickly and shrinks a failing tree by shortening the list.
 */
class SequenceRoundTripPropertyTest {
    static final int MAX_DEPTH = 6;

    private static final List<Integer> SEQUENCE_TAGS = List.of(Tag.ReferencedSOPSequence,
            Tag.MeasurementUnitsCodeSequence, Tag.ConceptNameCodeSequence, Tag.ConceptCodeSequence,
            Tag.MeasuredValueSequence, Tag.ContentSequence);
    private static final List<Integer> TEXT_TAGS = List.of(Tag.CodeValue, Tag.CodingSchemeDesignator, Tag.CodeMeaning,
            Tag.TextValue);
    private static final char UNDEFINED = '~';
    private static final char DEFINED = '#';

    @Property(tries = 400)
    @StatisticsReport(onFailureOnly = true)
    void nestedSequencesRoundTripInEveryLengthEncoding(@ForAll("syntaxes") TransferSyntax ts,
                                                       @ForAll("programs") List<Integer> program,
                                                       @ForAll WriteOptions.LengthEncoding lengths)
            throws IOException {
        DicomObject ds = new TreeBuilder(program).build();
        ds.setLong(Tag.Rows, 512);
        Statistics.label("depth").collect(depthOf(ds));

        DicomObject read = read(DicomWriter.encode(ds, ts, WriteOptions.DEFAULT.withSequenceLengths(lengths)), ts);

        assertThat(read).isEqualTo(ds);
        assertThat(lengthsOf(read)).isEqualTo(switch (lengths) {
            case AS_READ -> lengthsOf(ds);
            case UNDEFINED -> lengthsOf(ds).replace(DEFINED, UNDEFINED);
            case DEFINED -> lengthsOf(ds).replace(UNDEFINED, DEFINED);
        });
        Statistics.label("depth").coverage(c -> c.check(MAX_DEPTH).count(n -> n > 0));
    }

    @Property(tries = 400)
    @StatisticsReport(onFailureOnly = true)
    void anUnmodifiedTreeIsWrittenAgainByteForByte(@ForAll("syntaxes") TransferSyntax ts,
                                                    @ForAll("programs") List<Integer> program) throws IOException {
        DicomObject ds = new TreeBuilder(program).build();
        byte[] first = DicomWriter.encode(ds, ts, WriteOptions.DEFAULT);

        byte[] second = DicomWriter.encode(read(first, ts), ts, WriteOptions.DEFAULT);

        assertThat(second).isEqualTo(first);
    }

    @Provide
    Arbitrary<List<Integer>> programs() {
        return Arbitraries.integers().between(0, 255).list().ofMinSize(10).ofMaxSize(300);
    }

    /**
     * Reads the numbers in order: for an item, its length encoding, how many text elements (0-2, each a tag and a
     * value) and how many sequences (0-2; 1-2 in the data set, none at {@value #MAX_DEPTH} levels); for a sequence,
     * its tag, its length encoding and how many items (0-3). When the numbers run out every count is zero, so the
     * tree ends.
     */
    static final class TreeBuilder {
        private final List<Integer> program;
        private int next;

        TreeBuilder(List<Integer> program) {
            this.program = program;
        }

        DicomObject build() {
            DicomObject top = new DicomObject();
            fill(top, 0);
            return top;
        }

        private int read(int bound) {
            return next < program.size() ? program.get(next++) % bound : 0;
        }

        private void fill(DicomObject item, int depth) {
            item.undefinedItemLength(read(2) == 0);
            for (int t = read(3); t > 0; t--) {
                item.setString(TEXT_TAGS.get(read(TEXT_TAGS.size())), "V" + read(1000));
            }
            for (int s = depth == 0 ? 1 + read(2) : depth < MAX_DEPTH ? read(3) : 0; s > 0; s--) {
                Sequence seq = item.newSequence(SEQUENCE_TAGS.get(read(SEQUENCE_TAGS.size())));
                seq.undefinedLength(read(2) == 0);
                for (int i = read(4); i > 0; i--) {
                    fill(seq.addItem(), depth + 1);
                }
            }
        }
    }

    /** How many sequences deep the deepest item is. */
    static int depthOf(DicomObject ds) {
        int depth = 0;
        for (int i = 0; i < ds.size(); i++) {
            if (ds.valueAt(i) instanceof Sequence seq) {
                for (DicomObject item : seq.items()) {
                    depth = Math.max(depth, 1 + depthOf(item));
                }
            }
        }
        return depth;
    }

    /** The length encodings in document order: a mark per sequence and per item, brackets for nesting. */
    static String lengthsOf(DicomObject ds) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ds.size(); i++) {
            if (ds.valueAt(i) instanceof Sequence seq) {
                sb.append(Tags.format(ds.tagAt(i))).append(seq.undefinedLength() ? UNDEFINED : DEFINED).append('[');
                for (DicomObject item : seq.items()) {
                    sb.append(item.undefinedItemLength() ? UNDEFINED : DEFINED).append('{').append(lengthsOf(item))
                            .append('}');
                }
                sb.append(']');
            }
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<TransferSyntax> syntaxes() {
        return TypedValueRoundTripPropertyTest.syntaxes();
    }

    private static DicomObject read(byte[] bytes, TransferSyntax ts) throws IOException {
        return DicomReader.readDataset(new ByteArrayInputStream(bytes), "property", ts, ReadOptions.DEFAULT);
    }
}
