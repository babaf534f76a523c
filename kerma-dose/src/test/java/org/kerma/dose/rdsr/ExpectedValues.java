package org.kerma.dose.rdsr;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kerma.dicom.Code;
import org.kerma.dicom.sr.Concepts;
import org.kerma.dicom.sr.LegacyCodes;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.CodeOrText;
import org.kerma.dose.CtAccumulatedDose;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.Quantity;
import org.kerma.dose.RadiopharmaceuticalAdministration;

/**
 * Maps the {@code field} column of {@code ../shared/corpus/openrem/EXPECTED.tsv} (OpenREM's model paths) onto what
 * {@link RdsrReader} reads. A field with no mapping is not read by kerma-dose, and its reason says why.
 */
final class ExpectedValues {
    private ExpectedValues() {
    }

    /** What our reader gives for a row: a value (String, Double, Boolean, Quantity), nothing, or "not read". */
    sealed interface Actual {
        record Value(Object value) implements Actual {
        }

        record NotRead(String reason) implements Actual {
        }
    }

    private static final Pattern EVENT = Pattern.compile("event(?:\\[(\\d+)])?\\.(.+)");

    static Actual actual(DoseReport r, String field) {
        Matcher m = EVENT.matcher(field);
        if (m.matches()) {
            int i = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            return event(r, i, m.group(2));
        }
        if (field.startsWith("admin.")) {
            return r.administrations().isEmpty() ? value(Optional.empty())
                    : administration(r.administrations().get(0), field.substring("admin.".length()));
        }
        if (field.startsWith("accumxraydose.accumprojxraydose.")) {
            return r.accumulatedDoses().isEmpty() ? value(Optional.empty())
                    : accumulated(r.accumulatedDoses().get(0), field.substring(field.lastIndexOf('.') + 1));
        }
        if (field.startsWith("ctaccumulateddosedata.")) {
            Optional<CtAccumulatedDose> a = r.ctAccumulatedDose();
            return switch (field.substring(field.indexOf('.') + 1)) {
                case "total_number_of_irradiation_events" ->
                        value(a.flatMap(CtAccumulatedDose::totalNumberOfIrradiationEvents));
                case "ct_dose_length_product_total" -> value(a.flatMap(CtAccumulatedDose::ctDoseLengthProductTotal));
                default -> notRead(field);
            };
        }
        return study(r, field);
    }

    private static Actual study(DoseReport r, String field) {
        var h = r.header();
        var o = r.observer();
        return switch (field) {
            case "accession_number" -> value(h.accessionNumber());
            case "study_date" -> value(date(h.studyDate()));
            case "study_time" -> value(time(h.studyTime()));
            case "study_description" -> value(h.studyDescription());
            case "series_instance_uid" -> value(h.seriesInstanceUid());
            case "equipment.institution_name" -> value(h.institutionName());
            case "equipment.manufacturer" -> value(h.manufacturer());
            case "equipment.manufacturer_model_name" -> value(h.modelName());
            case "equipment.station_name" -> value(h.stationName());
            case "equipment.device_serial_number" -> value(h.deviceSerialNumber());
            case "equipment.software_versions" -> value(h.softwareVersions());
            case "equipment.unique_equipment_name.device_observer_uid" -> value(o.deviceObserverUid());
            case "patientstudy.patient_age" -> value(h.patientAge());
            case "start_of_xray_irradiation" -> value(r.startOfXRayIrradiation().map(ExpectedValues::iso));
            case "end_of_xray_irradiation" -> value(r.endOfXRayIrradiation().map(ExpectedValues::iso));
            case "observercontext.device_observer_name" -> value(o.deviceName());
            case "observercontext.device_observer_manufacturer" -> value(o.manufacturer());
            case "observercontext.device_observer_model_name" -> value(o.modelName());
            case "observercontext.device_observer_serial_number" -> value(o.serialNumber());
            case "observercontext.observer_type.code_meaning" -> meaning(o.observerType());
            case "procedure_reported.code_meaning" -> meaning(r.procedureReported());
            case "has_intent.code_meaning" -> meaning(r.hasIntent());
            case "scope_of_accumulation.code_meaning" -> meaning(r.scopeOfAccumulation());
            case "source_of_dose_information.code_meaning" ->
                    meaning(r.sourceOfDoseInformation().stream().findFirst());
            case "number_of_events" -> value((double) (r.kind() == DoseReport.Kind.CT ? r.ctEvents().size()
                    : r.events().size()));
            case "number_of_planes" -> value((double) r.accumulatedDoses().size());
            case "number_of_spiral" -> count(r, Concepts.SCT.SpiralAcquisition);
            case "number_of_axial" -> count(r, Concepts.DCM.SequencedAcquisition);
            case "number_of_const_angle" -> count(r, Concepts.DCM.ConstantAngleAcquisition);
            case "number_of_stationary" -> count(r, Concepts.DCM.StationaryAcquisitionCT);
            case "total_dlp" -> value(r.ctAccumulatedDose().flatMap(CtAccumulatedDose::ctDoseLengthProductTotal));
            case "total_dap", "total_dap_a" -> value(r.accumulatedDoses().stream().findFirst()
                    .flatMap(AccumulatedDose::doseAreaProductTotal));
            case "total_rp_dose_a" -> value(r.accumulatedDoses().stream().findFirst()
                    .flatMap(AccumulatedDose::doseRpTotal));
            default -> notRead(field);
        };
    }

