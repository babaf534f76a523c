package org.kerma.registry.dose;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.dose.DoseReport;
import org.kerma.dose.link.ReportEvents;
import org.kerma.dose.rdsr.RdsrReader;
import org.kerma.registry.index.Findings.Finding;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;
import org.kerma.registry.ingest.Extractor;

/**
 * "dose report": reads a radiation dose report ({@link RdsrReader}) into {@code dose_report},
 * {@code accumulated_dose} and {@code irradiation_event}, then relinks the report's study. Its findings are the
 * reader's (units it does not know, values it could not read, vendor deviations handled), located by content-item
 * path.
 */
public final class DoseReportExtractor implements Extractor {
    private final StudyLinking linking;

    DoseReportExtractor(StudyLinking linking) {
        this.linking = linking;
    }

    @Override
    public String name() {
        return "dose report";
    }

    @Override
    public Set<ObjectClass> classes() {
        return Set.of(ObjectClass.DOSE_REPORT);
    }

    @Override
    public List<String> tables() {
        return DoseTables.REPORT_TABLES;
    }

    @Override
    public List<Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c) throws Exception {
        long study = DoseTables.studyKey(c, instance.studyInstanceUid());
        DoseTables.update(c, "UPDATE study SET study_instance_uid = study_instance_uid WHERE id = ?", study);
        DoseTables.forgetReport(c, instance.id());
        DoseReport report = RdsrReader.read(dataset);
        DoseTables.insertReport(c, instance.id(), study, report, ReportEvents.of(report, dataset));
        linking.relink(c, study);
        return DoseFindings.of(report.findings(), "content item ");
    }
}
