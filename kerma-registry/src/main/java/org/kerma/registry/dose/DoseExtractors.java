package org.kerma.registry.dose;

import java.util.List;
import org.kerma.dose.link.Linker;
import org.kerma.registry.ingest.Extractor;

/** The two dose extractors, sharing one linker. */
public final class DoseExtractors {
    private DoseExtractors() {
    }

    /** "dose report" and "image technique", linking with {@code linker}. */
    public static List<Extractor> of(Linker linker) {
        StudyLinking linking = new StudyLinking(linker);
        return List.of(new DoseReportExtractor(linking), new ImageTechniqueExtractor(linking));
    }
}
