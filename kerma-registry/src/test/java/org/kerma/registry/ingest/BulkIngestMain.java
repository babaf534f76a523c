package org.kerma.registry.ingest;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;

/**
 * A separate JVM for the crash test: ingests {@code count} CT images as C-STORE data sets and prints
 * {@code acknowledged <sop-instance-uid>} after each outcome, as an SCP would answer Success. Arguments: data
 * directory, database URL, count.
 */
public final class BulkIngestMain {
    private BulkIngestMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = Integer.parseInt(args[2]);
        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data)
                .withDatabaseUrl(args[1]))) {
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; i < count; i++) {
                String study = TestObjects.ROOT + "8." + (i / 100);
                String sop = study + ".1." + i;
                byte[] dataset = TestObjects.dataset(TestObjects.ctImage("K" + (i / 100), "Kill^Nine", study,
                        study + ".1", sop), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                registry.ingest().storeDataset(new ByteArrayInputStream(dataset),
                        new StoreRequest(Uid.CTImageStorage, sop, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "KERMA"),
                        Origin.association("BULK", "bulk message " + i));
                System.out.println("acknowledged " + sop);
                System.out.flush();
            }
        }
    }
}
