package org.kerma.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;

/**
 * A Protocol Approval (PS3.3 section A.82.3, Protocol Approval Module C.34.15): assertions such as "approved for
 * use at the institution" made by people or devices about protocol instances.
 *
 * @param sopInstanceUid SOP Instance UID
 * @param subjects       Approval Subject Sequence (0044,0109): the instances every approval applies to
 * @param approvals      Approval Sequence (0044,0100)
 */
public record ProtocolApproval(String sopInstanceUid, List<InstanceReference> subjects, List<Approval> approvals) {

    public ProtocolApproval {
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        subjects = List.copyOf(subjects);
        approvals = List.copyOf(approvals);
    }

    /**
     * One assertion.
     *
     * @param assertion         Assertion Code Sequence (0044,0101), e.g. (128603, DCM, "Approved for use at the
     *                          institution"); empty when missing (a finding says so)
     * @param assertionUid      Assertion UID (0044,0102)
     * @param asserterType      Observer Type (0040,A084) of the asserter: PSN or DEV
     * @param asserter          the asserter's Person Name, or Station Name and Manufacturer's Model Name of a device
     * @param dateTime          Assertion DateTime (0044,0104) as encoded
     * @param expiration        Assertion Expiration DateTime (0044,0105); "" when it does not expire
     * @param comments          Assertion Comments (0044,0106); "" when absent
     * @param institution       Institution Code Sequence (0008,0082) of the approval
     * @param clinicalTrialProtocolId Clinical Trial Protocol ID (0012,0020); "" when absent
     */
    public record Approval(Optional<Code> assertion, String assertionUid, String asserterType, String asserter,
                           String dateTime, String expiration, String comments, Optional<Code> institution,
                           String clinicalTrialProtocolId) {
        public Approval {
            Objects.requireNonNull(assertion, "assertion");
            Objects.requireNonNull(assertionUid, "assertionUid");
            Objects.requireNonNull(asserterType, "asserterType");
            Objects.requireNonNull(asserter, "asserter");
            Objects.requireNonNull(dateTime, "dateTime");
            Objects.requireNonNull(expiration, "expiration");
            Objects.requireNonNull(comments, "comments");
            Objects.requireNonNull(institution, "institution");
            Objects.requireNonNull(clinicalTrialProtocolId, "clinicalTrialProtocolId");
        }
    }

    /** Reads a Protocol Approval to its approval items; bad content becomes findings. */
    public static Reading<ProtocolApproval> read(DicomObject dataset) {
        ProtocolReader r = new ProtocolReader(dataset);
        r.expectSopClass("Protocol Approval", Uid.ProtocolApprovalStorage);
        List<Approval> approvals = new ArrayList<>();
        int n = 0;
        for (DicomObject a : Values.items(dataset, Tag.ApprovalSequence, ItemPath.ROOT, r.findings)) {
            ItemPath at = ItemPath.ROOT.item(Tag.ApprovalSequence, ++n);
            Optional<Code> assertion = ProtocolReader.codes(a, Tag.AssertionCodeSequence).stream().findFirst();
            if (assertion.isEmpty()) {
                r.findings.add(new ProtocolFinding(at.attribute(Tag.AssertionCodeSequence), "no assertion code"));
            }
            List<ProtocolFinding> f = r.findings;
            DicomObject who = Values.items(a, Tag.AsserterIdentificationSequence, at, f).stream().findFirst()
                    .orElse(new DicomObject());
            ItemPath wa = at.item(Tag.AsserterIdentificationSequence, 1);
            String type = Values.string(who, Tag.ObserverType, wa, f);
            String asserter = type.equals("DEV")
                    ? (Values.string(who, Tag.StationName, wa, f) + " "
                    + Values.string(who, Tag.ManufacturerModelName, wa, f)).trim()
                    : Values.string(who, Tag.PersonName, wa, f);
            approvals.add(new Approval(assertion, Values.string(a, Tag.AssertionUID, at, f), type, asserter,
                    Values.string(a, Tag.AssertionDateTime, at, f),
                    Values.string(a, Tag.AssertionExpirationDateTime, at, f),
                    Values.string(a, Tag.AssertionComments, at, f),
                    ProtocolReader.codes(a, Tag.InstitutionCodeSequence).stream().findFirst(),
                    Values.string(a, Tag.ClinicalTrialProtocolID, at, f)));
        }
        if (n == 0) {
            r.findings.add(new ProtocolFinding(ItemPath.name(Tag.ApprovalSequence), "no approvals"));
        }
        return new Reading<>(new ProtocolApproval(r.string(Tag.SOPInstanceUID),
                r.references(Tag.ApprovalSubjectSequence), approvals), r.findings);
    }
}
