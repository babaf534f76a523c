package org.kerma.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;

/**
 * A CT or XA Defined Procedure Protocol (PS3.3 sections A.82.2 and A.82.5): a protocol of a library, with its
 * context, the patients and equipment it is for, and its acquisition, reconstruction and storage elements whose
 * parameters are given as constraints.
 *
 * @param sopClassUid            SOP Class UID (CT: 1.2.840.10008.5.1.4.1.1.200.1, XA: …200.7)
 * @param sopInstanceUid         SOP Instance UID
 * @param modality               Modality (0008,0060) when present; defined protocols have no series (PS3.3 A.82.2),
 *                               their modality is the Equipment Modality of {@link #equipment}
 * @param context                the Protocol Context Module
 * @param patientSpecification   the Patient Specification Module
 * @param equipment              the Equipment Specification Module
 * @param instructions           the Instructions Module
 * @param positioning            the Patient Positioning Module
 * @param acquisitionElements    Acquisition Protocol Element Specification Sequence (0018,991F)
 * @param reconstructionElements Reconstruction Protocol Element Specification Sequence (0018,9933)
 * @param storageElements        Storage Protocol Element Specification Sequence (0018,9935)
 */
public record DefinedProtocol(String sopClassUid, String sopInstanceUid, String modality, ProtocolContext context,
                              PatientSpecification patientSpecification, EquipmentSpecification equipment,
                              List<Instruction> instructions, PatientPositioning positioning,
                              List<ProtocolElement> acquisitionElements, List<ProtocolElement> reconstructionElements,
                              List<ProtocolElement> storageElements) {

    /** The SOP Classes read as defined protocols. */
    public static final List<String> SOP_CLASSES = List.of(Uid.CTDefinedProcedureProtocolStorage,
            Uid.XADefinedProcedureProtocolStorage);

    public DefinedProtocol {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(patientSpecification, "patientSpecification");
        Objects.requireNonNull(equipment, "equipment");
        instructions = List.copyOf(instructions);
        Objects.requireNonNull(positioning, "positioning");
        acquisitionElements = List.copyOf(acquisitionElements);
        reconstructionElements = List.copyOf(reconstructionElements);
        storageElements = List.copyOf(storageElements);
    }

    /**
     * Reads a defined protocol. Never throws for bad content: a wrong SOP Class, missing element numbers, selector
     * pointers to nowhere, constraint values of the wrong VR, unknown source elements and cycles are findings.
     */
    public static Reading<DefinedProtocol> read(DicomObject dataset) {
        ProtocolReader r = new ProtocolReader(dataset);
        r.expectSopClass("Defined Procedure Protocol", SOP_CLASSES.toArray(String[]::new));
        List<ProtocolElement> acq = r.elements(ElementKind.ACQUISITION, true);
        List<ProtocolElement> rec = r.elements(ElementKind.RECONSTRUCTION, true);
        List<ProtocolElement> sto = r.elements(ElementKind.STORAGE, true);
        r.checkSources(acq, rec, sto);
        DefinedProtocol p = new DefinedProtocol(r.string(Tag.SOPClassUID), r.string(Tag.SOPInstanceUID),
                r.string(Tag.Modality), r.context(), r.patientSpecification(), r.equipmentSpecification(),
                r.instructions(), r.positioning(), acq, rec, sto);
        return new Reading<>(p, r.findings);
    }

    /** True for an XA Defined Procedure Protocol. */
    public boolean xa() {
        return Uid.XADefinedProcedureProtocolStorage.equals(sopClassUid);
    }

    /** Every element: acquisition, then reconstruction, then storage. */
    public List<ProtocolElement> elements() {
        List<ProtocolElement> all = new ArrayList<>(acquisitionElements);
        all.addAll(reconstructionElements);
        all.addAll(storageElements);
        return all;
    }

    /** The element of that kind and number. */
    public Optional<ProtocolElement> element(ElementKind kind, int number) {
        return elements().stream().filter(e -> e.kind() == kind && e.number() == number).findFirst();
    }
}
