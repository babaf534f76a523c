package org.kerma.dose.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The reference level packs Kerma ships, and the comparison of a study with the packs valid at its date.
 *
 * <p>Matching: for each pack id, the version valid on the study date (the latest {@code valid_from} when versions
 * overlap); in it, the first level in file order whose {@link ExamMatch} matches the study names the exam; the
 * study is then compared with every level of that exam whose quantity it has. So specific exams are listed before
 * general ones (CT pulmonary angiography before chest, PCI before coronary angiography).
 */
public final class ReferenceLevels {
    /** The pack files shipped in this package, one per pack version. */
    static final List<String> SHIPPED = List.of("packs/uk-ukhsa-ct-2022.tsv", "packs/eu-interventional-cardiology-2018.tsv");

    private ReferenceLevels() {
    }

    /** The packs Kerma ships, read from the resources of this package. */
    public static List<ReferencePack> shipped() {
        return SHIPPED.stream().map(r -> ReferencePack.from(DataTable.resource(r), true)).toList();
    }

    /** The comparisons of {@code study} with {@code packs}; empty when it has no study date or no pack applies. */
    public static List<ReferenceComparison> compare(StudyExposure study, List<ReferencePack> packs) {
        if (study.studyDate().isEmpty()) {
            return List.of();
        }
        List<ReferenceComparison> out = new ArrayList<>();
        for (ReferencePack pack : validOn(study.studyDate().get(), packs)) {
            Optional<String> exam = pack.levels().stream().filter(l -> l.match().matches(study)).findFirst()
                    .map(ReferenceLevel::exam);
            if (exam.isEmpty()) {
                continue;
            }
            for (ReferenceLevel level : pack.levels()) {
                OptionalDouble v = study.value(level.quantity());
                if (level.exam().equals(exam.get()) && v.isPresent()) {
                    double value = v.getAsDouble();
                    out.add(new ReferenceComparison(pack, level, value, value / level.value(), value > level.value()));
                }
            }
        }
        return out;
    }

    /** Per pack id, the version valid on {@code date}. */
    static List<ReferencePack> validOn(LocalDate date, List<ReferencePack> packs) {
        Map<String, ReferencePack> valid = new LinkedHashMap<>();
        packs.stream().filter(p -> p.validOn(date)).sorted(Comparator.comparing(ReferencePack::validFrom))
                .forEach(p -> valid.put(p.id(), p));
        return List.copyOf(valid.values());
    }
}
