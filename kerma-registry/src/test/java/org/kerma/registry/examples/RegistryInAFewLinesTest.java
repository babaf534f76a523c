package org.kerma.registry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.ingest.IngestOutcome;
import org.kerma.registry.ingest.Origin;
import org.kerma.registry.ingest.StoreRequest;
import org.kerma.registry.query.QueryModel;
import org.kerma.registry.query.Retrieval;

/** The registry as the DICOM services use it: store what C-STORE brings, answer C-FIND, list what C-MOVE sends. */
class RegistryInAFewLinesTest {
    @TempDir
    Path data;

    @Test
    void storesWhatCStoreBringsAndFindsAndRetrievesIt() throws Exception {
        String study = TestObjects.ROOT + "0";
        String sop = study + ".1.1";
        InputStream dataset = new ByteArrayInputStream(TestObjects.dataset(
                TestObjects.ctImage("PAT-7", "Doe^Jane", study, study + ".1", sop),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));

        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data))) {
            // C-STORE: answer Success only after this returns
            IngestOutcome stored = registry.ingest().storeDataset(dataset,
                    new StoreRequest(Uid.CTImageStorage, sop, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, "KERMA"),
                    Origin.association("CT01", "association 1, message 1"));

            // C-FIND: one pending response per match
            DicomObject keys = new DicomObject().setString(Tag.QueryRetrieveLevel, "STUDY")
                    .setString(Tag.PatientID, "PAT-7").put(Tag.StudyInstanceUID, VR.UI, new byte[0]);
            List<DicomObject> matches;
            try (Stream<DicomObject> found = registry.query().find(QueryModel.STUDY_ROOT, keys)) {
                matches = found.toList();
            }

            // C-MOVE / C-GET: the files to send
            DicomObject moveKeys = new DicomObject().setString(Tag.QueryRetrieveLevel, "STUDY")
                    .setString(Tag.StudyInstanceUID, study);
            List<Retrieval.Target> toSend = registry.retrieval().targets(QueryModel.STUDY_ROOT, moveKeys);

            assertThat(stored.result()).isEqualTo(IngestOutcome.Result.STORED);
            assertThat(matches).singleElement()
                    .satisfies(m -> assertThat(m.getString(Tag.StudyInstanceUID, "")).isEqualTo(study));
            assertThat(toSend).singleElement().satisfies(t -> assertThat(t.file()).isEqualTo(stored.file()));
        }
    }
}
