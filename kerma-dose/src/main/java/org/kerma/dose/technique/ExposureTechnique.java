package org.kerma.dose.technique;

import java.time.LocalDateTime;
import java.util.Optional;
import org.kerma.dose.Quantity;

/**
 * The technique of one exposure as an image header gives it: for a single-frame or legacy multi-frame image the
 * whole image, for an Enhanced image the values shared by all frames or those of one frame (shared and per-frame
 * functional groups merged, the per-frame value winning). Quantities in canonical units (DESIGN.md): kV, mA, s,
 * mAs, Gy·m², Gy, mm, deg, mGy; indices are unitless.
 *
 * @param acquisitionDateTime      Acquisition DateTime (0008,002A), else Acquisition Date and Time (0008,0022/0032);
 *                                 per frame Frame Acquisition DateTime (0018,9074)
 * @param irradiationEventUid      Irradiation Event UID (0008,3010), first value (per frame from the Irradiation
 *                                 Event Identification Sequence (0018,9477))
 * @param kvp                      KVP (0018,0060)
 * @param tubeCurrent              X-Ray Tube Current in µA (0018,8151), mA (0018,9330) or mA (0018,1151)
 * @param exposureTime             Exposure Time in µs (0018,8150), ms (0018,9328) or ms (0018,1150)
 * @param exposure                 Exposure in µAs (0018,1153), mAs (0018,9332) or mAs (0018,1152)
 * @param areaDoseProduct          Image and Fluoroscopy Area Dose Product (0018,115E), dGy·cm² in the header
 * @param entranceDose             Entrance Dose in mGy (0040,8302), else Entrance Dose (0040,0302, dGy)
 * @param relativeXRayExposure     Relative X-Ray Exposure (0018,1405)
 * @param exposureIndex            Exposure Index (0018,1411)
 * @param deviationIndex           Deviation Index (0018,1413)
 * @param positionerPrimaryAngle   Positioner Primary Angle (0018,1510)
 * @param positionerSecondaryAngle Positioner Secondary Angle (0018,1511)
 * @param distanceSourceToDetector Distance Source to Detector (0018,1110)
 * @param distanceSourceToPatient  Distance Source to Patient (0018,1111)
 * @param distanceSourceToIsocenter Distance Source to Isocenter (0018,9402)
 * @param tableHeight              Table Height (0018,1130), else Table Top Vertical Position (300A,0128)
 * @param tableLongitudinalPosition Table Top Longitudinal Position (300A,0129), else CT Table Position (0018,9327)
 * @param tableLateralPosition     Table Top Lateral Position (300A,012A)
 * @param collimatorShape          Collimator Shape (0018,1700), values joined by "\"
 * @param filterType               Filter Type (0018,1160)
 * @param filterMaterial           Filter Material (0018,7050), values joined by "\"
 * @param focalSpot                Focal Spot(s) (0018,1190), the first (nominal size, mm)
 * @param ctdivol                  CTDIvol (0018,9345)
 */
public record ExposureTechnique(Optional<LocalDateTime> acquisitionDateTime, Optional<String> irradiationEventUid,
        Optional<Quantity> kvp, Optional<Quantity> tubeCurrent, Optional<Quantity> exposureTime,
        Optional<Quantity> exposure, Optional<Quantity> areaDoseProduct, Optional<Quantity> entranceDose,
        Optional<Quantity> relativeXRayExposure, Optional<Quantity> exposureIndex, Optional<Quantity> deviationIndex,
        Optional<Quantity> positionerPrimaryAngle, Optional<Quantity> positionerSecondaryAngle,
        Optional<Quantity> distanceSourceToDetector, Optional<Quantity> distanceSourceToPatient,
        Optional<Quantity> distanceSourceToIsocenter, Optional<Quantity> tableHeight,
        Optional<Quantity> tableLongitudinalPosition, Optional<Quantity> tableLateralPosition,
        Optional<String> collimatorShape, Optional<String> filterType, Optional<String> filterMaterial,
        Optional<Quantity> focalSpot, Optional<Quantity> ctdivol) {
}
