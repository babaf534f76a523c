package org.kerma.dose.technique;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.InvalidValueException;
import org.kerma.dicom.Tag;
import org.kerma.dose.Finding;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;

/**
 * Reads the X-ray technique of an image header into an {@link ImageTechnique}.
 *
 * <p>Single-frame and legacy multi-frame images (CR, DX, MG, XA, RF, CT) give their attributes at the top level
 * (PS3.3 C.8.7.8 X-Ray Acquisition Dose Module, C.8.7.2.1 DX Image, C.8.7.7 X-Ray Acquisition, C.8.11.6 XA/XRF
 * Acquisition, C.8.2.1 CT Image, C.7.6.x Irradiation Event UID). Enhanced XA, XRF and CT images (C.7.6.16 Multi-frame
 * Functional Groups) give them in functional group macros: X-Ray Frame Acquisition, Positioner, Table Position,
 * Collimator, Geometry, Projection Pixel Calibration, Filter, CT Exposure, CT X-Ray Details, CT Acquisition Details,
 * CT Position, Frame Content and Irradiation Event Identification. A value is looked up in the frame's per-frame
 * group, then in the shared group, then at the top level.
 *
 * <p>Units are converted to the canonical unit of each quantity (DESIGN.md): the header's µA, µs, µAs, ms, dGy·cm²
 * and dGy to mA, s, mAs, Gy·m² and Gy. Reading never throws on bad values: an unreadable value is left out with an
 * ERROR finding, a negative value of a quantity that cannot be negative likewise, and a value outside the range
 * any X-ray equipment produces is kept with a WARNING; every finding names the attribute path.
 */
public final class TechniqueReader {
    private static final ElementDictionary DICTIONARY = ElementDictionary.standard();
    private static final int TOP = 0;

    private static final int[] TECHNIQUE_MACROS = {Tag.FrameAcquisitionSequence, Tag.PositionerPositionSequence,
        Tag.TablePositionSequence, Tag.CollimatorShapeSequence, Tag.XRayGeometrySequence,
        Tag.ProjectionPixelCalibrationSequence, Tag.XRayFilterSequence, Tag.CTExposureSequence,
        Tag.CTXRayDetailsSequence, Tag.CTAcquisitionDetailsSequence, Tag.CTPositionSequence,
        Tag.IrradiationEventIdentificationSequence, Tag.FrameContentSequence};

    private TechniqueReader() {
    }

    /** The technique of {@code image}; never throws for missing or unreadable values (see findings). */
    public static ImageTechnique read(DicomObject image) {
        List<Finding> findings = new ArrayList<>();
        Fields top = new Fields(image, findings);
        Optional<DicomObject> shared = image.items(Tag.SharedFunctionalGroupsSequence).stream().findFirst();
        Scope imageScope = new Scope(null, "", shared.orElse(null), image);
        ExposureTechnique whole = exposure(imageScope, top);

        List<ExposureTechnique> frames = new ArrayList<>();
        List<DicomObject> perFrame = image.items(Tag.PerFrameFunctionalGroupsSequence);
        if (perFrame.stream().anyMatch(TechniqueReader::carriesTechnique)) {
            for (int i = 0; i < perFrame.size(); i++) {
                String where = "PerFrameFunctionalGroupsSequence[" + (i + 1) + "].";
                frames.add(exposure(new Scope(perFrame.get(i), where, shared.orElse(null), image), top));
            }
        }
        int numberOfFrames = top.integer(Tag.NumberOfFrames).orElse(1);
        return new ImageTechnique(top.text(Tag.SOPClassUID).orElse(""), top.text(Tag.SOPInstanceUID).orElse(""),
                top.text(Tag.StudyInstanceUID).orElse(""), top.text(Tag.SeriesInstanceUID).orElse(""),
                top.text(Tag.Modality).orElse(""), device(top), top.text(Tag.ProtocolName),
                top.text(Tag.BodyPartExamined), top.text(Tag.RadiationSetting), numberOfFrames,
                top.quantity(imageScope.at(TOP, Tag.FrameTime), 1e-3, "ms", Unit.SECOND, Range.TIME),
                whole, frames, findings);
    }

    private static boolean carriesTechnique(DicomObject frameGroups) {
        for (int macro : TECHNIQUE_MACROS) {
            if (macro != Tag.FrameContentSequence && frameGroups.contains(macro)) {
                return true;
            }
        }
        return false;
    }

    static Device device(Fields top) {
        return new Device(top.text(Tag.Manufacturer), top.text(Tag.ManufacturerModelName),
                top.text(Tag.DeviceSerialNumber), top.text(Tag.StationName), top.text(Tag.DeviceUID));
    }

