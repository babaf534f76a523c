package org.kerma.dose.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomDateTime;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomParseException;
import org.kerma.dicom.io.DicomReader;
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

/**
 * Builds the {@link DoseReport} of one study from its images' headers, for sites whose modalities write no dose
 * report (Source of Dose Information: Computed From Image Attributes, 113867).
 *
 * <p>CT (single-frame CT Image Storage, attributes at the top level): one CT Acquisition per series, from CTDIvol
 * (0018,9345, mean over the series), KVP, X-Ray Tube Current (mean; maximum as Maximum X-Ray Tube Current), Acquisition
 * Type (0018,9302, else LOCALIZER in Image Type for Constant Angle, else Spiral when a Spiral Pitch Factor is given,
 * else Sequenced), Revolution Time, Single/Total Collimation Width, Spiral Pitch Factor, and the scan range from the
 * z of Image Position (Patient): Scanning Length = range + one Slice Thickness. Where no DLP is known it is estimated
 * as CTDIvol × Scanning Length and the event's Comment says so. Exposure Time is the sum of the images' Exposure Time
 * (0018,1150) for sequenced and constant angle, and Scanning Length / (pitch × total collimation) × Revolution Time
 * for spiral. The CTDIw phantom is CTDI Phantom Type Code Sequence (0018,9346) when given, else IEC Head for HEAD,
 * BRAIN and SKULL and IEC Body otherwise (noted in the Comment).
 *
 * <p>Projection (XA, RF, DX, CR): one Stationary Acquisition per image, from Image and Fluoroscopy Area Dose Product
 * (0018,115E, dGy·cm²), Entrance Dose in mGy (0040,8302), KVP, X-Ray Tube Current, Exposure Time, Exposure, distance
 * and positioner angles; accumulated totals are the sums.
 *
 * <p>A missing attribute the template needs is an {@link RdsrBuildException} naming the file and the attribute.
 */
public final class ImageDoseCollector {
    private static final Map<String, Code> BODY_PARTS = bodyParts();
    private static final Set<String> PROJECTION = Set.of("XA", "RF", "DX", "CR");

    private final UidGenerator uids;

    private ImageDoseCollector(UidGenerator uids) {
        this.uids = uids;
    }

