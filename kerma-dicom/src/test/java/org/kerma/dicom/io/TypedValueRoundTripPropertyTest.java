package org.kerma.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.kerma.dicom.DicomDateTime;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.PersonName;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Tags;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.VR;

/**
 * For every kind of VR: values set through the typed setters of {@link DicomObject}, written by
 * {@link DicomWriter#encode} in each native transfer syntax and read back by {@link DicomReader#readDataset}, come
 * back from the typed getters as they were set (strings trimmed as their VR says), and the data set read back
 * {@code equals} the one written.
 */
class TypedValueRoundTripPropertyTest {
    /** Tags of the dictionary with one VR each, one per string VR; all but the TEXT ones accept several values. */
    private static final int[][] STRING_TAGS = {
        {Tag.RetrieveAETitle, VR.AE.ordinal()},
        {Tag.PatientAge, VR.AS.ordinal()},
        {Tag.ImageType, VR.CS.ordinal()},
        {Tag.PatientID, VR.LO.ordinal()},
        {Tag.InventoryPurpose, VR.LT.ordinal()},
        {Tag.AccessionNumber, VR.SH.ordinal()},
        {Tag.InstitutionAddress, VR.ST.ordinal()},
        {Tag.LongCodeValue, VR.UC.ordinal()},
        {Tag.SOPInstanceUID, VR.UI.ordinal()},
        {Tag.CodingSchemeURL, VR.UR.ordinal()},
        {Tag.TextValue, VR.UT.ordinal()},
    };

    // ---- strings -----------------------------------------------------------------------------------------------

    /** A string element: its tag and VR, the Specific Character Set term (empty for the default) and its values. */
    record TextSample(int tag, VR vr, String charset, List<String> values) {
        @Override
        public String toString() {
            return Tags.format(tag) + " " + vr + " [" + charset + "] " + values;
        }
    }

    @Property(tries = 600)
    void stringsComeBackTrimmedAsTheirVrSays(@ForAll("syntaxes") TransferSyntax ts,
                                             @ForAll("textSamples") TextSample sample) throws IOException {
        DicomObject ds = new DicomObject();
        if (!sample.charset().isEmpty()) {
            ds.setString(Tag.SpecificCharacterSet, sample.charset());
        }
        ds.setString(sample.tag(), sample.values().toArray(String[]::new));

        DicomObject read = roundTrip(ds, ts);

        assertThat(read).isEqualTo(ds);
        assertThat(read.strings(sample.tag())).isEqualTo(expectedStrings(sample.vr(), sample.values()));
    }

    /** What the getters give back: nothing for an empty value, else each value trimmed per PS3.5 Table 6.2-1. */
    static List<String> expectedStrings(VR vr, List<String> values) {
        if (String.join("\\", values).isEmpty()) {
            return List.of();
        }
        List<String> trimmed = new ArrayList<>();
        for (String v : values) {
            int end = v.length();
            while (end > 0 && v.charAt(end - 1) == ' ') {
                end--;
            }
            int start = 0;
            if (trimsLeadingSpaces(vr)) {
                while (start < end && v.charAt(start) == ' ') {
                    start++;
                }
            }
            trimmed.add(v.substring(start, end));
        }
        return trimmed;
    }

    /** True for the VRs whose leading spaces are insignificant too. */
    private static boolean trimsLeadingSpaces(VR vr) {
        return switch (vr) {
            case AE, AS, CS, DS, IS, LO, SH -> true;
            default -> false;
        };
    }

    @Provide
    Arbitrary<TextSample> textSamples() {
        return Arbitraries.of(STRING_TAGS).flatMap(t -> {
            VR vr = VR.values()[t[1]];
            Arbitrary<String> charset = vr.charsetDependent()
                    ? Arbitraries.of("", "ISO_IR 100", "ISO_IR 192") : Arbitraries.just("");
            return charset.flatMap(cs -> {
                Arbitrary<String> one = valueOf(vr, cs);
                Arbitrary<List<String>> values = vr.isMultiValuedString()
                        ? one.list().ofMinSize(1).ofMaxSize(4) : one.map(List::of);
                return values.map(v -> new TextSample(t[0], vr, cs, v));
            });
        });
    }