    private static ExposureTechnique exposure(Scope s, Fields f) {
        return new ExposureTechnique(acquisitionDateTime(s, f),
                f.firstText(s.at(Tag.IrradiationEventIdentificationSequence, Tag.IrradiationEventUID),
                        s.at(TOP, Tag.IrradiationEventUID)),
                f.quantity(Unit.KILOVOLT, Range.KVP, src(s.at(TOP, Tag.KVP), 1, "kV"),
                        src(s.at(Tag.FrameAcquisitionSequence, Tag.KVP), 1, "kV"),
                        src(s.at(Tag.CTXRayDetailsSequence, Tag.KVP), 1, "kV")),
                f.quantity(Unit.MILLIAMPERE, Range.TUBE_CURRENT, src(s.at(TOP, Tag.XRayTubeCurrentInuA), 1e-3, "uA"),
                        src(s.at(Tag.FrameAcquisitionSequence, Tag.XRayTubeCurrentInmA), 1, "mA"),
                        src(s.at(Tag.CTExposureSequence, Tag.XRayTubeCurrentInmA), 1, "mA"),
                        src(s.at(TOP, Tag.XRayTubeCurrentInmA), 1, "mA"),
                        src(s.at(TOP, Tag.XRayTubeCurrent), 1, "mA")),
                f.quantity(Unit.SECOND, Range.TIME, src(s.at(TOP, Tag.ExposureTimeInuS), 1e-6, "us"),
                        src(s.at(Tag.CTExposureSequence, Tag.ExposureTimeInms), 1e-3, "ms"),
                        src(s.at(TOP, Tag.ExposureTimeInms), 1e-3, "ms"),
                        src(s.at(TOP, Tag.ExposureTime), 1e-3, "ms")),
                f.quantity(Unit.MILLIAMPERE_SECOND, Range.EXPOSURE, src(s.at(TOP, Tag.ExposureInuAs), 1e-3, "uA.s"),
                        src(s.at(Tag.CTExposureSequence, Tag.ExposureInmAs), 1, "mA.s"),
                        src(s.at(TOP, Tag.ExposureInmAs), 1, "mA.s"),
                        src(s.at(TOP, Tag.Exposure), 1, "mA.s")),
                f.quantity(Unit.GRAY_SQUARE_METRE, Range.AREA_DOSE_PRODUCT,
                        src(s.at(TOP, Tag.ImageAndFluoroscopyAreaDoseProduct), 1e-5, "dGy.cm2"),
                        src(s.at(Tag.CTExposureSequence, Tag.ImageAndFluoroscopyAreaDoseProduct), 1e-5, "dGy.cm2")),
                f.quantity(Unit.GRAY, Range.ENTRANCE_DOSE, src(s.at(TOP, Tag.EntranceDoseInmGy), 1e-3, "mGy"),
                        src(s.at(TOP, Tag.EntranceDose), 0.1, "dGy")),
                f.quantity(s.at(TOP, Tag.RelativeXRayExposure), 1, "1", Unit.ONE, Range.NON_NEGATIVE),
                f.quantity(s.at(TOP, Tag.ExposureIndex), 1, "1", Unit.ONE, Range.NON_NEGATIVE),
                f.quantity(s.at(TOP, Tag.DeviationIndex), 1, "1", Unit.ONE, Range.ANY),
                f.quantity(Unit.DEGREE, Range.ANGLE,
                        src(s.at(Tag.PositionerPositionSequence, Tag.PositionerPrimaryAngle), 1, "deg"),
                        src(s.at(TOP, Tag.PositionerPrimaryAngle), 1, "deg")),
                f.quantity(Unit.DEGREE, Range.ANGLE,
                        src(s.at(Tag.PositionerPositionSequence, Tag.PositionerSecondaryAngle), 1, "deg"),
                        src(s.at(TOP, Tag.PositionerSecondaryAngle), 1, "deg")),
                f.quantity(Unit.MILLIMETRE, Range.DISTANCE,
                        src(s.at(Tag.XRayGeometrySequence, Tag.DistanceSourceToDetector), 1, "mm"),
                        src(s.at(TOP, Tag.DistanceSourceToDetector), 1, "mm")),
                f.quantity(s.at(TOP, Tag.DistanceSourceToPatient), 1, "mm", Unit.MILLIMETRE, Range.DISTANCE),
                f.quantity(Unit.MILLIMETRE, Range.DISTANCE,
                        src(s.at(Tag.XRayGeometrySequence, Tag.DistanceSourceToIsocenter), 1, "mm"),
                        src(s.at(TOP, Tag.DistanceSourceToIsocenter), 1, "mm")),
                f.quantity(Unit.MILLIMETRE, Range.ANY,
                        src(s.at(Tag.CTAcquisitionDetailsSequence, Tag.TableHeight), 1, "mm"),
                        src(s.at(Tag.ProjectionPixelCalibrationSequence, Tag.TableHeight), 1, "mm"),
                        src(s.at(Tag.TablePositionSequence, Tag.TableTopVerticalPosition), 1, "mm"),
                        src(s.at(TOP, Tag.TableHeight), 1, "mm"),
                        src(s.at(TOP, Tag.TableTopVerticalPosition), 1, "mm")),
                f.quantity(Unit.MILLIMETRE, Range.ANY,
                        src(s.at(Tag.TablePositionSequence, Tag.TableTopLongitudinalPosition), 1, "mm"),
                        src(s.at(Tag.CTPositionSequence, Tag.TablePosition), 1, "mm"),
                        src(s.at(TOP, Tag.TableTopLongitudinalPosition), 1, "mm"),
                        src(s.at(TOP, Tag.TablePosition), 1, "mm")),
                f.quantity(Unit.MILLIMETRE, Range.ANY,
                        src(s.at(Tag.TablePositionSequence, Tag.TableTopLateralPosition), 1, "mm"),
                        src(s.at(TOP, Tag.TableTopLateralPosition), 1, "mm")),
                f.firstText(s.at(Tag.CollimatorShapeSequence, Tag.CollimatorShape), s.at(TOP, Tag.CollimatorShape)),
                f.firstText(s.at(Tag.CTXRayDetailsSequence, Tag.FilterType),
                        s.at(Tag.XRayFilterSequence, Tag.FilterType), s.at(TOP, Tag.FilterType)),
                f.firstText(s.at(Tag.CTXRayDetailsSequence, Tag.FilterMaterial),
                        s.at(Tag.XRayFilterSequence, Tag.FilterMaterial), s.at(TOP, Tag.FilterMaterial)),
                f.quantity(Unit.MILLIMETRE, Range.FOCAL_SPOT,
                        src(s.at(Tag.CTXRayDetailsSequence, Tag.FocalSpots), 1, "mm"),
                        src(s.at(TOP, Tag.FocalSpots), 1, "mm")),
                f.quantity(Unit.MILLIGRAY, Range.CTDIVOL,
                        src(s.at(Tag.CTExposureSequence, Tag.CTDIvol), 1, "mGy"),
                        src(s.at(TOP, Tag.CTDIvol), 1, "mGy")));
    }

