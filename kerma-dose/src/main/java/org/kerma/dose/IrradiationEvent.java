package org.kerma.dose;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.kerma.dicom.Code;

/**
 * One projection X-ray irradiation event (PS3.16 TID 10003 Irradiation Event X-Ray Data) with its source, detector
 * and mechanical parts (TID 10003B, 10003A, 10003C). Quantities in canonical units.
 *
 * @param path                  content item path of the event container
 * @param acquisitionPlane      Acquisition Plane (113764)
 * @param irradiationEventUid   Irradiation Event UID (113769)
 * @param dateTimeStarted       DateTime Started (111526)
 * @param irradiationEventType  Irradiation Event Type (113721): Fluoroscopy, Stationary Acquisition, ...
 * @param acquisitionProtocol   Acquisition Protocol (125203)
 * @param anatomicalStructure   Anatomical Structure (91723000) or Target Region (123014)
 * @param laterality            Laterality (272741003)
 * @param imageView             Image View (111031)
 * @param doseAreaProduct       Dose Area Product (122130)
 * @param halfValueLayer        Half Value Layer (111634)
 * @param doseRp                Dose (RP) (113738)
 * @param entranceExposureAtRp  Entrance Exposure at RP (111636)
 * @param averageGlandularDose  Average Glandular Dose (111631)
 * @param referencePointDefinition Reference Point Definition (113780): coded or text
 * @param comment               Comment (121106)
 * @param source                TID 10003B
 * @param mechanical            TID 10003C
 * @param detector              TID 10003A
 */
public record IrradiationEvent(String path, Optional<Code> acquisitionPlane, Optional<String> irradiationEventUid,
        Optional<LocalDateTime> dateTimeStarted, Optional<Code> irradiationEventType,
        Optional<String> acquisitionProtocol, Optional<Code> anatomicalStructure, Optional<Code> laterality,
        Optional<Code> imageView, Optional<Quantity> doseAreaProduct, Optional<Quantity> halfValueLayer,
        Optional<Quantity> doseRp, Optional<Quantity> entranceExposureAtRp, Optional<Quantity> averageGlandularDose,
        Optional<CodeOrText> referencePointDefinition, Optional<String> comment, XRaySourceData source,
        XRayMechanicalData mechanical, XRayDetectorData detector) {

    /**
     * TID 10003B Irradiation Event X-Ray Source Data: KVP (113733), X-Ray Tube Current (113734), Average X-Ray Tube
     * Current (113767), Exposure Time (113824), Exposure (113736, mAs), Pulse Width (113793), Number of Pulses
     * (113768), Pulse Rate (113791), Irradiation Duration (113742), Focal Spot Size (113766), Fluoro Mode (113732),
     * Anode Target Material (111632), X-Ray Filters (113771), Collimated Field Area/Height/Width (113790/113788/
     * 113789), X-Ray Grid (111635).
     */
    public record XRaySourceData(Optional<Quantity> kvp, Optional<Quantity> xRayTubeCurrent,
            Optional<Quantity> averageXRayTubeCurrent, Optional<Quantity> exposureTime, Optional<Quantity> exposure,
            Optional<Quantity> pulseWidth, Optional<Quantity> numberOfPulses, Optional<Quantity> pulseRate,
            Optional<Quantity> irradiationDuration, Optional<Quantity> focalSpotSize, Optional<Code> fluoroMode,
            Optional<Code> anodeTargetMaterial, List<XRayFilter> filters, Optional<Quantity> collimatedFieldArea,
            Optional<Quantity> collimatedFieldHeight, Optional<Quantity> collimatedFieldWidth,
            Optional<Code> xRayGrid) {
    }

    /** One X-Ray Filters (113771) container: type, material, thickness minimum and maximum (mm). */
    public record XRayFilter(Optional<Code> type, Optional<Code> material, Optional<Quantity> thicknessMinimum,
            Optional<Quantity> thicknessMaximum) {
    }

    /**
     * TID 10003C Irradiation Event X-Ray Mechanical Data: positioner angles (112011, 112012, 113739, 113740),
     * Column Angulation (113770), table angles (113754, 113755, 113756), Compression Thickness (111633), distances
     * (113750, 113748, 113737, 113792) and table positions (113751, 113752, 113753).
     */
    public record XRayMechanicalData(Optional<Quantity> positionerPrimaryAngle,
            Optional<Quantity> positionerSecondaryAngle, Optional<Quantity> positionerPrimaryEndAngle,
            Optional<Quantity> positionerSecondaryEndAngle, Optional<Quantity> columnAngulation,
            Optional<Quantity> tableHeadTiltAngle, Optional<Quantity> tableHorizontalRotationAngle,
            Optional<Quantity> tableCradleTiltAngle, Optional<Quantity> compressionThickness,
            Optional<Quantity> distanceSourceToDetector, Optional<Quantity> distanceSourceToIsocenter,
            Optional<Quantity> distanceSourceToReferencePoint, Optional<Quantity> distanceSourceToTablePlane,
            Optional<Quantity> tableLongitudinalPosition, Optional<Quantity> tableLateralPosition,
            Optional<Quantity> tableHeightPosition) {
    }

    /**
     * TID 10003A Irradiation Event X-Ray Detector Data: Exposure Index (113845), Target Exposure Index (113846),
     * Deviation Index (113847), and the images the event produced, Acquired Image (113795, IMAGE items).
     */
    public record XRayDetectorData(Optional<Quantity> exposureIndex, Optional<Quantity> targetExposureIndex,
            Optional<Quantity> deviationIndex, List<ImageReference> acquiredImages) {
        public XRayDetectorData {
            acquiredImages = List.copyOf(acquiredImages);
        }

        /** Detector data without image references. */
        public XRayDetectorData(Optional<Quantity> exposureIndex, Optional<Quantity> targetExposureIndex,
                Optional<Quantity> deviationIndex) {
            this(exposureIndex, targetExposureIndex, deviationIndex, List.of());
        }
    }

    /**
     * An image the event produced: the IMAGE item's Referenced SOP Class and Instance UIDs, with the study and series
     * under which the document lists it as evidence (Current Requested Procedure Evidence Sequence (0040,A375) or
     * Pertinent Other Evidence Sequence (0040,A385); empty when it is not listed there).
     */
    public record ImageReference(String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
            String sopInstanceUid) {
    }
}