    /** One value of the VR within its character repertoire and length limit. */
    private static Arbitrary<String> valueOf(VR vr, String charset) {
        switch (vr) {
            case AS:
                return Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.of('D', 'W', 'M', 'Y'))
                        .as((n, unit) -> String.format("%03d%c", n, unit));
            case CS:
                return Arbitraries.strings().withChars("ABCXYZ0129_ ").ofMaxLength(16);
            case UI:
                return Arbitraries.integers().between(0, 99999).list().ofMinSize(2).ofMaxSize(10)
                        .map(parts -> "1.2." + String.join(".", parts.stream().map(String::valueOf).toList()))
                        .filter(uid -> uid.length() <= 64);
            case UR:
                return Arbitraries.strings().withChars("abcxyz019:/?#[]@!$&'()*+,;=-._~%").ofMinLength(1)
                        .ofMaxLength(40).map(s -> "urn:" + s);
            case AE:
                return text(ascii(), 16, false);
            default:
                char[] repertoire = charset.isEmpty() ? ascii()
                        : charset.equals("ISO_IR 100") ? latin1() : unicode();
                int max = vr == VR.UC || vr == VR.UT ? 200 : Math.min(vr.size(), 200);
                return text(repertoire, max, vr.kind() == VR.Kind.TEXT);
        }
    }

    /** Text from the repertoire, with spaces anywhere (so trimming is exercised); TEXT VRs also get CR, LF, TAB. */
    private static Arbitrary<String> text(char[] repertoire, int maxLength, boolean textVr) {
        Arbitrary<Character> chars = textVr
                ? Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(repertoire)), Tuple.of(2, Arbitraries.just(' ')),
                        Tuple.of(1, Arbitraries.of('\r', '\n', '\t', '\\')))
                : Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(repertoire)), Tuple.of(2, Arbitraries.just(' ')));
        return chars.list().ofMaxSize(maxLength).map(TypedValueRoundTripPropertyTest::join);
    }

    private static String join(List<Character> chars) {
        StringBuilder sb = new StringBuilder(chars.size());
        chars.forEach(sb::append);
        return sb.toString();
    }

    /** Printable ASCII without backslash. */
    static char[] ascii() {
        return range(new StringBuilder(), 0x20, 0x7E).toString().replace("\\", "").toCharArray();
    }

    private static char[] latin1() {
        return range(new StringBuilder(String.valueOf(ascii())), 0xA0, 0xFF).toString().toCharArray();
    }

    /** Some of everything UTF-8 carries: Latin, Greek, Cyrillic, CJK, kana, Hangul. */
    static char[] unicode() {
        StringBuilder sb = new StringBuilder(String.valueOf(latin1()));
        range(sb, 0x391, 0x3C9);
        range(sb, 0x410, 0x44F);
        range(sb, 0x3041, 0x3096);
        range(sb, 0x4E00, 0x4FFF);
        range(sb, 0xAC00, 0xAD00);
        return sb.toString().toCharArray();
    }

    private static StringBuilder range(StringBuilder sb, int from, int to) {
        for (int c = from; c <= to; c++) {
            sb.append((char) c);
        }
        return sb;
    }

    // ---- person names ------------------------------------------------------------------------------------------

    @Property(tries = 400)
    void personNamesKeepTheirThreeGroups(@ForAll("syntaxes") TransferSyntax ts,
                                         @ForAll("personNames") List<PersonName> names) throws IOException {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        ds.setString(Tag.PatientName, names.get(0).toString());
        ds.setString(Tag.PhysiciansOfRecord, names.stream().map(PersonName::toString).toArray(String[]::new));

        DicomObject read = roundTrip(ds, ts);

        assertThat(read).isEqualTo(ds);
        PersonName first = names.get(0);
        assertThat(read.findPersonName(Tag.PatientName))
                .isEqualTo(first.toString().isEmpty() ? Optional.empty() : Optional.of(first));
        List<String> all = read.strings(Tag.PhysiciansOfRecord);
        if (names.size() > 1 || !first.toString().isEmpty()) {
            assertThat(all.stream().map(PersonName::parse).toList()).isEqualTo(names);
        }
    }

    @Provide
    Arbitrary<List<PersonName>> personNames() {
        Arbitrary<String> alphabetic = component(ascii());
        Arbitrary<String> any = component(unicode());
        Arbitrary<PersonName.Group> alphabeticGroup = group(alphabetic);
        Arbitrary<PersonName.Group> otherGroup = Arbitraries.oneOf(Arbitraries.just(PersonName.Group.EMPTY), group(any));
        return Combinators.combine(alphabeticGroup, otherGroup, otherGroup).as(PersonName::new)
                .list().ofMinSize(1).ofMaxSize(3);
    }

    /** A component: no delimiters (^ = \), no leading or trailing spaces, which PN parsing drops. */
    private static Arbitrary<String> component(char[] repertoire) {
        String delimiters = "^=\\";
        StringBuilder allowed = new StringBuilder();
        for (char c : repertoire) {
            if (delimiters.indexOf(c) < 0) {
                allowed.append(c);
            }
        }
        return Arbitraries.strings().withChars(allowed.toString().toCharArray()).ofMaxLength(12).map(String::strip);
    }

    private static Arbitrary<PersonName.Group> group(Arbitrary<String> component) {
        return Combinators.combine(component, component, component, component, component)
                .as(PersonName.Group::new);
    }

    // ---- numbers -----------------------------------------------------------------------------------------------

    @Property(tries = 600)
    void binaryIntegersComeBackIncludingUnsignedExtremes(@ForAll("syntaxes") TransferSyntax ts,
                                                         @ForAll("integerSamples") IntegerSample sample)
            throws IOException {
        DicomObject ds = new DicomObject();
        ds.setLong(sample.tag(), sample.values());

        DicomObject read = roundTrip(ds, ts);

        assertThat(read).isEqualTo(ds);
        assertThat(read.findVr(sample.tag())).contains(sample.vr());
        assertThat(read.longs(sample.tag())).containsExactly(sample.values());
        assertThat(read.doubles(sample.tag()))
                .containsExactly(Arrays.stream(sample.values()).mapToDouble(v -> v).toArray());
    }

    record IntegerSample(int tag, VR vr, long[] values) {
        @Override
        public String toString() {
            return Tags.format(tag) + " " + vr + " " + Arrays.toString(values);
        }
    }

    @Provide
    Arbitrary<IntegerSample> integerSamples() {
        return Arbitraries.oneOf(
                integers(Tag.NonidentifyingPrivateElements, VR.US, 0, 0xFFFF),
                integers(Tag.TagAngleSecondAxis, VR.SS, Short.MIN_VALUE, Short.MAX_VALUE),
                integers(Tag.PrivateDataElementValueMultiplicity, VR.UL, 0, 0xFFFFFFFFL),
                integers(Tag.ReferencePixelX0, VR.SL, Integer.MIN_VALUE, Integer.MAX_VALUE),
                integers(Tag.SelectorSVValue, VR.SV, Long.MIN_VALUE, Long.MAX_VALUE),
                integers(Tag.TotalNumberOfStudyRecords, VR.UV, 0, Long.MAX_VALUE),
                integers(Tag.ReferencedFrameNumber, VR.IS, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    private static Arbitrary<IntegerSample> integers(int tag, VR vr, long min, long max) {
        Arbitrary<Long> value = Arbitraries.oneOf(Arbitraries.longs().between(min, max),
                Arbitraries.of(min, max, Math.max(min, 0), Math.min(max, 1)));
        return value.list().ofMinSize(1).ofMaxSize(4)
                .map(l -> new IntegerSample(tag, vr, l.stream().mapToLong(Long::longValue).toArray()));
    }

    @Property(tries = 400)
    void floatingPointValuesComeBackBitForBit(@ForAll("syntaxes") TransferSyntax ts,
                                              @ForAll @Size(min = 1, max = 4) List<@From("anyDoubles") Double> doubles)
            throws IOException {
        double[] values = doubles.stream().mapToDouble(Double::doubleValue).toArray();
        DicomObject ds = new DicomObject();
        ds.setDouble(Tag.EventTimeOffset, values);
        ds.setDouble(Tag.ContrastBolusT1Relaxivity, values);

        DicomObject read = roundTrip(ds, ts);

        assertThat(read).isEqualTo(ds);
        assertThat(Arrays.equals(read.doubles(Tag.EventTimeOffset), values))
                .as("FD %s", Arrays.toString(read.doubles(Tag.EventTimeOffset))).isTrue();
        double[] asFloats = Arrays.stream(values).map(v -> (float) v).toArray();
        assertThat(Arrays.equals(read.doubles(Tag.ContrastBolusT1Relaxivity), asFloats))
                .as("FL %s", Arrays.toString(read.doubles(Tag.ContrastBolusT1Relaxivity))).isTrue();
    }

    @Provide
    Arbitrary<Double> anyDoubles() {
        return Arbitraries.oneOf(Arbitraries.doubles().withStandardSpecialValues(),
                Arbitraries.longs().map(Double::longBitsToDouble));
    }

    @Property(tries = 600)
    void decimalStringsComeBackExactlyAsFormatted(@ForAll("syntaxes") TransferSyntax ts,
                                                  @ForAll @Size(min = 1, max = 4) List<@From("finiteDoubles") Double> doubles)
            throws IOException {
        DicomObject ds = new DicomObject();
        ds.setDouble(Tag.EventElapsedTimes, doubles.stream().mapToDouble(Double::doubleValue).toArray());
        List<String> formatted = ds.strings(Tag.EventElapsedTimes);

        DicomObject read = roundTrip(ds, ts);

        assertThat(read).isEqualTo(ds);
        assertThat(read.strings(Tag.EventElapsedTimes)).isEqualTo(formatted).allSatisfy(s ->
                assertThat(s.length()).isLessThanOrEqualTo(16));
        assertThat(read.doubles(Tag.EventElapsedTimes))
                .containsExactly(formatted.stream().mapToDouble(Double::parseDouble).toArray());
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        return Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(4));
    }

    // ---- dates and times ---------------------------------------------------------------------------------------

    @Property(tries = 400)
    void datesTimesAndDateTimesComeBack(@ForAll("syntaxes") TransferSyntax ts,
                                        @ForAll("dateTimes") LocalDateTime dateTime) throws IOException {
        DicomObject ds = new DicomObject();
        ds.setDate(Tag.StudyDate, dateTime.toLocalDate());
        ds.setTime(Tag.StudyTime, dateTime.toLocalTime());
        ds.setDateTime(Tag.AcquisitionDateTime, dateTime);

        DicomObject read = roundTrip(ds, ts);

        LocalDateTime micros = dateTime.truncatedTo(ChronoUnit.MICROS);
        assertThat(read).isEqualTo(ds);
        assertThat(read.findDate(Tag.StudyDate)).contains(dateTime.toLocalDate());
        assertThat(read.findTime(Tag.StudyTime)).contains(micros.toLocalTime());
        assertThat(read.findDateTime(Tag.StudyDate, Tag.StudyTime)).contains(micros);
        ChronoUnit precision = micros.getNano() == 0 ? ChronoUnit.SECONDS : ChronoUnit.MICROS;
        assertThat(read.findDateTime(Tag.AcquisitionDateTime)).contains(new DicomDateTime(micros, precision, null));
    }

    @Provide
    Arbitrary<LocalDateTime> dateTimes() {
        Arbitrary<LocalDate> dates = Arbitraries.longs()
                .between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<LocalTime> times = Arbitraries.longs().between(0, LocalTime.MAX.toNanoOfDay())
                .map(LocalTime::ofNanoOfDay);
        Arbitrary<LocalTime> wholeSeconds = Arbitraries.integers().between(0, 86399).map(LocalTime::ofSecondOfDay);
        return Combinators.combine(dates, Arbitraries.oneOf(times, wholeSeconds)).as(LocalDate::atTime);
    }

    /** A DT value given to some precision, with or without a UTC offset, set as text. */
    @Property(tries = 400)
    void partialDateTimesKeepTheirPrecisionAndOffset(@ForAll("syntaxes") TransferSyntax ts,
                                                      @ForAll("dateTimes") LocalDateTime dateTime,
                                                      @ForAll @IntRange(min = 0, max = 6) int precisionIndex,
                                                      @ForAll("offsets") Optional<ZoneOffset> offset)
            throws IOException {
        ChronoUnit precision = List.of(ChronoUnit.YEARS, ChronoUnit.MONTHS, ChronoUnit.DAYS, ChronoUnit.HOURS,
                ChronoUnit.MINUTES, ChronoUnit.SECONDS, ChronoUnit.MICROS).get(precisionIndex);
        String full = String.format("%04d%02d%02d%02d%02d%02d.%06d", dateTime.getYear(), dateTime.getMonthValue(),
                dateTime.getDayOfMonth(), dateTime.getHour(), dateTime.getMinute(), dateTime.getSecond(),
                dateTime.getNano() / 1000);
        int length = new int[] {4, 6, 8, 10, 12, 14, 21}[precisionIndex];
        String text = full.substring(0, length) + offset.map(TypedValueRoundTripPropertyTest::offsetText).orElse("");
        DicomObject ds = new DicomObject();
        ds.setString(Tag.AcquisitionDateTime, text);

        DicomObject read = roundTrip(ds, ts);

        LocalDateTime expected = switch (precision) {
            case YEARS -> LocalDate.of(dateTime.getYear(), 1, 1).atStartOfDay();
            case MONTHS -> LocalDate.of(dateTime.getYear(), dateTime.getMonthValue(), 1).atStartOfDay();
            default -> dateTime.truncatedTo(precision);
        };
        assertThat(read.findString(Tag.AcquisitionDateTime)).contains(text);
        assertThat(read.findDateTime(Tag.AcquisitionDateTime))
                .contains(new DicomDateTime(expected, precision, offset.orElse(null)));
    }

    @Provide
    Arbitrary<Optional<ZoneOffset>> offsets() {
        return Arbitraries.integers().between(-12 * 60, 14 * 60).filter(m -> m % 15 == 0)
                .map(m -> ZoneOffset.ofTotalSeconds(m * 60)).optional();
    }

    private static String offsetText(ZoneOffset offset) {
        int minutes = offset.getTotalSeconds() / 60;
        return String.format("%c%02d%02d", minutes < 0 ? '-' : '+', Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }

    // ---- tags and bytes ----------------------------------------------------------------------------------------

    /** AT has no typed setter: its value is set as little-endian group/element pairs and read as tag numbers. */
    @Property(tries = 300)
    void attributeTagsComeBackAsTagNumbers(@ForAll("syntaxes") TransferSyntax ts,
                                           @ForAll @Size(min = 1, max = 4) List<Integer> tags) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * tags.size()).order(ByteOrder.LITTLE_ENDIAN);
        tags.forEach(t -> b.putShort((short) (t >>> 16)).putShort((short) (int) t));
        DicomObject ds = new DicomObject();
        ds.setBytes(Tag.FrameIncrementPointer, b.array());

        DicomObject read = roundTrip(ds, ts);

        assertThat(read).isEqualTo(ds);
        assertThat(read.longs(Tag.FrameIncrementPointer))
                .containsExactly(tags.stream().mapToLong(t -> t & 0xFFFFFFFFL).toArray());
        assertThat(read.strings(Tag.FrameIncrementPointer)).isEqualTo(tags.stream().map(Tags::toHex).toList());
    }

    /** OB, OD, OF, OL, OV, OW and UN keep their bytes (little endian in memory whatever the transfer syntax). */
    @Property(tries = 300)
    void otherByteValuesComeBackUnchanged(@ForAll("syntaxes") TransferSyntax ts,
                                          @ForAll @Size(max = 64) byte[] bytes) throws IOException {
        int[] tags = {Tag.RecordKey, Tag.FilterLookupTableData, Tag.VectorGridData, Tag.LongPrimitivePointIndexList,
                Tag.SelectorOVValue, Tag.RedPaletteColorLookupTableData};
        DicomObject ds = new DicomObject();
        for (int tag : tags) {
            ds.setBytes(tag, wholeWords(bytes, ds.dictionaryVr(tag).swapUnit()));
        }
        byte[] un = wholeWords(bytes, 2);
        ds.put(0x00091010, VR.UN, un);

        DicomObject read = roundTrip(ds, ts);

        assertThat(read).isEqualTo(ds);
        for (int tag : tags) {
            assertThat(read.findBytes(tag)).as(Tags.format(tag))
                    .hasValueSatisfying(v -> assertThat(v).isEqualTo(wholeWords(bytes, ds.dictionaryVr(tag).swapUnit())));
        }
        assertThat(read.findVr(0x00091010)).contains(VR.UN);
        assertThat(read.findBytes(0x00091010)).hasValueSatisfying(v -> assertThat(v).isEqualTo(un));
    }

    private static byte[] wholeWords(byte[] bytes, int unit) {
        return Arrays.copyOf(bytes, bytes.length - bytes.length % Math.max(unit, 2));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    @Provide
    static Arbitrary<TransferSyntax> syntaxes() {
        return Arbitraries.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    }

    static DicomObject roundTrip(DicomObject ds, TransferSyntax ts) throws IOException {
        byte[] bytes = DicomWriter.encode(ds, ts, WriteOptions.DEFAULT);
        return DicomReader.readDataset(new ByteArrayInputStream(bytes), "property", ts, ReadOptions.DEFAULT);
    }
}
