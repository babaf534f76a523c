package org.kerma.registry.dose;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.dose.technique.ImageTechnique;
import org.kerma.dose.technique.TechniqueReader;
import org.kerma.registry.index.Findings.Finding;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;
import org.kerma.registry.ingest.Extractor;

/**
 * "image technique": reads the X-ray technique of an image header ({@link TechniqueReader}) into
 * {@code image_technique}, then relinks the image's study. Images of modalities that use no X-rays (MR, US, NM,
 * ...) are left out. Its findings are the reader's, located by attribute path.
 */
public final class ImageTechniqueExtractor implements Extractor {
    /** Modalities whose images an X-ray exposure produced. */
    static final Set<String> X_RAY_MODALITIES = Set.of("CR", "CT", "DX", "DF", "DS", "IO", "MG", "PX", "RF", "RG",
            "XA");

    private final StudyLinking linking;

    ImageTechniqueExtractor(StudyLinking linking) {
        this.linking = linking;
    }

    @Override
    public String name() {
        return "image technique";
    }

    @Override
    public Set<ObjectClass> classes() {
        return Set.of(ObjectClass.IMAGE);
    }

    @Override
    public List<String> tables() {
        return DoseTables.IMAGE_TABLES;
    }

    @Override
    public List<Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c) throws Exception {
        ImageTechnique technique = TechniqueReader.read(dataset);
        if (!X_RAY_MODALITIES.contains(technique.modality())) {
            return List.of();
        }
        long study = DoseTables.studyKey(c, instance.studyInstanceUid());
        DoseTables.update(c, "UPDATE study SET study_instance_uid = study_instance_uid WHERE id = ?", study);
        DoseTables.forgetTechnique(c, instance.id());
        DoseTables.insertTechnique(c, instance.id(), study, technique);
        linking.relink(c, study);
        return DoseFindings.of(technique.findings(), "");
    }
}
