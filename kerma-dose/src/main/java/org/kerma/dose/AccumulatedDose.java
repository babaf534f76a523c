package org.kerma.dose;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.kerma.dicom.Code;

/**
 * Accumulated X-Ray Dose Data for one acquisition plane (PS3.16 TID 10002), with the totals of its included
 * templates: TID 10004 Accumulated Fluoroscopy and Acquisition Projection X-Ray Dose, TID 10005 Accumulated
 * Mammography X-Ray Dose, TID 10006 Accumulated Cassette-based Projection Radiography Dose and TID 10007 Accumulated
 * Integrated Projection Radiography Dose. Quantities in canonical units (DAP Gy·m², dose at RP Gy, AGD mGy, s).
 *
 * @param path                         content item path of the container
 * @param acquisitionPlane             Acquisition Plane (113764): Single Plane, Plane A, Plane B
 * @param doseAreaProductTotal         Dose Area Product Total (113722)
 * @param doseRpTotal                  Dose (RP) Total (113725)
 * @param fluoroDoseAreaProductTotal   Fluoro Dose Area Product Total (113726)
 * @param fluoroDoseRpTotal            Fluoro Dose (RP) Total (113728)
 * @param totalFluoroTime              Total Fluoro Time (113730)
 * @param acquisitionDoseAreaProductTotal Acquisition Dose Area Product Total (113727)
 * @param acquisitionDoseRpTotal       Acquisition Dose (RP) Total (113729)
 * @param totalAcquisitionTime         Total Acquisition Time (113855)
 * @param totalNumberOfRadiographicFrames Total Number of Radiographic Frames (113731)
 * @param referencePointDefinition     Reference Point Definition (113780): coded or text
 * @param accumulatedAverageGlandularDoses Accumulated Average Glandular Dose (111637) per laterality (TID 10005)
 * @param calibrations                 Calibration (122505) containers
 */
public record AccumulatedDose(String path, Optional<Code> acquisitionPlane, Optional<Quantity> doseAreaProductTotal,
        Optional<Quantity> doseRpTotal, Optional<Quantity> fluoroDoseAreaProductTotal,
        Optional<Quantity> fluoroDoseRpTotal, Optional<Quantity> totalFluoroTime,
        Optional<Quantity> acquisitionDoseAreaProductTotal, Optional<Quantity> acquisitionDoseRpTotal,
        Optional<Quantity> totalAcquisitionTime, Optional<Quantity> totalNumberOfRadiographicFrames,
        Optional<CodeOrText> referencePointDefinition, List<GlandularDose> accumulatedAverageGlandularDoses,
        List<Calibration> calibrations) {

    /** An average glandular dose for one breast (Laterality (272741003) on the NUM). */
    public record GlandularDose(Optional<Code> laterality, Quantity dose) {
    }

    /**
     * One Calibration container of TID 10002: Dose Measurement Device (113794), Calibration DateTime (113723),
     * Calibration Factor (122505 factor), Calibration Uncertainty (113763), Calibration Responsible Party (113724).
     */
    public record Calibration(Optional<Code> doseMeasurementDevice, Optional<LocalDateTime> calibrationDateTime,
            Optional<Quantity> factor, Optional<Quantity> uncertainty, Optional<String> responsibleParty) {
    }
}
