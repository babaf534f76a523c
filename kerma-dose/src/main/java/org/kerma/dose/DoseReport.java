package org.kerma.dose;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.kerma.dicom.Code;

/**
 * Everything read from one radiation dose report: identity, observer, procedure, accumulated dose, irradiation
 * events, and what was repaired or could not be read. Built by {@code RdsrReader}; immutable.
 *
 * <p>A projection report (TID 10001) fills {@link #accumulatedDoses} (one per plane) and {@link #events}; a CT
 * report (TID 10011) fills {@link #ctAccumulatedDose} and {@link #ctEvents}; a radiopharmaceutical report (TID 10021)
 * fills {@link #administrations}.
 *
 * @param kind                    which family of templates the report follows
 * @param templateId              the root template, e.g. "10011" (inferred when the report does not say)
 * @param header                  identity from the data set
 * @param observer                TID 1002 at the root
 * @param procedureReported       Procedure reported (121058)
 * @param hasIntent               Has Intent (363703001) of the procedure
 * @param scopeOfAccumulation     Scope of Accumulation (113705): Study, Series, Performed Procedure Step, ...
 * @param scopeUid                the UID under the scope (Study Instance UID, ...)
 * @param startOfXRayIrradiation  Start of X-Ray Irradiation (113809)
 * @param endOfXRayIrradiation    End of X-Ray Irradiation (113810)
 * @param sourceOfDoseInformation Source of Dose Information (113854), every one given
 */
public record DoseReport(Kind kind, String templateId, ReportHeader header, ObserverContext observer,
        Optional<Code> procedureReported, Optional<Code> hasIntent, Optional<Code> scopeOfAccumulation,
        Optional<String> scopeUid, Optional<LocalDateTime> startOfXRayIrradiation,
        Optional<LocalDateTime> endOfXRayIrradiation, List<Code> sourceOfDoseInformation,
        List<AccumulatedDose> accumulatedDoses, Optional<CtAccumulatedDose> ctAccumulatedDose,
        List<IrradiationEvent> events, List<CtIrradiationEvent> ctEvents,
        List<RadiopharmaceuticalAdministration> administrations, List<AppliedQuirk> quirks,
        List<Finding> findings) {

    /** The template family of a report. */
    public enum Kind {
        /** TID 10001 Projection X-Ray Radiation Dose (fluoroscopy, radiography, mammography). */
        PROJECTION_XRAY,
        /** TID 10011 CT Radiation Dose. */
        CT,
        /** TID 10021 Radiopharmaceutical Radiation Dose. */
        RADIOPHARMACEUTICAL
    }

    public DoseReport {
        sourceOfDoseInformation = List.copyOf(sourceOfDoseInformation);
        accumulatedDoses = List.copyOf(accumulatedDoses);
        events = List.copyOf(events);
        ctEvents = List.copyOf(ctEvents);
        administrations = List.copyOf(administrations);
        quirks = List.copyOf(quirks);
        findings = List.copyOf(findings);
    }
}
