package org.kerma.dose.vendor;

import java.util.Map;
import java.util.Optional;

/**
 * Unit codes seen in dose reports that are not UCUM, each with the UCUM code it stands for and where it was seen
 * ({@code ../shared/reference/openrem.md} section 4, "non-UCUM unit codes"). One table, one test per row.
 */
public final class UnitQuirks {
    /** A non-UCUM unit code and its UCUM meaning. */
    public record UnitRepair(String written, String ucum, String seenIn) {
    }

    private static final Map<String, UnitRepair> REPAIRS = Map.of(
            "Gym2", new UnitRepair("Gym2", "Gy.m2", "Siemens fluoroscopy and DX (Dual-RDSR-DX.dcm)"),
            "mGycm", new UnitRepair("mGycm", "mGy.cm", "GE and Siemens CT (CT-ESR-GE_Optima.dcm)"),
            "uAs", new UnitRepair("uAs", "uA.s", "Siemens DX, Hologic mammography (Dual-RDSR-DX.dcm)"),
            "pulse/s", new UnitRepair("pulse/s", "{pulse}/s", "GE fluoroscopy (RF-RDSR-GE.dcm)"),
            "Gy.cm^2", new UnitRepair("Gy.cm^2", "Gy.cm2", "Siemens Arcadis Varic (RF-ESR-Siemens-Varic.dcm)"),
            "X-ray sources", new UnitRepair("X-ray sources", "{X-ray sources}", "GE CT (CT-ESR-GE_Optima.dcm)"));

    /** Coding scheme designators written for UCUM by mistake. */
    private static final Map<String, String> SCHEMES = Map.of("UCM", "UCUM");

    private UnitQuirks() {
    }

    /** The repair for a unit code that is not UCUM; empty for any code this table does not list. */
    public static Optional<UnitRepair> repair(String written) {
        return Optional.ofNullable(REPAIRS.get(written));
    }

    /** "UCUM" for a known misspelling of it; empty otherwise. */
    public static Optional<String> scheme(String written) {
        return Optional.ofNullable(SCHEMES.get(written));
    }

    /** Every row of the table. */
    public static Map<String, UnitRepair> all() {
        return REPAIRS;
    }
}