    private static Optional<LocalDateTime> acquisitionDateTime(Scope s, Fields f) {
        Optional<LocalDateTime> frame = f.dateTime(s.at(Tag.FrameContentSequence, Tag.FrameAcquisitionDateTime));
        if (frame.isPresent()) {
            return frame;
        }
        Optional<LocalDateTime> dt = f.dateTime(s.at(TOP, Tag.AcquisitionDateTime));
        return dt.isPresent() ? dt : f.dateAndTime(Tag.AcquisitionDate, Tag.AcquisitionTime);
    }

    /** Where a value of one frame (or of the image as a whole) is looked up, most specific first. */
    private record Scope(DicomObject frame, String framePath, DicomObject shared, DicomObject top) {
        /** The element {@code tag} inside functional group {@code macro} (TOP: at the top level), or null. */
        Located at(int macro, int tag) {
            if (macro == TOP) {
                return top.contains(tag) ? new Located(top, tag, DICTIONARY.keywordOf(tag)) : null;
            }
            Located inShared = inGroup(shared, "SharedFunctionalGroupsSequence[1].", macro, tag, null);
            Located inFrame = inGroup(frame, framePath, macro, tag, inShared);
            return inFrame != null ? inFrame : inShared;
        }

        private static Located inGroup(DicomObject group, String prefix, int macro, int tag, Located fallback) {
            if (group == null) {
                return null;
            }
            List<DicomObject> items = group.items(macro);
            if (items.isEmpty() || !items.get(0).contains(tag)) {
                return null;
            }
            return new Located(items.get(0), tag,
                    prefix + DICTIONARY.keywordOf(macro) + "[1]." + DICTIONARY.keywordOf(tag), fallback);
        }
    }

    /**
     * One element found: the data set holding it, its tag, its attribute path for findings, and where to look when
     * its value cannot be used (a per-frame value falls back to the shared one), or null.
     */
    record Located(DicomObject holder, int tag, String path, Located fallback) {
        Located(DicomObject holder, int tag, String path) {
            this(holder, tag, path, null);
        }
    }

    /** An element that may hold a quantity, with the factor to the canonical unit and the unit as written. */
    record Source(Located at, double factor, String unit) {
    }

    private static Source src(Located at, double factor, String unit) {
        return new Source(at, factor, unit);
    }

