package org.kerma.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestDatabases;
import org.kerma.registry.TestObjects;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.Findings.Recorded;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.ingest.IngestOutcome;
import org.kerma.registry.ingest.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation at ingest: what the extractor records, where, and how severe. */
class ValidationExtractorTest {
    static final Path OPENREM = Path.of(System.getProperty("kerma.shared", "../../shared"), "corpus", "openrem");
    static final String STUDY = TestObjects.ROOT + "8";

    @TempDir
    Path data;

    private Registry open(boolean validate) throws Exception {
        return Registry.open(RegistryConfig.defaults().withDataDirectory(data)
                .withDatabaseUrl(TestDatabases.sqlite(data)).withValidationAtIngest(validate));
    }

    static List<Recorded> findings(Registry registry, String sopInstanceUid) {
        return registry.index().read("findings", c -> Findings.of(c,
                Hierarchy.find(c, sopInstanceUid).orElseThrow().id()));
    }

    static IngestOutcome store(Registry registry, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return registry.ingest().storeFile(in, Origin.file(file.toString()));
        }
    }

    @Test
    void recordsTheValidatorsFindingsWithModuleAndTagPath() throws Exception {
        DicomObject ct = TestObjects.ctImage("P8", "Doe^Jane", STUDY, STUDY + ".1", STUDY + ".1.1");
        ct.remove(Tag.Modality);
        ct.newSequence(Tag.ProcedureCodeSequence).addItem().setString(Tag.CodingSchemeDesignator, "DCM");
        try (Registry registry = open(true)) {
            store(registry, TestObjects.write(data.resolve("ct.dcm"), ct));
            List<Recorded> found = findings(registry, STUDY + ".1.1");
            assertThat(found).allMatch(r -> r.source().equals(ValidationExtractor.NAME));
            assertThat(found).anySatisfy(r -> {
                assertThat(r.severity()).isEqualTo(Findings.Severity.ERROR);
                assertThat(r.message()).startsWith("MISSING_CONDITIONAL: Modality (0008,0060) type 1C attribute is"
                        + " missing");
                assertThat(r.finding().module()).isEqualTo("general-series");
                assertThat(r.finding().location()).isEqualTo("(0008,0060)");
            });
            assertThat(found).anySatisfy(r -> {
                assertThat(r.severity()).isEqualTo(Findings.Severity.ERROR);
                assertThat(r.message()).startsWith("MISSING_TYPE_1: CodeMeaning (0008,0104)");
                assertThat(r.finding().module()).isEqualTo("general-study");
                assertThat(r.finding().location()).isEqualTo("(0008,1032)[1].(0008,0104)");
            });
            assertThat(found).anySatisfy(r -> {
                assertThat(r.severity()).isEqualTo(Findings.Severity.INFO);
                assertThat(r.message()).startsWith("CONDITION_NOT_EVALUABLE: ");
            });
            assertThat(found).as("Pixel Data is in the file, after what ingest reads")
                    .noneMatch(r -> r.message().contains("PixelData"));
        }
    }

    @Test
    void recordsNothingWhenValidationAtIngestIsOff() throws Exception {
        DicomObject ct = TestObjects.ctImage("P8", "Doe^Jane", STUDY, STUDY + ".1", STUDY + ".1.2");
        ct.remove(Tag.Modality);
        try (Registry registry = open(false)) {
            IngestOutcome outcome = store(registry, TestObjects.write(data.resolve("ct.dcm"), ct));
            assertThat(outcome.findings()).isEmpty();
            assertThat(findings(registry, STUDY + ".1.2")).isEmpty();
        }
    }

    @Test
    void templateFindingsOfADoseReportAreLocatedByContentItemPath() throws Exception {
        try (Registry registry = open(true)) {
            IngestOutcome outcome = store(registry, OPENREM.resolve("CT-RDSR-Siemens_Flash-QA-DS.dcm"));
            List<Recorded> found = findings(registry, outcome.sopInstanceUid());
            assertThat(found).anySatisfy(r -> {
                assertThat(r.severity()).isEqualTo(Findings.Severity.ERROR);
                assertThat(r.message()).startsWith("TEMPLATE_UNITS: ").contains("mGycm");
                assertThat(r.finding().module()).isEqualTo("TID 10012");
                assertThat(r.finding().location()).matches("content item 1(\\.\\d+)+");
            });
        }
    }

    /**
     * The disagreements with dciodvfy that the standard decides (dciodvfy-decisions.tsv in kerma-standard) come out
     * with the standard's severity: Enhanced General Equipment's type 1 attributes in an RDSR are errors (PS3.3
     * A.35.8.3), a birth date in the year 9999 is no error at all (PS3.5 Table 6.2-1).
     */
    @Test
    void decidedDisagreementsWithDciodvfyGetTheStandardsSeverity() throws Exception {
        try (Registry registry = open(true)) {
            IngestOutcome rf = store(registry, OPENREM.resolve("RF-Pat-Orientation-Modifier-Missing.dcm"));
            List<Recorded> found = findings(registry, rf.sopInstanceUid());
            assertThat(found).anySatisfy(r -> {
                assertThat(r.severity()).isEqualTo(Findings.Severity.ERROR);
                assertThat(r.message()).startsWith("MISSING_TYPE_1: DeviceSerialNumber (0018,1000)");
                assertThat(r.finding().module()).isEqualTo("enhanced-general-equipment");
            });
            assertThat(found).anySatisfy(r -> {
                assertThat(r.severity()).isEqualTo(Findings.Severity.ERROR);
                assertThat(r.message()).startsWith("EMPTY_TYPE_1: Manufacturer (0008,0070)");
            });
            IngestOutcome nm = store(registry, OPENREM.resolve("NM-CT-RDSR-Siemens.dcm"));
            assertThat(findings(registry, nm.sopInstanceUid())).isNotEmpty()
                    .noneMatch(r -> r.message().contains("PatientBirthDate"));
        }
    }
}
