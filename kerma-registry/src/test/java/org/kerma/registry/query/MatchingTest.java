package org.kerma.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;

class MatchingTest {

    private static boolean match(DicomObject keys, DicomObject candidate) {
        return Matching.matchesAll(keys, candidate, t -> true);
    }

    /** Keys and candidates as a decoder would put them: ranges and wildcards are not valid values to set. */
    private static DicomObject with(int tag, String... values) {
        DicomObject ds = new DicomObject();
        return ds.putString(tag, ds.dictionaryVr(tag), values);
    }

    @Test
    void aKeyWithoutValueMatchesEverythingEvenAnAbsentAttribute() {
        DicomObject key = new DicomObject().put(Tag.PatientName, VR.PN, new byte[0]);

        assertThat(match(key, with(Tag.PatientName, "Doe^Jane"))).isTrue();
        assertThat(match(key, new DicomObject())).isTrue();
    }

    @Test
    void aLoneAsteriskIsUniversalMatching() {
        assertThat(match(with(Tag.AccessionNumber, "*"), new DicomObject())).isTrue();
    }

    @Test
    void twoDoubleQuotesMatchOnlyAnEmptyOrAbsentValue() {
        DicomObject key = with(Tag.AccessionNumber, "\"\"");

        assertThat(match(key, new DicomObject())).isTrue();
        assertThat(match(key, with(Tag.AccessionNumber, "A1"))).isFalse();
    }

    @Test
    void singleValueMatchingIsExactForTextAndIgnoresCaseOnlyForPersonNames() {
        assertThat(match(with(Tag.AccessionNumber, "A1"), with(Tag.AccessionNumber, "A1"))).isTrue();
        assertThat(match(with(Tag.AccessionNumber, "a1"), with(Tag.AccessionNumber, "A1"))).isFalse();
        assertThat(match(with(Tag.PatientName, "doe^jane"), with(Tag.PatientName, "Doe^Jane^^"))).isTrue();
        assertThat(match(with(Tag.PatientName, "Doe"), with(Tag.PatientName, "Doe^Jane"))).isFalse();
    }

    @Test
    void anAttributeTheCandidateLacksDoesNotMatchAValue() {
        assertThat(match(with(Tag.PatientID, "P1"), new DicomObject())).isFalse();
    }

    @Test
    void wildcardsStandForAnyRunAndForOneCharacter() {
        assertThat(match(with(Tag.PatientName, "DOE*"), with(Tag.PatientName, "Doe^Jane"))).isTrue();
        assertThat(match(with(Tag.PatientName, "*jan?"), with(Tag.PatientName, "Doe^Jane"))).isTrue();
        assertThat(match(with(Tag.PatientName, "*jan?"), with(Tag.PatientName, "Doe^Janet"))).isFalse();
        assertThat(match(with(Tag.StudyDescription, "CT*Chest"), with(Tag.StudyDescription, "CT Chest"))).isTrue();
        assertThat(match(with(Tag.StudyDescription, "ct*"), with(Tag.StudyDescription, "CT Chest"))).isFalse();
        assertThat(Matching.wildcard("a*b*c*d*e*f", "a".repeat(40) + "bcdexe")).isFalse();
    }

    @Test
    void aQuestionMarkInAUidIsNoWildcard() {
        assertThat(match(with(Tag.StudyInstanceUID, "1.2.?"), with(Tag.StudyInstanceUID, "1.2.3"))).isFalse();
    }

    @Test
    void aListOfUidsMatchesAnyOfThem() {
        DicomObject key = with(Tag.SOPInstanceUID, "1.2.3", "1.2.4");

        assertThat(match(key, with(Tag.SOPInstanceUID, "1.2.4"))).isTrue();
        assertThat(match(key, with(Tag.SOPInstanceUID, "1.2.5"))).isFalse();
    }

