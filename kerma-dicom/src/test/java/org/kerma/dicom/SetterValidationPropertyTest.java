package org.kerma.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Disabled;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/**
 * The typed setters of {@link DicomObject} refuse a value that does not fit the element's VR, with an
 * {@link InvalidValueException} naming the tag; nothing is stored then.
 *
 * <p>The examples at the end pin what the setters check beyond numbers: the form of dates, times, IS and DS, the
 * length and repertoire of each VR, and the character set.
 */
class SetterValidationPropertyTest {

    /** A tag, its VR, and the range of integers the VR holds. */
    record IntegerVr(int tag, VR vr, long min, long max) {
    }

    private static final List<IntegerVr> INTEGER_VRS = List.of(
            new IntegerVr(Tag.Rows, VR.US, 0, 0xFFFF),
            new IntegerVr(Tag.TagAngleSecondAxis, VR.SS, Short.MIN_VALUE, Short.MAX_VALUE),
            new IntegerVr(Tag.NumberOfStudyRecordsInInstance, VR.UL, 0, 0xFFFFFFFFL),
            new IntegerVr(Tag.ReferencePixelX0, VR.SL, Integer.MIN_VALUE, Integer.MAX_VALUE),
            new IntegerVr(Tag.TotalNumberOfStudyRecords, VR.UV, 0, Long.MAX_VALUE));

    @Example
    void usRefuses65536NamingTheTag() {
        DicomObject ds = new DicomObject();

        InvalidValueException e = catchThrowableOfType(() -> ds.setLong(Tag.Rows, 65536),
                InvalidValueException.class);

        assertThat(e.tag()).isEqualTo(Tag.Rows);
        assertThat(e.vr()).isEqualTo(VR.US);
        assertThat(e).hasMessageContaining("(0028,0010)").hasMessageContaining("65536");
        assertThat(ds.contains(Tag.Rows)).isFalse();
    }

    @Property(tries = 500)
    void integerSettersRefuseValuesOutsideTheRangeOfTheVr(@ForAll("outOfRange") IntegerSample sample) {
        DicomObject ds = new DicomObject();

        assertRefused(() -> ds.setLong(sample.vr().tag(), sample.value()), sample.vr().tag(), sample.vr().vr());
        assertRefused(() -> ds.setString(sample.vr().tag(), Long.toString(sample.value())), sample.vr().tag(),
                sample.vr().vr());
        assertThat(ds.isEmpty()).isTrue();
    }

    @Property(tries = 500)
    void integerSettersAcceptEveryValueInTheRangeOfTheVr(@ForAll("inRange") IntegerSample sample) {
        DicomObject ds = new DicomObject();

        ds.setLong(sample.vr().tag(), sample.value());

        assertThat(ds.longs(sample.vr().tag())).containsExactly(sample.value());
    }

    record IntegerSample(IntegerVr vr, long value) {
    }

    @Provide
    Arbitrary<IntegerSample> outOfRange() {
        return Arbitraries.of(INTEGER_VRS).filter(v -> v.min() > Long.MIN_VALUE || v.max() < Long.MAX_VALUE)
                .flatMap(v -> {
                    Arbitrary<Long> below = v.min() > Long.MIN_VALUE
                            ? Arbitraries.longs().between(Long.MIN_VALUE, v.min() - 1) : Arbitraries.just(v.max() + 1);
                    Arbitrary<Long> above = v.max() < Long.MAX_VALUE
                            ? Arbitraries.longs().between(v.max() + 1, Long.MAX_VALUE) : below;
                    return Arbitraries.oneOf(below, above).map(value -> new IntegerSample(v, value));
                });
    }

    @Provide
    Arbitrary<IntegerSample> inRange() {
        return Arbitraries.of(INTEGER_VRS)
                .flatMap(v -> Arbitraries.longs().between(v.min(), v.max()).map(value -> new IntegerSample(v, value)));
    }

    @Property(tries = 300)
    void binaryIntegerSettersRefuseFractions(@ForAll("fractions") double value) {
        DicomObject ds = new DicomObject();

        for (IntegerVr v : INTEGER_VRS) {
            assertRefused(() -> ds.setDouble(v.tag(), value), v.tag(), v.vr());
        }
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(-1e9, 1e9).filter(d -> d != Math.rint(d));
    }

