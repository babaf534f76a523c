package org.kerma.dose.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A versioned set of reference levels (diagnostic reference levels, DRLs) of one jurisdiction and source: UK CT
 * national DRLs 2022, European DRLs for interventional cardiology, or a local set. A study is compared with the
 * version valid at its study date.
 *
 * @param id        stable name of the pack across versions, e.g. {@code uk-ct}
 * @param validTo   last day the version applies (empty: until replaced)
 * @param shipped   true for the packs Kerma ships, false for local ones
 */
public record ReferencePack(String id, String jurisdiction, String name, String version, LocalDate validFrom,
                            Optional<LocalDate> validTo, String source, boolean shipped,
                            List<ReferenceLevel> levels) {

    public ReferencePack {
        levels = List.copyOf(levels);
    }

    /** Whether this version applies on {@code date}. */
    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && validTo.map(to -> !date.isAfter(to)).orElse(true);
    }

    /**
     * Reads a pack data file (see {@code docs/reference-levels.md}): headers {@code id}, {@code jurisdiction},
     * {@code pack}, {@code version}, {@code valid_from}, optional {@code valid_to}, {@code source}; columns
     * {@code exam}, {@code modality}, {@code match}, optional {@code exclude}, {@code quantity}, {@code value}, {@code unit}, {@code note}.
     *
     * @throws IllegalArgumentException naming the file, line and column of what cannot be read
     */
    static ReferencePack from(DataTable t, boolean shipped) {
        List<ReferenceLevel> levels = new ArrayList<>();
        for (DataTable.Row row : t.rows()) {
            DoseQuantity q = DoseQuantity.of(row.get("quantity"))
                    .orElseThrow(() -> row.error("unknown quantity '" + row.get("quantity") + "'"));
            double value;
            ExamMatch match;
            try {
                value = Quantities.canonical(row.number("value"), row.get("unit"), q);
                match = ExamMatch.of(row.optional("modality"), row.optional("match"), row.optional("exclude"));
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
            levels.add(new ReferenceLevel(row.get("exam"), match, q, value, row.optional("note")));
        }
        String validTo = t.meta().getOrDefault("valid_to", "").strip();
        return new ReferencePack(t.meta("id"), t.meta("jurisdiction"), t.meta("pack"), t.meta("version"),
                LocalDate.parse(t.meta("valid_from")),
                validTo.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(validTo)), t.meta("source"),
                shipped, levels);
    }
}