    private static Actual accumulated(AccumulatedDose a, String name) {
        return switch (name) {
            case "acquisition_dose_area_product_total" -> value(a.acquisitionDoseAreaProductTotal());
            case "acquisition_dose_rp_total" -> value(a.acquisitionDoseRpTotal());
            case "dose_rp_total" -> value(a.doseRpTotal());
            case "fluoro_dose_area_product_total" -> value(a.fluoroDoseAreaProductTotal());
            case "fluoro_dose_rp_total" -> value(a.fluoroDoseRpTotal());
            case "total_acquisition_time" -> value(a.totalAcquisitionTime());
            case "reference_point_definition" -> value(a.referencePointDefinition().map(CodeOrText::text));
            default -> notRead("accumulated " + name);
        };
    }

    private static Actual event(DoseReport r, int i, String name) {
        if (name.equals("count()")) {
            return value((double) (r.kind() == DoseReport.Kind.CT ? r.ctEvents().size() : r.events().size()));
        }
        if (r.kind() == DoseReport.Kind.CT) {
            return i < r.ctEvents().size() ? ctEvent(r.ctEvents().get(i), name) : value(Optional.empty());
        }
        return i < r.events().size() ? projectionEvent(r.events().get(i), name) : value(Optional.empty());
    }

    private static Actual ctEvent(CtIrradiationEvent e, String name) {
        Matcher source = Pattern.compile("source\\[(\\d)]\\.(.+)").matcher(name);
        if (source.matches()) {
            int s = Integer.parseInt(source.group(1));
            return s < e.sources().size() ? ctSource(e.sources().get(s), source.group(2)) : value(Optional.empty());
        }
        if (name.startsWith("source.")) {
            return e.sources().isEmpty() ? value(Optional.empty())
                    : ctSource(e.sources().get(0), name.substring("source.".length()));
        }
        if (name.startsWith("ctdosecheckdetails.")) {
            return doseCheck(e.doseCheck(), name.substring(name.indexOf('.') + 1));
        }
        return switch (name) {
            case "acquisition_protocol" -> value(e.acquisitionProtocol());
            case "comment" -> value(e.comment());
            case "ct_acquisition_type.code_meaning" -> meaning(e.ctAcquisitionType());
            case "ctdiw_phantom_type.code_meaning" -> meaning(e.ctdiwPhantomType());
            case "target_region.code_meaning" -> meaning(e.targetRegion());
            case "irradiation_event_uid" -> value(e.irradiationEventUid());
            case "dlp" -> value(e.dlp());
            case "mean_ctdivol" -> value(e.meanCtdivol());
            case "exposure_time" -> value(e.exposureTime());
            case "nominal_single_collimation_width" -> value(e.nominalSingleCollimationWidth());
            case "nominal_total_collimation_width" -> value(e.nominalTotalCollimationWidth());
            case "number_of_xray_sources" -> value(e.numberOfXRaySources());
            case "pitch_factor" -> value(e.pitchFactor());
            case "scanninglength.scanning_length" -> value(e.scanningLength().scanningLength());
            default -> notRead("CT event " + name);
        };
    }

