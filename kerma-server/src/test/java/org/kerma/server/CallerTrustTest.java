package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.net.AssociationRejectedException;
import org.kerma.net.Status;
import org.kerma.net.TrustedNode;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;

/** Who may associate with the node: the trusted-node list, and the accept-any switch. */
class CallerTrustTest {
    @TempDir
    Path data;

    private KermaNode node(List<TrustedNode> trusted, boolean acceptAny) throws Exception {
        return KermaNode.start(NodeConfig.defaults().withDataDirectory(data).withPorts(0, 0)
                .withTrustedNodes(trusted, acceptAny));
    }

    private static Status echo(KermaNode node, String callingAe) throws Exception {
        try (DicomClient client = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", node.dicomPort())
                .withCallingAe(callingAe), Proposal.verification())) {
            return client.echo();
        }
    }

    @Test
    void rejectsAssociationFromUnknownCallingAePermanently() throws Exception {
        try (KermaNode node = node(List.of(new TrustedNode("CT01", "127.0.0.1", 104)), false)) {
            AssociationRejectedException e = catchThrowableOfType(() -> echo(node, "STRANGER"),
                    AssociationRejectedException.class);

            assertThat(e.result()).as("rejected-permanent").isEqualTo(1);
            assertThat(e.source()).as("service-user").isEqualTo(1);
            assertThat(e.reason()).as("calling AE title not recognized").isEqualTo(3);
            assertThat(echo(node, "CT01")).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void acceptsAnUnknownCallingAeWhenAcceptAnyIsOn() throws Exception {
        try (KermaNode node = node(List.of(new TrustedNode("CT01", "127.0.0.1", 104)), true)) {
            assertThat(echo(node, "STRANGER")).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void rejectsAKnownAeTitleCallingFromAnotherHost() throws Exception {
        try (KermaNode node = node(List.of(new TrustedNode("CT01", "192.0.2.10", 104)), false)) {
            AssociationRejectedException e = catchThrowableOfType(() -> echo(node, "CT01"),
                    AssociationRejectedException.class);

            assertThat(e.reason()).isEqualTo(3);
        }
    }
}
