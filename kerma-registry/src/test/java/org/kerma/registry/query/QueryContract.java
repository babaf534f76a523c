package org.kerma.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.index.Level;
import org.kerma.registry.ingest.Origin;

/** C-FIND answers from an index of three studies, run on each database by a subclass. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the tests only read: one index per class
abstract class QueryContract {
    static final String R = TestObjects.ROOT + "5.";
    static final String S1 = R + "1";
    static final String S2 = R + "2";
    static final String S3 = R + "3";

    Path data;
    Registry registry;
    QueryEngine engine;

    abstract String freshDatabaseUrl() throws Exception;

    @BeforeAll
    void fillIndex(@TempDir Path directory) throws Exception {
        data = directory;
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data)
                .withDatabaseUrl(freshDatabaseUrl()));
        engine = new QueryEngine(registry.index(), "KERMA");
        for (int i = 1; i <= 3; i++) {
            store(TestObjects.ctImage("P1", "Doe^Jane", S1, S1 + ".1", S1 + ".1." + i));
        }
        store(TestObjects.doseReport("P1", S1, S1 + ".2", S1 + ".2.1").setString(Tag.StudyDate, "20240315"));
        DicomObject mr = TestObjects.ctImage("P1", "Doe^Jane", S2, S2 + ".1", S2 + ".1.1");
        mr.setString(Tag.Modality, "MR").setString(Tag.StudyDate, "20240401").setString(Tag.AccessionNumber, "A2");
        DicomObject request = mr.newSequence(Tag.RequestAttributesSequence).addItem();
        request.setString(Tag.RequestedProcedureID, "RP2");
        request.setString(Tag.ScheduledProcedureStepID, "SPS2");
        store(mr);
        DicomObject other = TestObjects.ctImage("P2", "Müller^Jürgen", S3, S3 + ".1", S3 + ".1.1");
        other.setString(Tag.StudyDate, "20230110").setString(Tag.AccessionNumber, "A3");
        store(other);
    }

    /** Gives back what {@link #freshDatabaseUrl} took, after the registry closed. */
    void releaseDatabase() throws Exception {
    }

    @AfterAll
    void close() throws Exception {
        registry.close();
        releaseDatabase();
    }

    private void store(DicomObject ds) throws Exception {
        registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ds)), Origin.file("test"));
    }

    /** An identifier with the level and, for each tag, a value (decoder-style, unchecked) or none. */
    static DicomObject keys(Level level, Object... tagsAndValues) {
        DicomObject keys = new DicomObject();
        keys.setString(Tag.QueryRetrieveLevel, level.name());
        for (int i = 0; i < tagsAndValues.length; i += 2) {
            int tag = (Integer) tagsAndValues[i];
            String value = (String) tagsAndValues[i + 1];
            keys.putString(tag, keys.dictionaryVr(tag), value == null ? new String[0] : value.split("\\\\"));
        }
        return keys;
    }

    List<DicomObject> find(QueryModel model, DicomObject keys) {
        try (Stream<DicomObject> answers = engine.find(model, keys)) {
            return answers.toList();
        }
    }

    static List<String> values(List<DicomObject> answers, int tag) {
        return answers.stream().map(a -> String.join("\\", a.strings(tag))).toList();
    }

    @Test
    void studyLevelByPatientIdReturnsEachStudyWithExactlyTheRequestedKeys() {
        List<DicomObject> answers = find(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.PatientID, "P1",
                Tag.StudyInstanceUID, null, Tag.StudyDate, null, Tag.ModalitiesInStudy, null,
                Tag.NumberOfStudyRelatedInstances, null, Tag.NumberOfStudyRelatedSeries, null,
                Tag.PatientMotherBirthName, null));

        assertThat(values(answers, Tag.StudyInstanceUID)).containsExactly(S1, S2);
        assertThat(values(answers, Tag.StudyDate)).containsExactly("20240315", "20240401");
        assertThat(values(answers, Tag.ModalitiesInStudy)).containsExactly("CT\\SR", "MR");
        assertThat(values(answers, Tag.NumberOfStudyRelatedInstances)).containsExactly("4", "1");
        assertThat(values(answers, Tag.NumberOfStudyRelatedSeries)).containsExactly("2", "1");
        assertThat(values(answers, Tag.QueryRetrieveLevel)).containsExactly("STUDY", "STUDY");
        DicomObject first = answers.get(0);
        assertThat(first.contains(Tag.PatientMotherBirthName)).isTrue();
        assertThat(first.strings(Tag.PatientMotherBirthName)).isEmpty();
        assertThat(first.contains(Tag.AccessionNumber)).isFalse();
        assertThat(first.contains(Tag.PatientName)).isFalse();
    }

    @Test
    void personNamesMatchWildcardsWithoutRegardToCase() {
        assertThat(values(find(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.PatientName, "doe*",
                Tag.StudyInstanceUID, null)), Tag.StudyInstanceUID)).containsExactly(S1, S2);
        assertThat(values(find(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.PatientName, "DOE^JANE",
                Tag.StudyInstanceUID, null)), Tag.StudyInstanceUID)).containsExactly(S1, S2);
        assertThat(find(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.PatientName, "Doe^J?"))).isEmpty();
    }

    @Test
    void aNameInLatin1ComesBackInTheCandidatesCharacterSet() {
        List<DicomObject> answers = find(QueryModel.STUDY_ROOT, keys(Level.STUDY,
                Tag.SpecificCharacterSet, "ISO_IR 100", Tag.PatientName, "MÜLLER*", Tag.StudyInstanceUID, null));

        assertThat(answers).singleElement().satisfies(a -> {
            assertThat(a.getString(Tag.PatientName, "")).isEqualTo("Müller^Jürgen");
            assertThat(a.getString(Tag.SpecificCharacterSet, "")).isEqualTo("ISO_IR 100");
        });
    }

    @Test
    void dateRangesSelectStudiesIncludingTheirBounds() {
        assertThat(values(find(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.StudyDate, "20240301-20240315")),
                Tag.StudyDate)).containsExactly("20240315");
        assertThat(values(find(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.StudyDate, "-20231231",
                Tag.StudyInstanceUID, null)), Tag.StudyInstanceUID)).containsExactly(S3);
        assertThat(values(find(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.StudyDate, "20240315-")),
                Tag.StudyDate)).containsExactly("20240315", "20240401");
    }

    @Test
    void modalitiesInStudyMatchesAnyModalityOfTheStudy() {
        assertThat(values(find(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.ModalitiesInStudy, "SR",
                Tag.StudyInstanceUID, null)), Tag.StudyInstanceUID)).containsExactly(S1);
        assertThat(values(find(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.ModalitiesInStudy, "MR\\SR",
                Tag.StudyInstanceUID, null)), Tag.StudyInstanceUID)).containsExactly(S1, S2);
    }

    @Test
    void seriesLevelListsTheSeriesOfAStudyWithTheirInstanceCounts() {
        List<DicomObject> answers = find(QueryModel.STUDY_ROOT, keys(Level.SERIES, Tag.StudyInstanceUID, S1,
                Tag.SeriesInstanceUID, null, Tag.Modality, null, Tag.NumberOfSeriesRelatedInstances, null));

        assertThat(values(answers, Tag.SeriesInstanceUID)).containsExactly(S1 + ".1", S1 + ".2");
        assertThat(values(answers, Tag.Modality)).containsExactly("CT", "SR");
        assertThat(values(answers, Tag.NumberOfSeriesRelatedInstances)).containsExactly("3", "1");
        assertThat(values(answers, Tag.StudyInstanceUID)).containsExactly(S1, S1);
    }

    @Test
    void imageLevelMatchesAListOfSopInstanceUids() {
        List<DicomObject> answers = find(QueryModel.STUDY_ROOT, keys(Level.IMAGE, Tag.StudyInstanceUID, S1,
                Tag.SeriesInstanceUID, S1 + ".1", Tag.SOPInstanceUID, S1 + ".1.1\\" + S1 + ".1.3",
                Tag.InstanceNumber, null, Tag.RetrieveAETitle, null, Tag.InstanceAvailability, null));

        assertThat(values(answers, Tag.SOPInstanceUID)).containsExactly(S1 + ".1.1", S1 + ".1.3");
        assertThat(values(answers, Tag.InstanceNumber)).containsExactly("3", "3");
        assertThat(values(answers, Tag.RetrieveAETitle)).containsExactly("KERMA", "KERMA");
        assertThat(values(answers, Tag.InstanceAvailability)).containsExactly("ONLINE", "ONLINE");
    }

    @Test
    void aSequenceKeyFindsTheDoseReportByItsConceptName() {
        DicomObject keys = keys(Level.IMAGE, Tag.StudyInstanceUID, S1, Tag.SOPInstanceUID, null);
        DicomObject item = keys.newSequence(Tag.ConceptNameCodeSequence).addItem();
        item.setString(Tag.CodeValue, "113701");
        item.setString(Tag.CodingSchemeDesignator, "DCM");
        item.put(Tag.CodeMeaning, VR.LO, new byte[0]);

        List<DicomObject> answers = find(QueryModel.STUDY_ROOT, keys);

        assertThat(values(answers, Tag.SOPInstanceUID)).containsExactly(S1 + ".2.1");
        DicomObject returned = answers.get(0).items(Tag.ConceptNameCodeSequence).get(0);
        assertThat(returned.getString(Tag.CodeMeaning, "")).isEqualTo("X-Ray Radiation Dose Report");
        assertThat(returned.contains(Tag.CodingSchemeVersion)).isFalse();
    }

    @Test
    void patientRootPatientLevelCountsEachPatientsStudies() {
        List<DicomObject> answers = find(QueryModel.PATIENT_ROOT, keys(Level.PATIENT, Tag.PatientName, "*",
                Tag.PatientID, null, Tag.NumberOfPatientRelatedStudies, null,
                Tag.NumberOfPatientRelatedInstances, null));

        assertThat(values(answers, Tag.PatientID)).containsExactly("P1", "P2");
        assertThat(values(answers, Tag.NumberOfPatientRelatedStudies)).containsExactly("2", "1");
        assertThat(values(answers, Tag.NumberOfPatientRelatedInstances)).containsExactly("5", "1");
    }

    @Test
    void patientRootStudyLevelNarrowsByThePatientId() {
        assertThat(values(find(QueryModel.PATIENT_ROOT, keys(Level.STUDY, Tag.PatientID, "P2",
                Tag.StudyInstanceUID, null)), Tag.StudyInstanceUID)).containsExactly(S3);
    }

    @Test
    void keysTheIndexDoesNotKeepDoNotRestrictTheMatch() {
        assertThat(find(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.PatientMotherBirthName, "Nobody")))
                .hasSize(3);
    }

    @Test
    void refusesThePatientLevelUnderStudyRootAndAMissingLevel() {
        assertThatThrownBy(() -> find(QueryModel.STUDY_ROOT, keys(Level.PATIENT)))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.status()).isEqualTo(0xA900);
                    assertThat(e.getMessage()).contains("'PATIENT'").contains("STUDY_ROOT");
                });
        DicomObject noLevel = new DicomObject().setString(Tag.PatientID, "P1");
        assertThatThrownBy(() -> find(QueryModel.STUDY_ROOT, noLevel))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("the identifier has no Query/Retrieve Level (0008,0052)"));
    }

    List<Retrieval.Target> retrieve(QueryModel model, DicomObject keys) {
        return new Retrieval(registry.index(), registry.archive()).targets(model, keys);
    }

    @Test
    void retrievingAStudyYieldsEveryInstanceOfItWithItsArchivedFile() {
        List<Retrieval.Target> targets = retrieve(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.StudyInstanceUID, S1));

        assertThat(targets).extracting(Retrieval.Target::sopInstanceUid)
                .containsExactly(S1 + ".1.1", S1 + ".1.2", S1 + ".1.3", S1 + ".2.1");
        assertThat(targets).allSatisfy(t -> assertThat(java.nio.file.Files.isRegularFile(t.file())).isTrue());
        assertThat(targets.get(3).sopClassUid()).isEqualTo(org.kerma.dicom.Uid.XRayRadiationDoseSRStorage);
    }

    @Test
    void retrievesByListsOfSeriesAndInstanceUidsAndByPatient() {
        assertThat(retrieve(QueryModel.STUDY_ROOT, keys(Level.SERIES, Tag.StudyInstanceUID, S1,
                Tag.SeriesInstanceUID, S1 + ".2\\" + S2 + ".1"))).extracting(Retrieval.Target::sopInstanceUid)
                .containsExactly(S1 + ".2.1");
        assertThat(retrieve(QueryModel.STUDY_ROOT, keys(Level.IMAGE, Tag.SOPInstanceUID,
                S1 + ".1.2\\" + S3 + ".1.1"))).extracting(Retrieval.Target::sopInstanceUid)
                .containsExactly(S1 + ".1.2", S3 + ".1.1");
        assertThat(retrieve(QueryModel.PATIENT_ROOT, keys(Level.PATIENT, Tag.PatientID, "P2")))
                .extracting(Retrieval.Target::sopInstanceUid).containsExactly(S3 + ".1.1");
    }

    @Test
    void refusesARetrievalWithoutTheUniqueKeyOfItsLevelOrWithAWildcard() {
        assertThatThrownBy(() -> retrieve(QueryModel.STUDY_ROOT, keys(Level.STUDY, Tag.StudyInstanceUID, null,
                Tag.PatientID, "P1"))).isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.status()).isEqualTo(0xA900);
                    assertThat(e.getMessage()).contains("STUDY level retrieval needs a value in (0020,000D)");
                });
        assertThatThrownBy(() -> retrieve(QueryModel.PATIENT_ROOT, keys(Level.PATIENT, Tag.PatientID, "P*")))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.getMessage())
                        .contains("wildcard value 'P*'"));
    }

    @Test
    void aSeriesIsFoundByItsRequestAttributesSequence() {
        DicomObject keys = keys(Level.SERIES, Tag.SeriesInstanceUID, null);
        DicomObject item = keys.newSequence(Tag.RequestAttributesSequence).addItem();
        item.setString(Tag.RequestedProcedureID, "RP2");
        item.put(Tag.ScheduledProcedureStepID, VR.SH, new byte[0]);

        List<DicomObject> answers = find(QueryModel.STUDY_ROOT, keys);

        assertThat(values(answers, Tag.SeriesInstanceUID)).containsExactly(S2 + ".1");
        DicomObject returned = answers.get(0).items(Tag.RequestAttributesSequence).get(0);
        assertThat(returned.getString(Tag.ScheduledProcedureStepID, "")).isEqualTo("SPS2");
    }

    @Test
    void refusesAKeyWhoseValueIsNotTextNamingIt() {
        DicomObject keys = keys(Level.STUDY, Tag.StudyInstanceUID, null);
        keys.put(Tag.PatientID, VR.OB, new byte[] {1, 2});

        assertThatThrownBy(() -> find(QueryModel.STUDY_ROOT, keys)).isInstanceOfSatisfying(QueryException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(0xA900);
                    assertThat(e.getMessage()).contains("(0010,0020)");
                });
    }
}
