package org.kerma.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.UidEntry;
import org.kerma.dicom.UidRegistry;
import org.kerma.dicom.UidType;

/** Named sets of SOP classes and transfer syntaxes drawn from the UID registry (PS3.6 Table A-1). */
public final class SopClasses {

    private static final Set<String> STORAGE = computeStorage();
    private static final List<String> TRANSFER_SYNTAXES = computeTransferSyntaxes();

    private SopClasses() {
    }

    /**
     * Every storage SOP class of the registry that is not retired: images, SR (including X-Ray and Enhanced X-Ray
     * Radiation Dose SR), RT, procedure protocols, encapsulated documents, waveforms... (PS3.4 Annex B). Selected
     * as SOP classes whose keyword contains "Storage", less Storage Commitment and the media directory.
     */
    public static Set<String> storage() {
        return STORAGE;
    }

    /** The four uncompressed transfer syntaxes Kerma can transcode between, in its order of preference. */
    public static List<String> uncompressed() {
        return List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(),
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid(), TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid());
    }

    /**
     * The acceptor's default order of preference: the uncompressed syntaxes, then every other non-retired
     * transfer syntax of the registry (so compressed images are received as sent).
     */
    public static List<String> transferSyntaxes() {
        return TRANSFER_SYNTAXES;
    }

    /** Verification and the Patient and Study Root query/retrieve models. */
    public static Set<String> queryRetrieve() {
        return Set.of(Uid.PatientRootQueryRetrieveInformationModelFind,
                Uid.PatientRootQueryRetrieveInformationModelMove, Uid.PatientRootQueryRetrieveInformationModelGet,
                Uid.StudyRootQueryRetrieveInformationModelFind, Uid.StudyRootQueryRetrieveInformationModelMove,
                Uid.StudyRootQueryRetrieveInformationModelGet);
    }

    private static Set<String> computeStorage() {
        Set<String> s = new LinkedHashSet<>();
        for (UidEntry e : UidRegistry.standard().all()) {
            if (e.type() == UidType.SOP_CLASS && !e.retired() && e.keyword().contains("Storage")
                    && !e.keyword().startsWith("StorageCommitment") && !e.uid().equals("1.2.840.10008.1.3.10")) {
                s.add(e.uid());
            }
        }
        return Collections.unmodifiableSet(s);
    }

    private static List<String> computeTransferSyntaxes() {
        List<String> list = new ArrayList<>(uncompressed());
        for (UidEntry e : UidRegistry.standard().all()) {
            if (e.type() == UidType.TRANSFER_SYNTAX && !e.retired() && !list.contains(e.uid())) {
                list.add(e.uid());
            }
        }
        return List.copyOf(list);
    }
}
