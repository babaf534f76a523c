package org.kerma.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;

/**
 * A CT or XA Performed Procedure Protocol (PS3.3 sections A.82.1 and A.82.4): the parameter values actually used,
 * element by element, with the defined protocol(s) it followed.
 *
 * @param sopClassUid            SOP Class UID (CT: 1.2.840.10008.5.1.4.1.1.200.2, XA: …200.8)
 * @param sopInstanceUid         SOP Instance UID
 * @param modality               Modality (0008,0060): CTPROTOCOL or XAPROTOCOL
 * @param studyInstanceUid       Study Instance UID; "" when absent
 * @param context                the Protocol Context Module
 * @param definedProtocols       Referenced Defined Protocol Sequence (0018,990C): the defined protocols followed
 * @param instructions           the Instructions Module, with what was performed
 * @param acquisitionElements    Acquisition Protocol Element Sequence (0018,9920)
 * @param reconstructionElements Reconstruction Protocol Element Sequence (0018,9934)
 * @param storageElements        Storage Protocol Element Sequence (0018,9936)
 * @param attributes             the whole data set (patient, study, equipment attributes are checked against the
 *                               defined protocol's patient specification); shared, not to be modified
 */
public record PerformedProtocol(String sopClassUid, String sopInstanceUid, String modality, String studyInstanceUid,
                                ProtocolContext context, List<InstanceReference> definedProtocols,
                                List<Instruction> instructions, List<ProtocolElement> acquisitionElements,
                                List<ProtocolElement> reconstructionElements, List<ProtocolElement> storageElements,
                                DicomObject attributes) {

    /** The SOP Classes read as performed protocols. */
    public static final List<String> SOP_CLASSES = List.of(Uid.CTPerformedProcedureProtocolStorage,
            Uid.XAPerformedProcedureProtocolStorage);

    public PerformedProtocol {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(context, "context");
        definedProtocols = List.copyOf(definedProtocols);
        instructions = List.copyOf(instructions);
        acquisitionElements = List.copyOf(acquisitionElements);
        reconstructionElements = List.copyOf(reconstructionElements);
        storageElements = List.copyOf(storageElements);
        Objects.requireNonNull(attributes, "attributes");
    }

    /** Reads a performed protocol; bad content becomes findings (see {@link DefinedProtocol#read}). */
    public static Reading<PerformedProtocol> read(DicomObject dataset) {
        ProtocolReader r = new ProtocolReader(dataset);
        r.expectSopClass("Performed Procedure Protocol", SOP_CLASSES.toArray(String[]::new));
        List<ProtocolElement> acq = r.elements(ElementKind.ACQUISITION, false);
        List<ProtocolElement> rec = r.elements(ElementKind.RECONSTRUCTION, false);
        List<ProtocolElement> sto = r.elements(ElementKind.STORAGE, false);
        r.checkSources(acq, rec, sto);
        PerformedProtocol p = new PerformedProtocol(r.string(Tag.SOPClassUID), r.string(Tag.SOPInstanceUID),
                r.string(Tag.Modality), r.string(Tag.StudyInstanceUID), r.context(),
                r.references(Tag.ReferencedDefinedProtocolSequence), r.instructions(), acq, rec, sto, dataset);
        return new Reading<>(p, r.findings);
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