    /** Reads every DICOM file under {@code dir} (one study) into a dose report. */
    public static DoseReport collect(Path dir, UidGenerator uids) throws IOException {
        List<Image> images = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    images.add(new Image(f, DicomReader.read(f).dataset()));
                } catch (DicomParseException e) {
                    // not a DICOM file (a DICOMDIR's neighbours, notes): skipped
                }
            }
        }
        if (images.isEmpty()) {
            throw new RdsrBuildException(dir.toString(), "no DICOM images");
        }
        return new ImageDoseCollector(uids).report(dir, images);
    }

    private record Image(Path file, DicomObject ds) {
        String s(int tag) {
            try {
                return ds.getString(tag, "").strip();
            } catch (RuntimeException e) {
                return "";
            }
        }

        OptionalDouble d(int tag) {
            try {
                return ds.findDouble(tag);
            } catch (RuntimeException e) {
                return OptionalDouble.empty();
            }
        }

        double require(int tag, String name, String why) {
            return d(tag).orElseThrow(() -> new RdsrBuildException(file.toString(), name + " is absent; " + why));
        }

        Optional<LocalDateTime> acquired() {
            Optional<LocalDateTime> dateTime;
            try {
                dateTime = ds.findDateTime(Tag.AcquisitionDateTime).map(DicomDateTime::value);
            } catch (RuntimeException e) {
                dateTime = Optional.empty(); // unreadable: the date and time elements may still serve
            }
            return dateTime.or(() -> ds.findDateTime(Tag.AcquisitionDate, Tag.AcquisitionTime))
                    .or(() -> ds.findDateTime(Tag.ContentDate, Tag.ContentTime))
                    .or(() -> ds.findDateTime(Tag.SeriesDate, Tag.SeriesTime));
        }

        double z() {
            double[] ipp = ds.doubles(Tag.ImagePositionPatient);
            if (ipp.length == 3) {
                return ipp[2];
            }
            return require(Tag.SliceLocation, "Image Position (Patient) and Slice Location",
                    "the scan range needs the z of each image");
        }
    }

    private DoseReport report(Path dir, List<Image> images) {
        Set<String> modalities = new TreeSet<>();
        Set<String> studies = new TreeSet<>();
        for (Image i : images) {
            modalities.add(i.s(Tag.Modality));
            studies.add(i.s(Tag.StudyInstanceUID));
        }
        if (studies.size() != 1) {
            throw new RdsrBuildException(dir.toString(), "images of " + studies.size() + " studies; build one"
                    + " report per study");
        }
        boolean ct = modalities.equals(Set.of("CT"));
        if (!ct && !PROJECTION.containsAll(modalities)) {
            throw new RdsrBuildException(dir.toString(), "modalities " + modalities + ": expected CT only, or XA,"
                    + " RF, DX, CR");
        }
        Image first = images.get(0);
        ReportHeader header = new ReportHeader("", "", first.s(Tag.StudyInstanceUID), "", first.s(Tag.AccessionNumber),
                first.s(Tag.StudyDate), first.s(Tag.StudyTime), first.s(Tag.StudyDescription),
                first.s(Tag.PatientName), first.s(Tag.PatientID), first.s(Tag.PatientBirthDate),
                first.s(Tag.PatientSex), first.s(Tag.PatientAge), first.s(Tag.Modality), required(first,
                Tag.Manufacturer, "Manufacturer"), required(first, Tag.ManufacturerModelName,
                "Manufacturer's Model Name"), first.s(Tag.StationName), first.s(Tag.InstitutionName),
                required(first, Tag.DeviceSerialNumber, "Device Serial Number"),
                required(first, Tag.SoftwareVersions, "Software Versions"));
        String deviceUid = first.s(Tag.DeviceUID).isEmpty() ? deviceUid(header) : first.s(Tag.DeviceUID);
        ObserverContext observer = new ObserverContext(Optional.of(DCM.Device), Optional.of(deviceUid),
                Optional.of(header.stationName()).filter(s -> !s.isEmpty()), Optional.of(header.manufacturer()),
                Optional.of(header.modelName()), Optional.of(header.deviceSerialNumber()),
                Optional.empty(), Optional.empty());
        List<LocalDateTime> times = images.stream().flatMap(i -> i.acquired().stream()).sorted().toList();
        List<Code> source = List.of(DCM.ComputedFromImageAttributes);
        if (ct) {
            Map<String, List<Image>> series = new LinkedHashMap<>();
            images.stream().sorted(Comparator.comparing((Image i) -> i.acquired().orElse(LocalDateTime.MIN)))
                    .forEach(i -> series.computeIfAbsent(i.s(Tag.SeriesInstanceUID), k -> new ArrayList<>()).add(i));
            List<CtIrradiationEvent> events = new ArrayList<>();
            for (List<Image> s : series.values()) {
                events.add(ctEvent(s));
            }
            double dlp = events.stream().mapToDouble(e -> e.dlp().map(Quantity::value).orElse(0.0)).sum();
            return new DoseReport(DoseReport.Kind.CT, "10011", header, observer,
                    Optional.of(SCT.ComputedTomography), Optional.of(SCT.DiagnosticIntent), Optional.of(DCM.Study),
                    Optional.of(header.studyInstanceUid()), times.stream().findFirst(),
                    times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() - 1)), source, List.of(),
                    Optional.of(new CtAccumulatedDose("", q(events.size(), Unit.ONE),
                            q(round(dlp), Unit.MILLIGRAY_CENTIMETRE), Optional.empty())), List.of(), events,
                    List.of(), List.of(), List.of());
        }
        List<IrradiationEvent> events = new ArrayList<>();
        for (Image i : images) {
            events.add(projectionEvent(i));
        }
        return new DoseReport(DoseReport.Kind.PROJECTION_XRAY, "10001", header, observer,
                Optional.of(DCM.ProjectionXRay), Optional.of(SCT.DiagnosticIntent), Optional.of(DCM.Study),
                Optional.of(header.studyInstanceUid()), Optional.empty(), Optional.empty(), source,
                List.of(accumulated(events)), Optional.empty(), events, List.of(), List.of(), List.of(), List.of());
    }

    private CtIrradiationEvent ctEvent(List<Image> s) {
        Image f = s.get(0);
        String where = f.file().toString();
        Code type = ctAcquisitionType(f);
        boolean localizer = type.equals(DCM.ConstantAngleAcquisition);
        double kvp = f.require(Tag.KVP, "KVP (0018,0060)", "needed for KVP (113733)");
        double meanMa = s.stream().mapToDouble(i -> i.require(Tag.XRayTubeCurrent, "X-Ray Tube Current (0018,1151)",
                "needed for X-Ray Tube Current (113734)")).average().orElseThrow();
        double maxMa = s.stream().mapToDouble(i -> i.d(Tag.XRayTubeCurrent).orElse(0)).max().orElseThrow();
        double single = f.require(Tag.SingleCollimationWidth, "Single Collimation Width (0018,9306)",
                "needed for Nominal Single Collimation Width (113826)");
        double total = f.require(Tag.TotalCollimationWidth, "Total Collimation Width (0018,9307)",
                "needed for Nominal Total Collimation Width (113827)");
        double minZ = s.stream().mapToDouble(Image::z).min().orElseThrow();
        double maxZ = s.stream().mapToDouble(Image::z).max().orElseThrow();
        double length = round(maxZ - minZ + f.d(Tag.SliceThickness).orElse(0));
        Optional<Quantity> pitch = f.d(Tag.SpiralPitchFactor).stream().boxed().findFirst()
                .map(p -> Quantity.of(p, Unit.ONE));
        OptionalDouble revolution = f.d(Tag.RevolutionTime);
        double exposureTime;
        if (type.equals(SCT.SpiralAcquisition) && pitch.isPresent() && revolution.isPresent()) {
            exposureTime = round(length / (pitch.get().value() * total) * revolution.getAsDouble());
        } else {
            exposureTime = round(s.stream().mapToDouble(i -> i.require(Tag.ExposureTime, "Exposure Time (0018,1150)",
                    "needed for Exposure Time (113824)")).sum() / 1000);
        }
        Code region = targetRegion(f);
        List<String> notes = new ArrayList<>();
        Optional<Quantity> ctdivol = Optional.empty();
        Optional<Quantity> dlp = Optional.empty();
        Optional<Code> phantom = Optional.empty();
        if (!localizer) {
            double mean = round(s.stream().mapToDouble(i -> i.require(Tag.CTDIvol, "CTDIvol (0018,9345)",
                    "needed for Mean CTDIvol (113830)")).average().orElseThrow());
            ctdivol = q(mean, Unit.MILLIGRAY);
            dlp = q(round(mean * length / 10), Unit.MILLIGRAY_CENTIMETRE);
            notes.add("DLP estimated as CTDIvol x scanning length");
            phantom = f.ds.items(Tag.CTDIPhantomTypeCodeSequence).stream().findFirst().flatMap(Code::from);
            if (phantom.isEmpty()) {
                Set<String> head = Set.of("HEAD", "BRAIN", "SKULL");
                phantom = Optional.of(head.contains(f.s(Tag.BodyPartExamined).toUpperCase())
                        ? DCM.IECHeadDosimetryPhantom : DCM.IECBodyDosimetryPhantom);
                notes.add("CTDIw phantom assumed from Body Part Examined");
            }
        }
        CtIrradiationEvent.CtXRaySource source = new CtIrradiationEvent.CtXRaySource(Optional.of("A"),
                q(kvp, Unit.KILOVOLT), q(maxMa, Unit.MILLIAMPERE), q(round(meanMa), Unit.MILLIAMPERE),
                localizer ? Optional.empty() : Optional.of(Quantity.of(revolution.orElseThrow(() ->
                        new RdsrBuildException(where, "Revolution Time (0018,9305) is absent; needed for Exposure"
                                + " Time per Rotation (113834)")), Unit.SECOND)), Optional.empty());
        String protocol = f.s(Tag.ProtocolName).isEmpty() ? f.s(Tag.SeriesDescription) : f.s(Tag.ProtocolName);
        return new CtIrradiationEvent("", Optional.of(protocol).filter(p -> !p.isEmpty()), Optional.of(region),
                Optional.of(type), Optional.empty(),
                Optional.of(f.s(Tag.IrradiationEventUID).isEmpty() ? uids.next() : f.s(Tag.IrradiationEventUID)),
                q(exposureTime, Unit.SECOND), new CtIrradiationEvent.ScanningLength(q(length, Unit.MILLIMETRE),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), q(maxZ, Unit.MILLIMETRE),
                q(minZ, Unit.MILLIMETRE)), q(single, Unit.MILLIMETRE), q(total, Unit.MILLIMETRE),
                type.equals(SCT.SpiralAcquisition) || type.equals(DCM.SequencedAcquisition)
                        ? Optional.of(pitch.orElse(Quantity.of(type.equals(SCT.SpiralAcquisition) ? f.require(
                        Tag.SpiralPitchFactor, "Spiral Pitch Factor (0018,9311)", "needed for Pitch Factor (113828)")
                        : 1, Unit.ONE))) : Optional.empty(),
                q(1, Unit.ONE), List.of(source), ctdivol, phantom, Optional.empty(), dlp, Optional.empty(),
                Optional.of(f.s(Tag.ExposureModulationType)).filter(m -> !m.isEmpty()),
                notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes)), Optional.empty());
    }

    private static Code ctAcquisitionType(Image f) {
        switch (f.s(Tag.AcquisitionType)) {
            case "SPIRAL": return SCT.SpiralAcquisition;
            case "SEQUENCED": return DCM.SequencedAcquisition;
            case "CONSTANT_ANGLE": return DCM.ConstantAngleAcquisition;
            case "STATIONARY": return DCM.StationaryAcquisitionCT;
            case "FREE": return DCM.FreeAcquisition;
            default:
                if (f.ds.strings(Tag.ImageType).contains("LOCALIZER")) {
                    return DCM.ConstantAngleAcquisition;
                }
                return f.d(Tag.SpiralPitchFactor).isPresent() ? SCT.SpiralAcquisition : DCM.SequencedAcquisition;
        }
    }

    private static Code targetRegion(Image f) {
        String part = f.s(Tag.BodyPartExamined).toUpperCase();
        Code code = BODY_PARTS.get(part);
        if (code == null) {
            throw new RdsrBuildException(f.file().toString(), "Body Part Examined (0018,0015) '" + part
                    + "' has no Target Region code; known: " + new TreeSet<>(BODY_PARTS.keySet()));
        }
        return code;
    }

    private IrradiationEvent projectionEvent(Image i) {
        String where = i.file().toString();
        double dap = i.require(Tag.ImageAndFluoroscopyAreaDoseProduct,
                "Image and Fluoroscopy Area Dose Product (0018,115E)", "needed for Dose Area Product (122130)");
        OptionalDouble entrance = i.d(Tag.EntranceDoseInmGy);
        boolean dx = Set.of("DX", "CR").contains(i.s(Tag.Modality));
        Optional<CodeOrText> rpd = entrance.isPresent() ? Optional.of(dx
                ? CodeOrText.of("Entrance Dose in mGy (0040,8302) of the image")
                : CodeOrText.of(DCM._15cmFromIsocenterTowardSource)) : Optional.empty();
        IrradiationEvent.XRaySourceData source = new IrradiationEvent.XRaySourceData(opt(i, Tag.KVP, Unit.KILOVOLT, 1),
                opt(i, Tag.XRayTubeCurrent, Unit.MILLIAMPERE, 1), Optional.empty(),
                opt(i, Tag.ExposureTime, Unit.SECOND, 1e-3), opt(i, Tag.Exposure, Unit.MILLIAMPERE_SECOND, 1),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        IrradiationEvent.XRayMechanicalData mechanical = new IrradiationEvent.XRayMechanicalData(
                opt(i, Tag.PositionerPrimaryAngle, Unit.DEGREE, 1), opt(i, Tag.PositionerSecondaryAngle, Unit.DEGREE, 1),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), opt(i, Tag.DistanceSourceToDetector, Unit.MILLIMETRE, 1),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        return new IrradiationEvent("", Optional.of(DCM.SinglePlane),
                Optional.of(i.s(Tag.IrradiationEventUID).isEmpty() ? uids.next() : i.s(Tag.IrradiationEventUID)),
                Optional.of(i.acquired().orElseThrow(() -> new RdsrBuildException(where, "no Acquisition, Content or"
                        + " Series Date and Time; needed for DateTime Started (111526)"))),
                Optional.of(DCM.StationaryAcquisition), Optional.of(i.s(Tag.ProtocolName)).filter(p -> !p.isEmpty()),
                Optional.of(targetRegion(i)), Optional.empty(), Optional.empty(),
                q(new java.math.BigDecimal(Double.toString(dap)).scaleByPowerOfTen(-5).doubleValue(),
                        Unit.GRAY_SQUARE_METRE), Optional.empty(),
                entrance.isPresent() ? q(new java.math.BigDecimal(Double.toString(entrance.getAsDouble()))
                        .scaleByPowerOfTen(-3).doubleValue(), Unit.GRAY) : Optional.empty(),
                Optional.empty(), Optional.empty(), rpd, Optional.empty(), source, mechanical,
                new IrradiationEvent.XRayDetectorData(Optional.empty(), Optional.empty(), Optional.empty(),
                        acquiredImage(i)));
    }

    /** The image itself, referenced by the event it shows (Acquired Image, TID 10003A), when it has both UIDs. */
    private static List<IrradiationEvent.ImageReference> acquiredImage(Image i) {
        String sopClass = i.s(Tag.SOPClassUID);
        String sop = i.s(Tag.SOPInstanceUID);
        String series = i.s(Tag.SeriesInstanceUID);
        String study = i.s(Tag.StudyInstanceUID);
        return sopClass.isEmpty() || sop.isEmpty() || series.isEmpty() || study.isEmpty() ? List.of()
                : List.of(new IrradiationEvent.ImageReference(study, series, sopClass, sop));
    }

    private static AccumulatedDose accumulated(List<IrradiationEvent> events) {
        double dap = events.stream().mapToDouble(e -> e.doseAreaProduct().orElseThrow().value()).sum();
        boolean allRp = events.stream().allMatch(e -> e.doseRp().isPresent());
        Optional<Quantity> rp = allRp ? q(round(events.stream().mapToDouble(e -> e.doseRp().get().value()).sum()),
                Unit.GRAY) : Optional.empty();
        Optional<Quantity> dapTotal = q(round(dap), Unit.GRAY_SQUARE_METRE);
        boolean allTimes = events.stream().allMatch(e -> e.source().exposureTime().isPresent());
        Optional<Quantity> time = allTimes ? q(round(events.stream().mapToDouble(e -> e.source().exposureTime().get()
                .value()).sum()), Unit.SECOND) : Optional.empty();
        return new AccumulatedDose("", Optional.of(DCM.SinglePlane), dapTotal, rp, Optional.empty(),
                Optional.empty(), Optional.empty(), dapTotal, rp, time, Optional.empty(),
                allRp ? events.get(0).referencePointDefinition() : Optional.empty(), List.of(), List.of());
    }

    private static Optional<Quantity> opt(Image i, int tag, Unit unit, double factor) {
        OptionalDouble v = i.d(tag);
        return v.isPresent() ? q(round(v.getAsDouble() * factor), unit) : Optional.empty();
    }

    private static String required(Image i, int tag, String name) {
        String v = i.s(tag);
        if (v.isEmpty()) {
            throw new RdsrBuildException(i.file().toString(), name + " is absent; the dose report's equipment"
                    + " module needs it (Type 1 in PS3.3 C.7.5.2)");
        }
        return v;
    }

    /** A stable device observer UID for a device without Device UID: name-based UUID (PS3.5 B.2) of its identity. */
    private static String deviceUid(ReportHeader h) {
        UUID u = UUID.nameUUIDFromBytes((h.manufacturer() + "\\" + h.modelName() + "\\" + h.deviceSerialNumber())
                .getBytes(StandardCharsets.UTF_8));
        java.math.BigInteger n = new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
        return "2.25." + n;
    }

    private static Optional<Quantity> q(double v, Unit u) {
        return Optional.of(Quantity.of(v, u));
    }

    /** Rounds to 10 significant digits, removing the noise of sums and products of decimals. */
    private static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(10)).doubleValue();
    }

    private static Map<String, Code> bodyParts() {
        Map<String, Code> parts = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ImageDoseCollector.class.getResourceAsStream("body-parts.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                parts.put(f[0], KnownCodes.find(f[1], f[2]).orElseThrow(() -> new IllegalStateException(
                        "body-parts.tsv: unknown code " + f[2])));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Map.copyOf(parts);
    }
}
