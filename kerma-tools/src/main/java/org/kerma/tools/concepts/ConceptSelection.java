package org.kerma.tools.concepts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the concepts that become Java constants. A class holds at most 64 KiB of initializer code, so not all
 * 19,000 concepts of pydicom can be constants: every DCM and UCUM concept is (the dose templates' concept names and
 * units), and the SCT concepts that belong to a context group the dose and radiopharmaceutical templates use (CID 2,
 * 4, 5 and 244 laterality and views; 230/231 presence; 3629; 4000–4099 anatomy, phantoms and agents; 7150–7155
 * segmentation anatomy; 10000–10099 dose), and the SCT concepts that name a content item of a template of PixelMed's
 * template file (such as Has Intent, 363703001). A keyword that pydicom maps to several codes of one scheme is dropped
 * (it names no single concept).
 */
final class ConceptSelection {
    static final List<String> SCHEMES = List.of("DCM", "SCT", "UCUM");
    private static final Set<Long> SCT_CIDS = Set.of(2L, 4L, 5L, 230L, 231L, 244L, 3629L, 7150L, 7151L, 7152L,
            7153L, 7154L, 7155L);

    private ConceptSelection() {
    }

    /** Scheme → selected concepts in source order. */
    static Map<String, List<Concept>> select(List<Concept> all, Set<String> templateSctNames) {
        Map<String, List<Concept>> byScheme = new LinkedHashMap<>();
        SCHEMES.forEach(s -> byScheme.put(s, new ArrayList<>()));
        Map<String, Integer> codesPerKeyword = new LinkedHashMap<>();
        all.forEach(c -> codesPerKeyword.merge(c.scheme() + ":" + c.keyword(), 1, Integer::sum));
        for (Concept c : all) {
            if (!byScheme.containsKey(c.scheme()) || codesPerKeyword.get(c.scheme() + ":" + c.keyword()) > 1) {
                continue;
            }
            if (c.scheme().equals("SCT") && c.cids().stream().noneMatch(ConceptSelection::doseGroup)
                    && !templateSctNames.contains(c.value())) {
                continue;
            }
            byScheme.get(c.scheme()).add(c);
        }
        return byScheme;
    }

    static boolean doseGroup(long cid) {
        return SCT_CIDS.contains(cid) || (cid >= 4000 && cid < 4100) || (cid >= 10000 && cid < 10100);
    }
}