    @Property(tries = 50)
    void decimalStringsRefuseNaNAndInfinity(@ForAll("nonFinite") double value) {
        assertRefused(() -> new DicomObject().setDouble(Tag.KVP, value), Tag.KVP, VR.DS);
    }

    @Provide
    Arbitrary<Double> nonFinite() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    /** Tags with one VR each, for every VR whose values are separated by backslash. */
    private static final List<Integer> MULTI_VALUED_TAGS = List.of(Tag.RetrieveAETitle, Tag.PatientAge,
            Tag.ImageType, Tag.StudyDate, Tag.KVP, Tag.AcquisitionDateTime, Tag.InstanceNumber, Tag.PatientID,
            Tag.PatientName, Tag.AccessionNumber, Tag.StudyTime, Tag.LongCodeValue, Tag.SOPInstanceUID);

    /** Tags of the TEXT VRs (LT, ST, UT, UR), whose single value may hold a backslash. */
    private static final List<Integer> TEXT_TAGS = List.of(Tag.InventoryPurpose, Tag.InstitutionAddress,
            Tag.TextValue, Tag.CodingSchemeURL);

    @Example
    void aBackslashInASingleValueIsRefusedNamingTheTag() {
        assertRefused(() -> new DicomObject().setString(Tag.PatientID, "A\\B"), Tag.PatientID, VR.LO);
    }

    @Property(tries = 300)
    void aBackslashInAnyValueOfAMultiValuedVrIsRefused(@ForAll("multiValuedTags") int tag,
                                                       @ForAll @AlphaChars @StringLength(max = 6) String before,
                                                       @ForAll @AlphaChars @StringLength(max = 6) String after) {
        DicomObject ds = new DicomObject();

        assertRefused(() -> ds.setString(tag, "OK", before + "\\" + after), tag, ds.dictionaryVr(tag));
        assertThat(ds.contains(tag)).isFalse();
    }

    @Property(tries = 100)
    void textVrsKeepABackslashAsAnOrdinaryCharacter(@ForAll("textTags") int tag,
                                                    @ForAll @AlphaChars @StringLength(max = 6) String before,
                                                    @ForAll @AlphaChars @StringLength(min = 1, max = 6) String after) {
        DicomObject ds = new DicomObject();

        ds.setString(tag, before + "\\" + after);

        assertThat(ds.strings(tag)).containsExactly(before + "\\" + after);
    }

    @Property(tries = 100)
    void textVrsRefuseMoreThanOneValue(@ForAll("textTags") int tag) {
        assertRefused(() -> new DicomObject().setString(tag, "a", "b"), tag, new DicomObject().dictionaryVr(tag));
    }

    @Provide
    Arbitrary<Integer> multiValuedTags() {
        return Arbitraries.of(MULTI_VALUED_TAGS);
    }

    @Provide
    Arbitrary<Integer> textTags() {
        return Arbitraries.of(TEXT_TAGS);
    }

    // ---- forms, lengths and repertoires ---------------------------------------------------------------------------

    @Example
    void daRefuses20241301() {
        DicomObject ds = new DicomObject();

        assertRefused(() -> ds.setString(Tag.StudyDate, "20241301"), Tag.StudyDate, VR.DA);
        assertThat(ds.contains(Tag.StudyDate)).isFalse();
    }

    @Property(tries = 300)
    void dateAndTimeSettersRefuseImpossibleValues(@ForAll("impossibleDatesAndTimes") TagAndText sample) {
        assertRefused(() -> new DicomObject().setString(sample.tag(), sample.text()), sample.tag(),
                new DicomObject().dictionaryVr(sample.tag()));
    }

    record TagAndText(int tag, String text) {
    }