    /** Plausible values of a quantity, in its canonical unit; below {@code floor} is impossible. */
    enum Range {
        ANY(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
        NON_NEGATIVE(0, 0, Double.POSITIVE_INFINITY),
        KVP(0, 15, 160),
        TUBE_CURRENT(0, 0, 2000),
        TIME(0, 0, 3600),
        EXPOSURE(0, 0, 10_000),
        AREA_DOSE_PRODUCT(0, 0, 1),
        ENTRANCE_DOSE(0, 0, 100),
        ANGLE(Double.NEGATIVE_INFINITY, -360, 360),
        DISTANCE(0, 100, 5000),
        FOCAL_SPOT(0, 0, 5),
        CTDIVOL(0, 0, 5000);

        final double floor;
        final double low;
        final double high;

        Range(double floor, double low, double high) {
            this.floor = floor;
            this.low = low;
            this.high = high;
        }
    }

    /** Typed reads that turn bad values into findings. */
    static final class Fields {
        private final DicomObject top;
        private final List<Finding> findings;

        Fields(DicomObject top, List<Finding> findings) {
            this.top = top;
            this.findings = findings;
        }

        Optional<String> text(int tag) {
            return firstText(top.contains(tag) ? new Located(top, tag, DICTIONARY.keywordOf(tag)) : null);
        }

        Optional<String> firstText(Located... candidates) {
            for (Located l : candidates) {
                if (l == null) {
                    continue;
                }
                try {
                    List<String> values = l.holder().strings(l.tag()).stream().map(String::strip)
                            .filter(v -> !v.isEmpty()).toList();
                    if (!values.isEmpty()) {
                        return Optional.of(String.join("\\", values));
                    }
                } catch (InvalidValueException e) {
                    unreadable(l, e);
                }
                if (l.fallback() != null) {
                    Optional<String> f = firstText(l.fallback());
                    if (f.isPresent()) {
                        return f;
                    }
                }
            }
            return Optional.empty();
        }

        Optional<Integer> integer(int tag) {
            try {
                return top.findInt(tag).stream().boxed().findFirst();
            } catch (InvalidValueException e) {
                unreadable(new Located(top, tag, DICTIONARY.keywordOf(tag)), e);
                return Optional.empty();
            }
        }

        Optional<LocalDateTime> dateTime(Located l) {
            if (l == null) {
                return Optional.empty();
            }
            try {
                return l.holder().findDateTime(l.tag()).map(d -> d.value());
            } catch (InvalidValueException | java.time.DateTimeException e) {
                unreadable(l, e);
                return Optional.empty();
            }
        }

        Optional<LocalDateTime> dateAndTime(int dateTag, int timeTag) {
            try {
                return top.findDateTime(dateTag, timeTag);
            } catch (InvalidValueException | java.time.DateTimeException e) {
                unreadable(new Located(top, timeTag, DICTIONARY.keywordOf(dateTag) + "+"
                        + DICTIONARY.keywordOf(timeTag)), e);
                return Optional.empty();
            }
        }

        Optional<Quantity> quantity(Located l, double factor, String originalUnit, Unit unit, Range range) {
            if (l == null) {
                return Optional.empty();
            }
            Optional<Quantity> q = usable(l, factor, originalUnit, unit, range);
            return q.isPresent() ? q : quantity(l.fallback(), factor, originalUnit, unit, range);
        }

        private Optional<Quantity> usable(Located l, double factor, String originalUnit, Unit unit, Range range) {
            double written;
            try {
                var value = l.holder().findDouble(l.tag());
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                written = value.getAsDouble();
            } catch (InvalidValueException e) {
                unreadable(l, e);
                return Optional.empty();
            }
            if (!Double.isFinite(written) || written < range.floor) {
                findings.add(new Finding(Finding.Severity.ERROR, l.path(),
                        "impossible value " + written + " " + originalUnit + "; not used"));
                return Optional.empty();
            }
            // dividing by 1000 (not multiplying by 0.001) gives 0.206 s for 206 ms, not 0.20600000000000002
            double canonical = factor < 1 ? written / Math.rint(1 / factor) : written * factor;
            if (canonical < range.low || canonical > range.high) {
                findings.add(new Finding(Finding.Severity.WARNING, l.path(), "implausible value " + written + " "
                        + originalUnit + " (expected " + range.low / factor + " to " + range.high / factor + ")"));
            }
            return Optional.of(new Quantity(canonical, unit, written, originalUnit));
        }

        /** The first source that gives a usable value, in the order given. */
        Optional<Quantity> quantity(Unit unit, Range range, Source... sources) {
            for (Source s : sources) {
                Optional<Quantity> q = quantity(s.at(), s.factor(), s.unit(), unit, range);
                if (q.isPresent()) {
                    return q;
                }
            }
            return Optional.empty();
        }

        private void unreadable(Located l, RuntimeException e) {
            findings.add(new Finding(Finding.Severity.ERROR, l.path(), "unreadable value: " + e.getMessage()
                    + "; not used"));
        }
    }
}