    private static Actual ctSource(CtIrradiationEvent.CtXRaySource s, String name) {
        return switch (name) {
            case "kvp" -> value(s.kvp());
            case "maximum_xray_tube_current" -> value(s.maximumXRayTubeCurrent());
            case "xray_tube_current" -> value(s.xRayTubeCurrent());
            case "exposure_time_per_rotation" -> value(s.exposureTimePerRotation());
            default -> notRead("CT source " + name);
        };
    }

    private static Actual doseCheck(Optional<CtIrradiationEvent.CtDoseCheckDetails> d, String name) {
        return switch (name) {
            case "dlp_alert_value_configured" ->
                    value(d.flatMap(CtIrradiationEvent.CtDoseCheckDetails::dlpAlertValueConfigured));
            case "ctdivol_alert_value_configured" ->
                    value(d.flatMap(CtIrradiationEvent.CtDoseCheckDetails::ctdivolAlertValueConfigured));
            case "dlp_notification_value_configured" ->
                    value(d.flatMap(CtIrradiationEvent.CtDoseCheckDetails::dlpNotificationValueConfigured));
            case "ctdivol_notification_value_configured" ->
                    value(d.flatMap(CtIrradiationEvent.CtDoseCheckDetails::ctdivolNotificationValueConfigured));
            case "accumulated_dlp_forward_estimate" ->
                    value(d.flatMap(CtIrradiationEvent.CtDoseCheckDetails::accumulatedDlpForwardEstimate));
            default -> notRead("dose check " + name);
        };
    }

    private static Actual projectionEvent(IrradiationEvent e, String name) {
        var s = e.source();
        return switch (name) {
            case "acquisition_protocol" -> value(e.acquisitionProtocol());
            case "comment" -> value(e.comment());
            case "acquisition_plane.code_meaning" -> meaning(e.acquisitionPlane());
            case "irradiation_event_type.code_meaning" -> meaning(e.irradiationEventType());
            case "target_region.code_meaning" -> meaning(e.anatomicalStructure());
            case "irradiation_event_uid" -> value(e.irradiationEventUid());
            case "date_time_started" -> value(e.dateTimeStarted().map(ExpectedValues::iso));
            case "dose_area_product" -> value(e.doseAreaProduct());
            case "reference_point_definition.code_value" ->
                    value(e.referencePointDefinition().flatMap(CodeOrText::code).map(Code::value));
            case "source.dose_rp" -> value(e.doseRp());
            case "source.kvp", "source.kvp.kvp" -> value(s.kvp());
            case "source.xray_tube_current", "source.xraytubecurrent.xray_tube_current" -> value(s.xRayTubeCurrent());
            case "source.average_xray_tube_current" -> value(s.averageXRayTubeCurrent());
            case "source.exposure.exposure" -> value(s.exposure());
            case "source.exposure_time" -> value(s.exposureTime());
            case "source.focal_spot_size" -> value(s.focalSpotSize());
            case "source.number_of_pulses" -> value(s.numberOfPulses());
            case "source.collimated_field_area" -> value(s.collimatedFieldArea());
            case "source.collimated_field_height" -> value(s.collimatedFieldHeight());
            case "source.collimated_field_width" -> value(s.collimatedFieldWidth());
            case "source.xraygrid.xray_grid.code_meaning" -> meaning(s.xRayGrid());
            case "source.xraygrid.xray_grid.code_value" -> value(s.xRayGrid().map(Code::value));
            default -> notRead("projection event " + name);
        };
    }