    @Test
    void dateRangesIncludeTheirBoundsAndMayBeOpen() {
        DicomObject day = with(Tag.StudyDate, "20240315");

        assertThat(match(with(Tag.StudyDate, "20240301-20240315"), day)).isTrue();
        assertThat(match(with(Tag.StudyDate, "20240316-"), day)).isFalse();
        assertThat(match(with(Tag.StudyDate, "-20240315"), day)).isTrue();
        assertThat(match(with(Tag.StudyDate, "20240315"), day)).isTrue();
        assertThat(match(with(Tag.StudyDate, "20240314"), day)).isFalse();
    }

    @Test
    void aLegacyDateWithDotsMatchesItsModernForm() {
        DicomObject candidate = new DicomObject().putString(Tag.StudyDate, VR.DA, "2024.03.15");

        assertThat(match(with(Tag.StudyDate, "20240301-20240331"), candidate)).isTrue();
    }

    @Test
    void timeRangesCompareCanonicalTimesAndAPartialUpperBoundCoversItsWholeHour() {
        DicomObject t = with(Tag.StudyTime, "101500.25");

        assertThat(match(with(Tag.StudyTime, "1000-1100"), t)).isTrue();
        assertThat(match(with(Tag.StudyTime, "09-10"), t)).isTrue();
        assertThat(match(with(Tag.StudyTime, "1016-"), t)).isFalse();
        assertThat(match(with(Tag.StudyTime, "101500.25"), t)).isTrue();
        assertThat(match(with(Tag.StudyTime, "1015"), with(Tag.StudyTime, "101500"))).isTrue();
    }

    @Test
    void dateTimeRangesTellARangeDashFromAUtcOffset() {
        DicomObject dt = with(Tag.AcquisitionDateTime, "20240315101500-0500");

        assertThat(match(with(Tag.AcquisitionDateTime, "20240315-20240316"), dt)).isTrue();
        assertThat(match(with(Tag.AcquisitionDateTime, "20240316-"), dt)).isFalse();
        assertThat(match(with(Tag.AcquisitionDateTime, "20240315101500-0500"), dt)).isTrue();
        assertThat(Matching.dateTimeRangeDash("20240315101500-0500")).isEqualTo(-1);
        assertThat(Matching.dateTimeRangeDash("2024-2025")).isEqualTo(4);
    }

    @Test
    void aMultiValuedCandidateMatchesWhenAnyValueDoes() {
        DicomObject modalities = with(Tag.ModalitiesInStudy, "CT", "SR");

        assertThat(match(with(Tag.ModalitiesInStudy, "SR"), modalities)).isTrue();
        assertThat(match(with(Tag.ModalitiesInStudy, "MR"), modalities)).isFalse();
        assertThat(match(with(Tag.ModalitiesInStudy, "MR", "CT"), modalities)).isTrue();
    }

    @Test
    void integerStringsCompareAsNumbers() {
        assertThat(match(with(Tag.SeriesNumber, "002"), with(Tag.SeriesNumber, "2"))).isTrue();
    }

    @Test
    void aSequenceKeyMatchesWhenOneItemMatchesAllItsKeys() {
        DicomObject candidate = new DicomObject();
        Sequence codes = candidate.newSequence(Tag.ConceptNameCodeSequence);
        codes.addItem().setString(Tag.CodeValue, "113701").setString(Tag.CodingSchemeDesignator, "DCM");
        DicomObject key = new DicomObject();
        key.newSequence(Tag.ConceptNameCodeSequence).addItem().setString(Tag.CodeValue, "113701")
                .setString(Tag.CodingSchemeDesignator, "DCM");
        DicomObject other = new DicomObject();
        other.newSequence(Tag.ConceptNameCodeSequence).addItem().setString(Tag.CodeValue, "113701")
                .setString(Tag.CodingSchemeDesignator, "SRT");
        DicomObject empty = new DicomObject();
        empty.newSequence(Tag.ConceptNameCodeSequence).addItem();

        assertThat(match(key, candidate)).isTrue();
        assertThat(match(other, candidate)).isFalse();
        assertThat(match(empty, new DicomObject())).isTrue();
    }
}
