package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.FileMetaInformation;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.net.service.Instance;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.ingest.Origin;

/** The quick way to an archived instance's data set gives what a full header parse gives, or falls back to it. */
class ArchivedInstanceTest {
    @TempDir
    Path data;

    private static Instance both(Registry registry, String sop) throws Exception {
        IndexedInstance row = registry.index().read("find", c -> Hierarchy.find(c, sop)).orElseThrow();
        Path file = registry.archive().resolve(row.filePath());
        Instance quick = RegistryServices.archived(row, file);
        Instance parsed = Instance.ofFile(file);
        assertThat(quick.datasetOffset()).isEqualTo(parsed.datasetOffset());
        assertThat(quick.transferSyntax()).isEqualTo(parsed.transferSyntax());
        assertThat(quick.sopClassUid()).isEqualTo(parsed.sopClassUid());
        assertThat(quick.sopInstanceUid()).isEqualTo(parsed.sopInstanceUid());
        return quick;
    }

    @Test
    void findsTheDataSetOfAFileWithGroupLengthAndOfOneWithout() throws Exception {
        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data))) {
            DicomObject withLength = TestImages.ct("AI", 60, 1, 1);
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            DicomWriter.writeFile(a, null, withLength, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
            registry.ingest().storeFile(new ByteArrayInputStream(a.toByteArray()), Origin.file("a.dcm"));

            DicomObject without = TestImages.ct("AI", 60, 1, 2);
            DicomObject meta = FileMetaInformation.create(without, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null);
            meta.remove(Tag.FileMetaInformationGroupLength);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(new byte[128]);
            b.write("DICM".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            DicomWriter.writeDataset(b, meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
            DicomWriter.writeDataset(b, without, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
            registry.ingest().storeFile(new ByteArrayInputStream(b.toByteArray()), Origin.file("b.dcm"));

            assertThat(both(registry, TestImages.sop(60, 1, 1)).transferSyntax())
                    .isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            assertThat(both(registry, TestImages.sop(60, 1, 2)).datasetOffset()).isGreaterThan(132);
        }
    }
}
