package org.kerma.dose.vendor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.kerma.dicom.Code;

/**
 * Private content items that stand in for absent standard ones of PS3.16 TID 10003B, as data keyed by the coding
 * scheme of the private concepts (never by Manufacturer). The reader consults these tables only when the standard
 * item is absent, and records the {@link Quirk} it applied with the path of the private item.
 *
 * <p>Seen in the field: {@code ../shared/reference/openrem.md} section 4, row "Philips Allura Xper".
 */
public final class PrivateContent {
    /** Coding scheme of the private concepts of Philips Allura Xper and Azurion dose reports. */
    public static final String PHILIPS_XPER = "99PHI-IXR-XPER";

    /**
     * Collimator shutter positions written in a private container, from which Collimated Field Height (113788),
     * Width (113789) and Area (113790) at the detector plane are derived:
     * <pre>
     *   height = (left + right)  × SID / shutterPlaneDistance      (mm)
     *   width  = (top + bottom)  × SID / shutterPlaneDistance      (mm)
     *   area   = height × width / 10⁶                              (m²)
     * </pre>
     * where SID is Distance Source to Detector (113750). Each shutter value is the distance of the shutter from the
     * central ray in a plane at {@code shutterPlaneDistance} from the focal spot, so the field scales by
     * similar triangles to the detector plane at the SID.
     *
     * <p>Philips Allura Xper: "Actual shutter distance from centerpoint of collimator specified in the plane at
     * 1 meter. Unit: mm. End of run value is used." (Philips, DICOM Conformance Statement Allura Xper 8.2, private
     * RDSR content, as quoted by OpenREM's RDSR extractor). Height from left and right, width from top and bottom,
     * is the assignment OpenREM makes and the one its expected values (RF-RDSR-Philips_Allura: 392.826 × 312.828 mm
     * from shutters 164.5 + 164.5 and 131 + 131 mm at SID 1194 mm) assert; the conformance statement does not relate
     * the shutters to the pixel row and column directions by which PS3.16 defines height and width.
     *
     * @param container            the private container holding the four shutters
     * @param left                 left shutter distance (mm)
     * @param right                right shutter distance (mm)
     * @param top                  top shutter distance (mm)
     * @param bottom               bottom shutter distance (mm)
     * @param privateSourceToDetector a private SID item of the event, used when the standard 113750 is absent
     * @param shutterPlaneDistance distance of the shutter plane from the focal spot (mm)
     * @param seenIn               corpus files showing it
     */
    public record ShutterField(Code container, Code left, Code right, Code top, Code bottom,
            Code privateSourceToDetector, double shutterPlaneDistance, String seenIn) {
    }

    /**
     * A private frame count read as Number of Pulses (113768) when the event has none: each frame of a pulsed
     * acquisition or fluoroscopy run is one pulse.
     *
     * @param frames the private NUM item
     * @param seenIn corpus files showing it
     */
    public record FrameCount(Code frames, String seenIn) {
    }

    private static final Map<String, ShutterField> SHUTTER_FIELDS = Map.of(PHILIPS_XPER, new ShutterField(
            philips("005", "Wedges and Shutters"), philips("007", "Left Shutter"), philips("008", "Right Shutter"),
            philips("009", "Top Shutter"), philips("006", "Bottom Shutter"),
            philips("018", "Final Distance Source to Detector"), 1000.0,
            "RF-RDSR-Philips_Allura.dcm, RF-Pat-Orientation-Modifier-Missing.dcm"));

    private static final Map<String, FrameCount> FRAME_COUNTS = Map.of(PHILIPS_XPER, new FrameCount(
            philips("003", "Number of Frames"), "RF-Pat-Orientation-Modifier-Missing.dcm (69 of 316 events)"));

    private PrivateContent() {
    }

    private static Code philips(String value, String meaning) {
        return new Code(value, PHILIPS_XPER, meaning);
    }

    /** Every private shutter convention known, one per coding scheme. */
    public static Collection<ShutterField> shutterFields() {
        return List.copyOf(SHUTTER_FIELDS.values());
    }

    /** Every private frame count known, one per coding scheme. */
    public static Collection<FrameCount> frameCounts() {
        return List.copyOf(FRAME_COUNTS.values());
    }
}
