package org.kerma.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.Response;
import org.kerma.net.service.Instance;
import org.kerma.net.testing.Samples;

/** {@link DicomNode#shutdown}: stop accepting, finish what is in flight, then close. */
class GracefulShutdownTest {

    @Test
    void refusesNewCallersButFinishesTheStoreInFlight() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DicomNode node = DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onStore((request, data) -> {
                    data.readAllBytes();
                    entered.countDown();
                    release.await();
                    return Status.SUCCESS;
                }).start();
        int port = node.port();
        DicomObject ct = Samples.ct("P1", 1, 1);
        CompletableFuture<Status> stored = CompletableFuture.supplyAsync(() -> {
            try (DicomClient client = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", port)
                    .withCallingAe("CT1"), Proposal.storage(List.of(Instance.of(ct))))) {
                Response r = client.store(ct);
                client.release();
                return r.status();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return node.shutdown(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
        assertThat(drained).isNotDone();
        release.countDown();

        assertThat(stored.get(10, TimeUnit.SECONDS)).isEqualTo(Status.SUCCESS);
        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void abortsWhatIsStillOpenWhenTheGraceRunsOut() throws Exception {
        DicomNode node = DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()).start();
        try (DicomClient idle = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", node.port())
                .withCallingAe("CT1"), Proposal.verification())) {
            assertThat(idle.echo()).isEqualTo(Status.SUCCESS);

            assertThat(node.shutdown(Duration.ofMillis(300))).isFalse();
            assertThatThrownBy(idle::echo).isInstanceOf(IOException.class);
        }
    }
}
