package org.kerma.dose.reference;

import java.util.Locale;
import java.util.Optional;
import org.kerma.dose.Unit;

/**
 * The dose quantities a study is compared on with reference levels and alert rules, each in its canonical unit
 * (DESIGN.md). Study totals come from the study's dose summary; the peak values from its standing events.
 */
public enum DoseQuantity {
    /** Dose (kerma) area product of the study, P_KA (KAP). */
    DAP(Unit.GRAY_SQUARE_METRE),
    /** Air kerma at the patient entrance reference point of the study (planes summed). */
    RP_AIR_KERMA(Unit.GRAY),
    /** Total fluoroscopy time of the study. */
    FLUORO_TIME(Unit.SECOND),
    /** Dose length product of the CT study. */
    DLP(Unit.MILLIGRAY_CENTIMETRE),
    /** The highest CTDIvol of the study's CT irradiation events (a per-sequence value). */
    CTDIVOL(Unit.MILLIGRAY),
    /** The highest dose area product of one irradiation event. */
    PEAK_EVENT_DAP(Unit.GRAY_SQUARE_METRE),
    /** The highest reference point air kerma of one irradiation event. */
    PEAK_EVENT_RP_AIR_KERMA(Unit.GRAY);

    private final Unit unit;

    DoseQuantity(Unit unit) {
        this.unit = unit;
    }

    /** The canonical unit values of this quantity are held in. */
    public Unit unit() {
        return unit;
    }

    /** The quantity named {@code name} ({@code CTDIvol}, {@code rp_air_kerma}: case and - or _ ignored). */
    public static Optional<DoseQuantity> of(String name) {
        String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DoseQuantity q : values()) {
            if (q.name().equals(key)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
