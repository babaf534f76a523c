package org.kerma.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;

/** The tags this module relies on, as the issue and PS3.3 name them, checked against the data dictionary. */
class TagFactsTest {
    private static final ElementDictionary DICT = ElementDictionary.standard();

    private static void fact(int tag, int expected, VR vr, String keyword) {
        assertThat(tag).as(keyword).isEqualTo(expected);
        assertThat(DICT.vrOf(tag)).as(keyword).isEqualTo(vr);
        assertThat(DICT.keywordOf(tag)).isEqualTo(keyword);
    }

    @Test
    void protocolElementSequencesAndIdentificationAreWhereTheIssueSays() {
        fact(Tag.AcquisitionProtocolElementSpecificationSequence, 0x0018991F, VR.SQ,
                "AcquisitionProtocolElementSpecificationSequence");
        fact(Tag.ReconstructionProtocolElementSpecificationSequence, 0x00189933, VR.SQ,
                "ReconstructionProtocolElementSpecificationSequence");
        fact(Tag.StorageProtocolElementSpecificationSequence, 0x00189935, VR.SQ,
                "StorageProtocolElementSpecificationSequence");
        fact(Tag.AcquisitionProtocolElementSequence, 0x00189920, VR.SQ, "AcquisitionProtocolElementSequence");
        fact(Tag.ReconstructionProtocolElementSequence, 0x00189934, VR.SQ, "ReconstructionProtocolElementSequence");
        fact(Tag.StorageProtocolElementSequence, 0x00189936, VR.SQ, "StorageProtocolElementSequence");
        fact(Tag.ProtocolElementNumber, 0x00189921, VR.US, "ProtocolElementNumber");
        fact(Tag.ProtocolElementName, 0x00189922, VR.LO, "ProtocolElementName");
        fact(Tag.ProtocolElementPurpose, 0x00189924, VR.UT, "ProtocolElementPurpose");
        fact(Tag.SourceAcquisitionProtocolElementNumber, 0x00189938, VR.US, "SourceAcquisitionProtocolElementNumber");
        fact(Tag.SourceAcquisitionBeamNumber, 0x00189939, VR.US, "SourceAcquisitionBeamNumber");
        fact(Tag.SourceReconstructionProtocolElementNumber, 0x0018993A, VR.US,
                "SourceReconstructionProtocolElementNumber");
        fact(Tag.ReferencedDefinedProtocolSequence, 0x0018990C, VR.SQ, "ReferencedDefinedProtocolSequence");
        fact(Tag.ReferencedPerformedProtocolSequence, 0x0018990D, VR.SQ, "ReferencedPerformedProtocolSequence");
    }

    @Test
    void selectorAndConstraintAttributesAreWhereTheIssueSays() {
        fact(Tag.SelectorAttribute, 0x00720026, VR.AT, "SelectorAttribute");
        fact(Tag.SelectorValueNumber, 0x00720028, VR.US, "SelectorValueNumber");
        fact(Tag.SelectorSequencePointer, 0x00720052, VR.AT, "SelectorSequencePointer");
        fact(Tag.SelectorSequencePointerItems, 0x00741057, VR.IS, "SelectorSequencePointerItems");
        fact(Tag.SelectorSequencePointerPrivateCreator, 0x00720054, VR.LO, "SelectorSequencePointerPrivateCreator");
        fact(Tag.SelectorAttributePrivateCreator, 0x00720056, VR.LO, "SelectorAttributePrivateCreator");
        fact(Tag.ConstraintType, 0x00820032, VR.CS, "ConstraintType");
        fact(Tag.ConstraintValueSequence, 0x00820034, VR.SQ, "ConstraintValueSequence");
        fact(Tag.ModifiableConstraintFlag, 0x00820038, VR.CS, "ModifiableConstraintFlag");
        fact(Tag.ParametersSpecificationSequence, 0x00189913, VR.SQ, "ParametersSpecificationSequence");
        fact(Tag.PatientSpecificationSequence, 0x00189911, VR.SQ, "PatientSpecificationSequence");
        fact(Tag.ModelSpecificationSequence, 0x00189912, VR.SQ, "ModelSpecificationSequence");
    }

    @Test
    void everyVrOfTheAttributeValueMacroHasASelectorValueAttribute() {
        String[] vrs = {"AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL",
            "OV", "OW", "PN", "SH", "SL", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV"};
        for (String vr : vrs) {
            int tag = DICT.tagOf("Selector" + vr + "Value").orElseThrow();
            assertThat(DICT.vrOf(tag)).as(vr).isEqualTo(VR.valueOf(vr));
        }
        fact(Tag.SelectorCodeSequenceValue, 0x00720080, VR.SQ, "SelectorCodeSequenceValue");
    }
}