    @Provide
    Arbitrary<TagAndText> impossibleDatesAndTimes() {
        Arbitrary<Integer> year = Arbitraries.integers().between(1900, 2099);
        Arbitrary<String> badMonth = Combinators.combine(year, Arbitraries.integers().between(13, 99),
                Arbitraries.integers().between(1, 28)).as((y, m, d) -> String.format("%04d%02d%02d", y, m, d));
        Arbitrary<String> badDay = Combinators.combine(year, Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(32, 99)).as((y, m, d) -> String.format("%04d%02d%02d", y, m, d));
        Arbitrary<String> badHour = Arbitraries.integers().between(24, 99).map(h -> String.format("%02d0000", h));
        Arbitrary<String> badMinute = Arbitraries.integers().between(60, 99).map(m -> String.format("12%02d00", m));
        Arbitrary<String> notDigits = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
        return Arbitraries.oneOf(
                Arbitraries.oneOf(badMonth, badDay, notDigits).map(t -> new TagAndText(Tag.StudyDate, t)),
                Arbitraries.oneOf(badHour, badMinute, notDigits).map(t -> new TagAndText(Tag.StudyTime, t)),
                Arbitraries.oneOf(badMonth, badDay, notDigits).map(t -> new TagAndText(Tag.AcquisitionDateTime, t)));
    }

    @Example
    void integerAndDecimalStringsRefuseWhatIsNotTheirNumber() {
        DicomObject ds = new DicomObject();

        assertRefused(() -> ds.setString(Tag.InstanceNumber, "1.5"), Tag.InstanceNumber, VR.IS);
        assertRefused(() -> ds.setLong(Tag.InstanceNumber, 2147483648L), Tag.InstanceNumber, VR.IS);
        assertRefused(() -> ds.setString(Tag.KVP, "abc"), Tag.KVP, VR.DS);
        assertRefused(() -> ds.setString(Tag.KVP, "1.23456789012345678"), Tag.KVP, VR.DS);
    }

    @Example
    void stringSettersRefuseValuesTooLongOrOutsideTheVrCharacters() {
        DicomObject ds = new DicomObject();

        assertRefused(() -> ds.setString(Tag.AccessionNumber, "12345678901234567"), Tag.AccessionNumber, VR.SH);
        assertRefused(() -> ds.setString(Tag.Modality, "ct"), Tag.Modality, VR.CS);
        assertRefused(() -> ds.setString(Tag.SOPInstanceUID, "1.2.abc"), Tag.SOPInstanceUID, VR.UI);
        assertRefused(() -> ds.setString(Tag.PatientAge, "12X"), Tag.PatientAge, VR.AS);
    }

    @Example
    void aCharacterOutsideTheCharacterSetIsRefusedNamingTheTag() {
        DicomObject ds = new DicomObject();

        assertRefused(() -> ds.setString(Tag.PatientName, "Müller^Jürgen"), Tag.PatientName, VR.PN);
    }

    @Example
    void integerTextOfSixtyFourBitVrsIsStoredExactlyOrRefused() {
        DicomObject ds = new DicomObject();

        ds.setString(Tag.SelectorSVValue, "9007199254740993");
        assertThat(ds.longs(Tag.SelectorSVValue)).containsExactly(9007199254740993L);
        ds.setString(Tag.TotalNumberOfStudyRecords, "18446744073709551615");
        assertThat(ds.findBytes(Tag.TotalNumberOfStudyRecords).orElseThrow())
                .containsExactly(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        assertRefused(() -> ds.setString(Tag.TotalNumberOfStudyRecords, "18446744073709551616"),
                Tag.TotalNumberOfStudyRecords, VR.UV);
    }

    @Example
    void attributeTagsCanBeSetAsTheTagNumbersLongsReturns() {
        DicomObject ds = new DicomObject();

        ds.setLong(Tag.FrameIncrementPointer, 0x00181063L, 0x00181065L);

        assertThat(ds.longs(Tag.FrameIncrementPointer)).containsExactly(0x00181063L, 0x00181065L);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable set, int tag, VR vr) {
        assertThatThrownBy(set)
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(Tags.format(tag))
                .satisfies(e -> {
                    assertThat(((InvalidValueException) e).tag()).isEqualTo(tag);
                    assertThat(((InvalidValueException) e).vr()).isEqualTo(vr);
                });
    }
}
