package org.kerma.dose.vendor;

/**
 * The vendor deviations from PS3.16 that the RDSR reader handles, as data: each names what was seen in the field,
 * where (OpenREM's notes, {@code ../shared/reference/openrem.md} section 4) and the corpus file that shows it, and
 * has a test on that file. A report lists the quirks applied to it with the content item path.
 */
public enum Quirk {
    GE_CT_ENHANCED_SR("GE CT dose report sent as Enhanced SR (1.2.840.10008.5.1.4.1.1.88.22) carrying TID 10011",
            "CT-ESR-GE_Optima.dcm"),
    MISSING_HAS_INTENT("Procedure reported without its mandatory Has Intent child (TID 10001/10011 row 2.1)",
            "CT-ESR-GE_Optima.dcm"),
    MISSING_TEMPLATE_IDENTIFIER("no Content Template Sequence; template inferred from the document title (113701) and"
            + " Procedure reported (113704 Projection X-Ray, P5-08000 Computed Tomography X-Ray)",
            "RF-RDSR-GE-OECEliteMiniView.dcm"),
    DEVICE_OBSERVER_UID_AS_TEXT("Device Observer UID (121012) coded as TEXT instead of UIDREF", "RF-RDSR-GE.dcm"),
    UNIT_CODE_NOT_UCUM("a unit code that is not UCUM, repaired from the table of known vendor unit codes",
            "Dual-RDSR-DX.dcm"),
    UNIT_SCHEME_MISSPELT("units coded in scheme \"UCM\" instead of \"UCUM\"", "RF-RDSR-GE.dcm"),
    UNIT_NOT_CANONICAL("a valid UCUM unit other than the canonical one (dGy.cm2 for DAP, mGy for Dose (RP)),"
            + " converted", "RF-RDSR-Canon-Ultimaxi-mGyDoseAtRP.dcm"),
    NUMERIC_VALUE_SLASH_SEPARATED("Numeric Value with several values separated by '/' (\"10.50/ 15.00\"); the first is"
            + " read", "CT-RDSR-Toshiba_MultiValSD.dcm"),
    PERSON_NAME_VALUE_TYPE("Person Name (113870) of the dose check with Value Type \"PERSON NAME\" instead of PNAME",
            "CT-RDSR-SpectrumDynamics.dcm"),
    EMPTY_REQUIRED_VALUE("a required content item without a value (empty Measured Value Sequence or Concept Code"
            + " Sequence); left out of the result", "CT-RDSR-Philips_BigBore4DCT.dcm"),
    PRIVATE_SHUTTER_FIELD("no Collimated Field Height/Width/Area (113788/113789/113790); derived from private"
            + " shutter positions (Philips 99PHI-IXR-XPER \"Wedges and Shutters\") × Distance Source to Detector;"
            + " the SID of an earlier event of the same plane is carried when the event has none (Philips writes it"
            + " only when it changes)",
            "RF-RDSR-Philips_Allura.dcm"),
    PRIVATE_FRAMES_AS_PULSES("no Number of Pulses (113768); the private frame count (Philips 99PHI-IXR-XPER"
            + " \"Number of Frames\") read instead", "RF-Pat-Orientation-Modifier-Missing.dcm");

    private final String description;
    private final String sampleFile;

    Quirk(String description, String sampleFile) {
        this.description = description;
        this.sampleFile = sampleFile;
    }

    public String description() {
        return description;
    }

    /** The file of the shared corpus ({@code corpus/openrem/}) that shows the deviation. */
    public String sampleFile() {
        return sampleFile;
    }
}