    private static Actual administration(RadiopharmaceuticalAdministration a, String name) {
        return switch (name) {
            case "administered_activity" -> value(a.administeredActivity());
            case "effective_dose" -> value(a.effectiveDose());
            case "radionuclide.code_meaning" -> meaning(a.radionuclide());
            case "radionuclide_half_life" -> value(a.halfLife());
            case "radiopharmaceutical_administration_event_uid" -> value(a.administrationEventUid());
            case "radiopharmaceutical_agent.code_meaning" -> meaning(a.agent());
            case "radiopharmaceutical_start_datetime" -> value(a.start().map(ExpectedValues::iso));
            case "radiopharmaceutical_stop_datetime" -> value(a.stop().map(ExpectedValues::iso));
            case "route_of_administration.code_meaning" -> meaning(a.routeOfAdministration());
            default -> notRead("administration " + name);
        };
    }

    /** Fields kerma-dose does not read, with the reason printed in docs/conformance.md. */
    static final Map<String, String> NOT_READ = Map.of(
            "patient", "patient identity and privacy settings belong to the registry (OpenREM stores None by setting)",
            "physician", "physician and operator names are not dose data; the registry reads them from the header",
            "modality_type", "modality classification (DX/RF/MG) belongs to the registry",
            "patchar", "TID 10021 patient characteristics are beyond administered activity and agent",
            "count", "object counts of OpenREM's database",
            "admin", "TID 10021 detail beyond administered activity and agent",
            "other", "not read by kerma-dose");

    static String reasonNotRead(String field) {
        if (field.startsWith("patient.") || field.equals("patientstudy.patient_age_decimal")) {
            return NOT_READ.get("patient");
        }
        if (field.contains("physician") || field.equals("operator_name")) {
            return NOT_READ.get("physician");
        }
        if (field.equals("modality_type")) {
            return NOT_READ.get("modality_type");
        }
        if (field.startsWith("patchar.") || field.startsWith("languageof") || field.startsWith("associated_procedure")) {
            return NOT_READ.get("patchar");
        }
        if (field.contains("objects.count()") || field.equals("studies.count()")) {
            return NOT_READ.get("count");
        }
        if (field.startsWith("admin.")) {
            return NOT_READ.get("admin");
        }
        return NOT_READ.get("other");
    }

    private static Actual count(DoseReport r, Code type) {
        return value((double) r.ctEvents().stream().filter(e -> e.ctAcquisitionType()
                .filter(c -> LegacyCodes.sameConcept(c, type)).isPresent()).count());
    }

    private static Actual value(Object v) {
        if (v instanceof Optional<?> o) {
            return new Actual.Value(o.orElse(null));
        }
        return new Actual.Value(v instanceof String s && s.isEmpty() ? null : v);
    }

    private static Actual meaning(Optional<Code> code) {
        return value(code.map(Code::meaning));
    }

    private static Actual notRead(String field) {
        return new Actual.NotRead(field);
    }

    static String date(String da) {
        return da.length() == 8 ? LocalDate.parse(da, DateTimeFormatter.BASIC_ISO_DATE).toString() : da;
    }

    /** A TM value as Python prints a time: HH:MM:SS, with .ffffff when there are fractions. */
    static String time(String tm) {
        if (tm.length() < 6) {
            return tm;
        }
        LocalTime t = LocalTime.of(Integer.parseInt(tm.substring(0, 2)), Integer.parseInt(tm.substring(2, 4)),
                Integer.parseInt(tm.substring(4, 6)));
        String s = t.toString().length() == 5 ? t + ":00" : t.toString();
        if (tm.length() > 7 && tm.charAt(6) == '.') {
            String micros = (tm.substring(7) + "000000").substring(0, 6);
            s += micros.equals("000000") ? "" : "." + micros;
        }
        return s;
    }

    /** A date-time as Python's isoformat: seconds always, microseconds when not zero. */
    static String iso(LocalDateTime t) {
        String s = t.withNano(0).toString();
        if (s.length() == 16) {
            s += ":00";
        }
        if (t.getNano() != 0) {
            s += "." + String.format("%06d", t.getNano() / 1000);
        }
        return s;
    }

    static Optional<Double> number(Object v) {
        if (v instanceof Quantity q) {
            return Optional.of(q.value());
        }
        if (v instanceof Double d) {
            return Optional.of(d);
        }
        return Optional.empty();
    }
}
