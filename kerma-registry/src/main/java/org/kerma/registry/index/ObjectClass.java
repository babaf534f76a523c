package org.kerma.registry.index;

import java.util.Locale;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;
import org.kerma.dicom.UidRegistry;

/**
 * What an instance is to Kerma, decided by its SOP Class UID (DESIGN.md, "classify by SOP Class UID"); each class
 * has its own extractor.
 */
public enum ObjectClass {
    /** An image (any Image Storage SOP Class, or an object with Pixel Data that is none of the others). */
    IMAGE,
    /**
     * A radiation dose report: X-Ray Radiation Dose SR, Enhanced X-Ray Radiation Dose SR, or an Enhanced SR whose
     * Content Template Sequence names TID 10011 (CT Radiation Dose) of DCMR (PS3.16).
     */
    DOSE_REPORT,
    /** A CT or XA Defined or Performed Procedure Protocol (PS3.3 A.82, A.83, A.90, A.91). */
    PROTOCOL,
    /**
     * A radiotherapy object: the RT Storage SOP Classes, first and second generation (UIDs under
     * 1.2.840.10008.5.1.4.1.1.481), and RT delivery instructions and machine verification (1.2.840.10008.5.1.4.34).
     */
    RT,
    /** Anything else: archived and indexed, with no extractor. */
    OTHER;

    private static final String RT_FIRST_GENERATION = "1.2.840.10008.5.1.4.1.1.481.";
    private static final String RT_DELIVERY = "1.2.840.10008.5.1.4.34.";

    /**
     * Classifies an object.
     *
     * @param sopClassUid  its SOP Class UID
     * @param dataset      its data set (read up to Pixel Data), for the Content Template Sequence of an Enhanced SR
     * @param hasPixelData true when the object holds Pixel Data
     */
    public static ObjectClass of(String sopClassUid, DicomObject dataset, boolean hasPixelData) {
        switch (sopClassUid) {
            case Uid.XRayRadiationDoseSRStorage, Uid.EnhancedXRayRadiationDoseSRStorage -> {
                return DOSE_REPORT;
            }
            case Uid.EnhancedSRStorage -> {
                return usesTemplate(dataset, "10011") ? DOSE_REPORT : OTHER;
            }
            case Uid.CTDefinedProcedureProtocolStorage, Uid.CTPerformedProcedureProtocolStorage,
                    Uid.XADefinedProcedureProtocolStorage, Uid.XAPerformedProcedureProtocolStorage -> {
                return PROTOCOL;
            }
            default -> {
                if (sopClassUid.startsWith(RT_FIRST_GENERATION) || sopClassUid.startsWith(RT_DELIVERY)) {
                    return RT;
                }
                String name = UidRegistry.standard().nameOf(sopClassUid).toLowerCase(Locale.ROOT);
                return name.contains("image storage") || hasPixelData ? IMAGE : OTHER;
            }
        }
    }

    /** True when the root Content Template Sequence (0040,A504) identifies {@code tid} of DCMR. */
    private static boolean usesTemplate(DicomObject dataset, String tid) {
        for (DicomObject item : dataset.items(Tag.ContentTemplateSequence)) {
            if (tid.equals(item.getString(Tag.TemplateIdentifier, "").trim())
                    && "DCMR".equals(item.getString(Tag.MappingResource, "DCMR").trim())) {
                return true;
            }
        }
        return false;
    }
}
