package org.kerma.dose;

import java.util.List;
import java.util.Optional;
import org.kerma.dicom.Code;

/**
 * One CT irradiation event (PS3.16 TID 10013 CT Irradiation Event Data), with its scanning length (TID 10014), its
 * X-ray sources (one CT X-Ray Source Parameters container each; two for dual source) and its dose check (TID
 * 10015). Quantities in canonical units (CTDIvol mGy, DLP mGy·cm, mm, s, kV, mA).
 *
 * @param path                          content item path of the CT Acquisition container
 * @param acquisitionProtocol           Acquisition Protocol (125203)
 * @param targetRegion                  Target Region (123014)
 * @param ctAcquisitionType             CT Acquisition Type (113820)
 * @param procedureContext              Procedure Context (408730004)
 * @param irradiationEventUid           Irradiation Event UID (113769)
 * @param exposureTime                  Exposure Time (113824)
 * @param scanningLength                TID 10014
 * @param nominalSingleCollimationWidth Nominal Single Collimation Width (113826)
 * @param nominalTotalCollimationWidth  Nominal Total Collimation Width (113827)
 * @param pitchFactor                   Pitch Factor (113828)
 * @param numberOfXRaySources           Number of X-Ray Sources (113823)
 * @param sources                       CT X-Ray Source Parameters (113831), in order
 * @param meanCtdivol                   Mean CTDIvol (113830)
 * @param ctdiwPhantomType              CTDIw Phantom Type (113835)
 * @param meanCtdiFreeAir               Mean CTDIfreeair (113837)
 * @param dlp                           DLP (113838)
 * @param effectiveDose                 Effective Dose (113839), mSv
 * @param xRayModulationType            X-Ray Modulation Type (113842)
 * @param comment                       Comment (121106)
 * @param doseCheck                     TID 10015, when the event has one
 */
public record CtIrradiationEvent(String path, Optional<String> acquisitionProtocol, Optional<Code> targetRegion,
        Optional<Code> ctAcquisitionType, Optional<Code> procedureContext, Optional<String> irradiationEventUid,
        Optional<Quantity> exposureTime, ScanningLength scanningLength,
        Optional<Quantity> nominalSingleCollimationWidth, Optional<Quantity> nominalTotalCollimationWidth,
        Optional<Quantity> pitchFactor, Optional<Quantity> numberOfXRaySources, List<CtXRaySource> sources,
        Optional<Quantity> meanCtdivol, Optional<Code> ctdiwPhantomType, Optional<Quantity> meanCtdiFreeAir,
        Optional<Quantity> dlp, Optional<Quantity> effectiveDose, Optional<String> xRayModulationType,
        Optional<String> comment, Optional<CtDoseCheckDetails> doseCheck) {

    /**
     * TID 10014 Scanning Length: Scanning Length (113825), Length of Reconstructable Volume (113893), Exposed Range
     * (113899), Top/Bottom Z Location of Reconstructable Volume (113895/113896) and of Scanning Length
     * (113897/113898), all in mm.
     */
    public record ScanningLength(Optional<Quantity> scanningLength, Optional<Quantity> lengthOfReconstructableVolume,
            Optional<Quantity> exposedRange, Optional<Quantity> topZLocationOfReconstructableVolume,
            Optional<Quantity> bottomZLocationOfReconstructableVolume, Optional<Quantity> topZLocationOfScanningLength,
            Optional<Quantity> bottomZLocationOfScanningLength) {
    }

    /**
     * One CT X-Ray Source Parameters container: Identification of the X-Ray Source (113832), KVP (113733), Maximum
     * X-Ray Tube Current (113833), X-Ray Tube Current (113734), Exposure Time per Rotation (113834), X-Ray Filter
     * Aluminum Equivalent (113821).
     */
    public record CtXRaySource(Optional<String> identification, Optional<Quantity> kvp,
            Optional<Quantity> maximumXRayTubeCurrent, Optional<Quantity> xRayTubeCurrent,
            Optional<Quantity> exposureTimePerRotation, Optional<Quantity> xRayFilterAluminumEquivalent) {
    }

    /**
     * TID 10015 CT Dose Check Details: the alert (113900) and notification (113908) parts, each with whether the
     * DLP and CTDIvol values were configured, the values, the forward estimates, the reason for proceeding
     * (113907) and the person who authorised it (Person Name, 113870).
     */
    public record CtDoseCheckDetails(Optional<Boolean> dlpAlertValueConfigured,
            Optional<Boolean> ctdivolAlertValueConfigured, Optional<Quantity> dlpAlertValue,
            Optional<Quantity> ctdivolAlertValue, Optional<Quantity> accumulatedDlpForwardEstimate,
            Optional<Quantity> accumulatedCtdivolForwardEstimate, Optional<String> alertReasonForProceeding,
            Optional<String> alertPersonName, Optional<Boolean> dlpNotificationValueConfigured,
            Optional<Boolean> ctdivolNotificationValueConfigured, Optional<Quantity> dlpNotificationValue,
            Optional<Quantity> ctdivolNotificationValue, Optional<Quantity> dlpForwardEstimate,
            Optional<Quantity> ctdivolForwardEstimate, Optional<String> notificationReasonForProceeding,
            Optional<String> notificationPersonName) {
    }
}
