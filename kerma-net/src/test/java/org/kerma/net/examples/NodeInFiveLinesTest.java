package org.kerma.net.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.net.AeConfig;
import org.kerma.net.DicomNode;
import org.kerma.net.Status;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;

/** The front door: a storage node in five lines, and a client echoing it. Compiled and run with the tests. */
class NodeInFiveLinesTest {

    @Test
    void aStorageNodeInFiveLines(@TempDir Path dir) throws Exception {
        try (DicomNode node = DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onStore((request, data) -> {
                    Files.copy(data, dir.resolve(request.sopInstanceUid() + ".bin"));
                    return Status.SUCCESS;
                }).start()) {

            try (DicomClient client = DicomClient.connect(Connection.to("KERMA", "localhost", node.port()),
                    Proposal.verification())) {
                assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            }
        }
    }
}
