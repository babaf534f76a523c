package org.kerma.dose.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kerma.dicom.Code;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.CodeOrText;
import org.kerma.dose.CtAccumulatedDose;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.ObserverContext;
import org.kerma.dose.Quantity;
import org.kerma.dose.ReportHeader;
import org.kerma.dose.Unit;
import org.kerma.dose.units.Units;

/**
 * Reads the JSON description of a dose report (schema in {@code docs/rdsr-builder.md}) into the {@link DoseReport}
 * that {@link RdsrBuilder} writes. Every quantity carries its UCUM unit ({@code {"value": 8.43, "unit": "mGy"}}) and
 * is converted to the canonical unit; every code is a known PS3.16 concept ({@code {"value": "113691", "scheme":
 * "DCM"}}). A unit of the wrong kind or unknown, a negative dose or length, an unknown code or member, a missing
 * mandatory member or no events is an {@link RdsrBuildException} naming the JSON path ({@code $.events[1].ctdivol}).
 * Totals the description leaves out are computed from the events (number of events, DLP total, DAP totals); absent
 * irradiation event UIDs are made fresh.
 */
public final class JsonDoseDescription {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UidGenerator uids;

    private JsonDoseDescription(UidGenerator uids) {
        this.uids = uids;
    }

    /** Reads a description file; fresh UIDs under {@code uids}. */
    public static DoseReport read(Path file, UidGenerator uids) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new RdsrBuildException(file + " line " + e.getLocation().getLineNr(), "not JSON: "
                    + e.getOriginalMessage());
        }
        return fromTree(root, uids);
    }

    /** Reads a parsed description. */
    public static DoseReport fromTree(JsonNode root, UidGenerator uids) {
        return new JsonDoseDescription(uids).report(new Node(root, "$"));
    }

    /** A JSON value with its path. */
    private record Node(JsonNode json, String path) {
        Optional<Node> get(String name) {
            JsonNode v = json.get(name);
            return v == null || v.isNull() ? Optional.empty() : Optional.of(new Node(v, path + "." + name));
        }

        Node require(String name) {
            return get(name).orElseThrow(() -> new RdsrBuildException(path + "." + name, "missing"));
        }

        List<Node> items() {
            if (!json.isArray()) {
                throw new RdsrBuildException(path, "not an array");
            }
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                items.add(new Node(json.get(i), path + "[" + i + "]"));
            }
            return items;
        }

        String text() {
            if (!json.isTextual()) {
                throw new RdsrBuildException(path, "not a string");
            }
            return json.asText();
        }

        /** Rejects members not in {@code known}: a misspelt member would otherwise be silently ignored. */
        Node only(String... known) {
            Set<String> allowed = Set.of(known);
            if (!json.isObject()) {
                throw new RdsrBuildException(path, "not an object");
            }
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw new RdsrBuildException(path + "." + name, "unknown member; known: "
                            + String.join(", ", known));
                }
            }
            return this;
        }
    }

    private DoseReport report(Node r) {
        r.only("template", "study", "patient", "device", "procedure", "intent", "startOfXRayIrradiation",
                "endOfXRayIrradiation", "sourceOfDoseInformation", "accumulated", "events");
        String tid = r.require("template").text();
        if (!tid.equals("10011") && !tid.equals("10001")) {
            throw new RdsrBuildException(r.path() + ".template", "'" + tid + "' is not 10011 (CT) or 10001"
                    + " (projection X-ray)");
        }
        boolean ct = tid.equals("10011");
        Node study = r.require("study").only("studyInstanceUid", "accessionNumber", "studyDate", "studyTime",
                "description");
        Node patient = r.require("patient").only("id", "name", "birthDate", "sex", "age");
        Node device = r.require("device").only("observerUid", "name", "manufacturer", "modelName", "serialNumber",
                "physicalLocation", "softwareVersions", "stationName", "institutionName");
        String studyUid = string(study, "studyInstanceUid").orElseGet(uids::next);
        ReportHeader header = new ReportHeader("", "", studyUid, "", string(study, "accessionNumber").orElse(""),
                string(study, "studyDate").orElse(""), string(study, "studyTime").orElse(""),
                string(study, "description").orElse(""), string(patient, "name").orElse(""),
                string(patient, "id").orElse(""),
                string(patient, "birthDate").orElse(""), string(patient, "sex").orElse(""),
                string(patient, "age").orElse(""), ct ? "CT" : "XA", device.require("manufacturer").text(),
                device.require("modelName").text(), string(device, "stationName").orElse(""),
                string(device, "institutionName").orElse(""), device.require("serialNumber").text(),
                device.require("softwareVersions").text());
        ObserverContext observer = new ObserverContext(Optional.of(DCM.Device),
                Optional.of(device.require("observerUid").text()), string(device, "name"),
                Optional.of(header.manufacturer()), Optional.of(header.modelName()),
                Optional.of(header.deviceSerialNumber()), string(device, "physicalLocation"), Optional.empty());
        Code procedure = r.get("procedure").map(this::code).orElse(ct ? SCT.ComputedTomography : DCM.ProjectionXRay);
        Code intent = r.get("intent").map(this::code).orElse(SCT.DiagnosticIntent);
        List<Code> sources = new ArrayList<>();
        for (Node s : r.require("sourceOfDoseInformation").items()) {
            sources.add(code(s));
        }
        Node events = r.get("events").orElseThrow(() -> new RdsrBuildException("$.events",
                "missing: a dose report needs at least one irradiation event"));
        if (events.items().isEmpty()) {
            throw new RdsrBuildException("$.events", "empty: a dose report needs at least one irradiation event");
        }
        if (ct) {
            List<CtIrradiationEvent> ctEvents = new ArrayList<>();
            for (Node e : events.items()) {
                ctEvents.add(ctEvent(e));
            }
            return new DoseReport(DoseReport.Kind.CT, tid, header, observer, Optional.of(procedure),
                    Optional.of(intent), Optional.of(DCM.Study), Optional.of(studyUid),
                    Optional.of(dateTime(r.require("startOfXRayIrradiation"))),
                    Optional.of(dateTime(r.require("endOfXRayIrradiation"))), sources, List.of(),
                    Optional.of(ctAccumulated(r.get("accumulated"), ctEvents)), List.of(), ctEvents, List.of(),
                    List.of(), List.of());
        }
        List<IrradiationEvent> xEvents = new ArrayList<>();
        for (Node e : events.items()) {
            xEvents.add(xrayEvent(e));
        }
        return new DoseReport(DoseReport.Kind.PROJECTION_XRAY, tid, header, observer, Optional.of(procedure),
                Optional.of(intent), Optional.of(DCM.Study), Optional.of(studyUid), Optional.empty(),
                Optional.empty(), sources, List.of(projectionAccumulated(r.get("accumulated"), xEvents)),
                Optional.empty(), xEvents, List.of(), List.of(), List.of(), List.of());
    }

    private CtAccumulatedDose ctAccumulated(Optional<Node> a, List<CtIrradiationEvent> events) {
        a.ifPresent(n -> n.only("dlpTotal", "effectiveDoseTotal"));
        Optional<Quantity> dlp = a.flatMap(n -> quantity(n, "dlpTotal", Unit.MILLIGRAY_CENTIMETRE, true));
        if (dlp.isEmpty()) {
            double sum = events.stream().mapToDouble(e -> e.dlp().map(Quantity::value).orElse(0.0)).sum();
            dlp = Optional.of(Quantity.of(sum, Unit.MILLIGRAY_CENTIMETRE));
        }
        return new CtAccumulatedDose("", Optional.of(Quantity.of(events.size(), Unit.ONE)), dlp,
                a.flatMap(n -> quantity(n, "effectiveDoseTotal", Unit.MILLISIEVERT, true)));
    }

    private AccumulatedDose projectionAccumulated(Optional<Node> a, List<IrradiationEvent> events) {
        a.ifPresent(n -> n.only("dapTotal", "doseRpTotal", "fluoroDapTotal", "fluoroDoseRpTotal", "totalFluoroTime",
                "acquisitionDapTotal", "acquisitionDoseRpTotal", "totalAcquisitionTime", "referencePoint"));
        Optional<Quantity> dap = a.flatMap(n -> quantity(n, "dapTotal", Unit.GRAY_SQUARE_METRE, true));
        if (dap.isEmpty()) {
            dap = Optional.of(Quantity.of(events.stream().mapToDouble(e -> e.doseAreaProduct().map(Quantity::value)
                    .orElse(0.0)).sum(), Unit.GRAY_SQUARE_METRE));
        }
        Optional<Quantity> doseRp = a.flatMap(n -> quantity(n, "doseRpTotal", Unit.GRAY, true));
        Optional<CodeOrText> rpd = a.flatMap(n -> n.get("referencePoint")).map(this::codeOrText)
                .or(() -> events.get(0).referencePointDefinition());
        return new AccumulatedDose("", Optional.of(events.get(0).acquisitionPlane().orElse(DCM.SinglePlane)), dap,
                doseRp, a.flatMap(n -> quantity(n, "fluoroDapTotal", Unit.GRAY_SQUARE_METRE, true)),
                a.flatMap(n -> quantity(n, "fluoroDoseRpTotal", Unit.GRAY, true)),
                a.flatMap(n -> quantity(n, "totalFluoroTime", Unit.SECOND, true)),
                a.flatMap(n -> quantity(n, "acquisitionDapTotal", Unit.GRAY_SQUARE_METRE, true)),
                a.flatMap(n -> quantity(n, "acquisitionDoseRpTotal", Unit.GRAY, true)),
                a.flatMap(n -> quantity(n, "totalAcquisitionTime", Unit.SECOND, true)), Optional.empty(),
                doseRp.isPresent() ? rpd : Optional.empty(), List.of(), List.of());
    }

    private CtIrradiationEvent ctEvent(Node e) {
        e.only("irradiationEventUid", "acquisitionProtocol", "targetRegion", "ctAcquisitionType",
                "procedureContext", "exposureTime", "scanningLength", "topZLocationOfScanningLength",
                "bottomZLocationOfScanningLength", "nominalSingleCollimationWidth", "nominalTotalCollimationWidth",
                "pitchFactor", "sources", "meanCtdivol", "ctdiwPhantomType", "dlp", "xRayModulationType", "comment");
        List<CtIrradiationEvent.CtXRaySource> sources = new ArrayList<>();
        for (Node s : e.require("sources").items()) {
            s.only("identification", "kvp", "maximumXRayTubeCurrent", "xRayTubeCurrent", "exposureTimePerRotation",
                    "xRayFilterAluminumEquivalent");
            sources.add(new CtIrradiationEvent.CtXRaySource(Optional.of(s.require("identification").text()),
                    quantity(s, "kvp", Unit.KILOVOLT, true), quantity(s, "maximumXRayTubeCurrent", Unit.MILLIAMPERE,
                    true), quantity(s, "xRayTubeCurrent", Unit.MILLIAMPERE, true),
                    quantity(s, "exposureTimePerRotation", Unit.SECOND, true),
                    quantity(s, "xRayFilterAluminumEquivalent", Unit.MILLIMETRE, true)));
        }
        CtIrradiationEvent.ScanningLength scan = new CtIrradiationEvent.ScanningLength(
                quantity(e, "scanningLength", Unit.MILLIMETRE, true), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), quantity(e, "topZLocationOfScanningLength", Unit.MILLIMETRE, false),
                quantity(e, "bottomZLocationOfScanningLength", Unit.MILLIMETRE, false));
        return new CtIrradiationEvent("", string(e, "acquisitionProtocol"), Optional.of(code(e.require(
                "targetRegion"))), Optional.of(code(e.require("ctAcquisitionType"))),
                e.get("procedureContext").map(this::code),
                Optional.of(string(e, "irradiationEventUid").orElseGet(uids::next)),
                quantity(e, "exposureTime", Unit.SECOND, true), scan,
                quantity(e, "nominalSingleCollimationWidth", Unit.MILLIMETRE, true),
                quantity(e, "nominalTotalCollimationWidth", Unit.MILLIMETRE, true),
                quantity(e, "pitchFactor", Unit.ONE, true), Optional.of(Quantity.of(sources.size(), Unit.ONE)),
                sources, quantity(e, "meanCtdivol", Unit.MILLIGRAY, true), e.get("ctdiwPhantomType").map(this::code),
                Optional.empty(), quantity(e, "dlp", Unit.MILLIGRAY_CENTIMETRE, true), Optional.empty(),
                string(e, "xRayModulationType"), string(e, "comment"), Optional.empty());
    }

    private IrradiationEvent xrayEvent(Node e) {
        e.only("acquisitionPlane", "irradiationEventUid", "dateTimeStarted", "irradiationEventType",
                "acquisitionProtocol", "targetRegion", "doseAreaProduct", "doseRp", "referencePoint", "kvp",
                "xRayTubeCurrent", "exposureTime", "exposure", "pulseRate", "numberOfPulses", "pulseWidth",
                "irradiationDuration", "focalSpotSize", "fluoroMode", "collimatedFieldArea", "positionerPrimaryAngle",
                "positionerSecondaryAngle", "distanceSourceToDetector", "distanceSourceToIsocenter",
                "tableLongitudinalPosition", "tableLateralPosition", "tableHeightPosition", "comment");
        Optional<Quantity> doseRp = quantity(e, "doseRp", Unit.GRAY, true);
        Optional<CodeOrText> rpd = e.get("referencePoint").map(this::codeOrText);
        if (doseRp.isPresent() && rpd.isEmpty()) {
            throw new RdsrBuildException(e.path() + ".referencePoint", "missing: required when doseRp is given"
                    + " (TID 10003 row 22)");
        }
        IrradiationEvent.XRaySourceData source = new IrradiationEvent.XRaySourceData(
                quantity(e, "kvp", Unit.KILOVOLT, true), quantity(e, "xRayTubeCurrent", Unit.MILLIAMPERE, true),
                Optional.empty(), quantity(e, "exposureTime", Unit.SECOND, true),
                quantity(e, "exposure", Unit.MILLIAMPERE_SECOND, true), quantity(e, "pulseWidth", Unit.SECOND, true),
                quantity(e, "numberOfPulses", Unit.ONE, true), quantity(e, "pulseRate", Unit.PER_SECOND, true),
                quantity(e, "irradiationDuration", Unit.SECOND, true),
                quantity(e, "focalSpotSize", Unit.MILLIMETRE, true), e.get("fluoroMode").map(this::code),
                Optional.empty(), List.of(), quantity(e, "collimatedFieldArea", Unit.SQUARE_METRE, true),
                Optional.empty(), Optional.empty(), Optional.empty());
        IrradiationEvent.XRayMechanicalData mechanical = new IrradiationEvent.XRayMechanicalData(
                quantity(e, "positionerPrimaryAngle", Unit.DEGREE, false),
                quantity(e, "positionerSecondaryAngle", Unit.DEGREE, false), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                quantity(e, "distanceSourceToDetector", Unit.MILLIMETRE, true),
                quantity(e, "distanceSourceToIsocenter", Unit.MILLIMETRE, true), Optional.empty(), Optional.empty(),
                quantity(e, "tableLongitudinalPosition", Unit.MILLIMETRE, false),
                quantity(e, "tableLateralPosition", Unit.MILLIMETRE, false),
                quantity(e, "tableHeightPosition", Unit.MILLIMETRE, false));
        return new IrradiationEvent("", Optional.of(e.get("acquisitionPlane").map(this::code)
                .orElse(DCM.SinglePlane)), Optional.of(string(e, "irradiationEventUid").orElseGet(uids::next)),
                Optional.of(dateTime(e.require("dateTimeStarted"))),
                Optional.of(code(e.require("irradiationEventType"))), string(e, "acquisitionProtocol"),
                Optional.of(code(e.require("targetRegion"))), Optional.empty(), Optional.empty(),
                quantity(e, "doseAreaProduct", Unit.GRAY_SQUARE_METRE, true), Optional.empty(), doseRp,
                Optional.empty(), Optional.empty(), doseRp.isPresent() ? rpd : Optional.empty(),
                string(e, "comment"), source, mechanical,
                new IrradiationEvent.XRayDetectorData(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static Optional<String> string(Node n, String name) {
        return n.get(name).map(Node::text).filter(s -> !s.isEmpty());
    }

    private static LocalDateTime dateTime(Node n) {
        try {
            return LocalDateTime.parse(n.text());
        } catch (DateTimeParseException e) {
            throw new RdsrBuildException(n.path(), "'" + n.json().asText() + "' is not an ISO date-time"
                    + " (2026-03-01T10:15:02)");
        }
    }

    /** {@code {"value": "113691", "scheme": "DCM"}}, a concept Kerma knows. */
    private Code code(Node n) {
        n.only("value", "scheme", "meaning");
        String value = n.require("value").text();
        String scheme = n.require("scheme").text();
        return KnownCodes.find(scheme, value).orElseThrow(() -> new RdsrBuildException(n.path(),
                "unknown code (" + value + ", " + scheme + "): not a PS3.16 DCM or dose context group SCT concept"));
    }

    /** A code object, or a string for a TEXT Reference Point Definition. */
    private CodeOrText codeOrText(Node n) {
        return n.json().isTextual() ? CodeOrText.of(n.text()) : CodeOrText.of(code(n));
    }

    /** {@code {"value": 8.43, "unit": "mGy"}} converted to {@code canonical}. */
    private static Optional<Quantity> quantity(Node parent, String name, Unit canonical, boolean nonNegative) {
        Optional<Node> node = parent.get(name);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Node n = node.get().only("value", "unit");
        Node v = n.require("value");
        if (!v.json().isNumber()) {
            throw new RdsrBuildException(v.path(), "not a number");
        }
        String unit = n.require("unit").text();
        double value = v.json().asDouble();
        if (!Double.isFinite(value)) {
            throw new RdsrBuildException(v.path(), "not a finite number");
        }
        if (nonNegative && value < 0) {
            throw new RdsrBuildException(v.path(), "negative (" + v.json().asText() + "); " + name
                    + " cannot be negative");
        }
        Units.Conversion c = Units.convert(value, unit, canonical);
        if (c instanceof Units.Conversion.Converted converted) {
            return Optional.of(new Quantity(converted.value(), canonical, value, unit));
        }
        if (c instanceof Units.Conversion.WrongDimension) {
            throw new RdsrBuildException(n.path() + ".unit", "'" + unit + "' is not a unit of " + name
                    + " (expected a unit like " + canonical.ucum() + ")");
        }
        throw new RdsrBuildException(n.path() + ".unit", "'" + unit + "' is not a UCUM unit");
    }
}
