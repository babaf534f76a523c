package org.kerma.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeTest {

    @Test
    void codesAreEqualByValueAndSchemeWhateverTheirMeaning() {
        Code dlp = new Code("113813", "DCM", "DLP Total");
        assertThat(new Code("113813", "DCM", "Dose Length Product Total", "01")).isEqualTo(dlp).hasSameHashCodeAs(dlp);
        assertThat(new Code("113813", "SCT", "DLP Total")).isNotEqualTo(dlp);
        assertThat(new Code("113814", "DCM", "DLP Total")).isNotEqualTo(dlp);
    }

    @Test
    void readsTheCodeSequenceMacroOfAnItemTrimmingPadding() {
        DicomObject item = new DicomObject();
        item.setString(Tag.CodeValue, "P5-08001 ");
        item.setString(Tag.CodingSchemeDesignator, "SRT");
        item.setString(Tag.CodeMeaning, "Spiral Acquisition");
        assertThat(Code.from(item)).contains(new Code("P5-08001", "SRT", "Spiral Acquisition"));
        assertThat(Code.from(item).orElseThrow().meaning()).isEqualTo("Spiral Acquisition");
    }

    @Test
    void readsLongAndUrnCodeValues() {
        DicomObject longCode = new DicomObject();
        longCode.setString(Tag.LongCodeValue, "a-code-value-longer-than-16");
        longCode.setString(Tag.CodingSchemeDesignator, "99LOCAL");
        longCode.setString(Tag.CodeMeaning, "long");
        assertThat(Code.from(longCode).orElseThrow().value()).isEqualTo("a-code-value-longer-than-16");

        DicomObject urn = new DicomObject();
        urn.setString(Tag.URNCodeValue, "http://example.org/concept/1");
        urn.setString(Tag.CodeMeaning, "urn");
        assertThat(Code.from(urn).orElseThrow().scheme()).isEmpty();
    }

    @Test
    void anItemWithoutACodeValueHasNoCode() {
        DicomObject item = new DicomObject();
        item.setString(Tag.CodeMeaning, "meaning only");
        assertThat(Code.from(item)).isEmpty();
    }

    @Test
    void writesAndReadsBackEachForm() {
        for (Code code : new Code[] {
                new Code("113813", "DCM", "DLP Total", "01"),
                new Code("a-code-value-longer-than-16", "99LOCAL", "long"),
                new Code("http://example.org/concept/1", "", "urn")}) {
            DicomObject item = code.writeTo(new DicomObject());
            Code back = Code.from(item).orElseThrow();
            assertThat(back).isEqualTo(code);
            assertThat(back.meaning()).isEqualTo(code.meaning());
            assertThat(back.schemeVersion()).isEqualTo(code.schemeVersion());
        }
        assertThat(new Code("a-code-value-longer-than-16", "99LOCAL", "long").writeTo(new DicomObject())
                .contains(Tag.LongCodeValue)).isTrue();
    }

    @Test
    void refusesAnEmptyCodeValue() {
        assertThatThrownBy(() -> new Code("", "DCM", "nothing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DCM");
    }
}
