package org.kerma.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** An unreachable PostgreSQL skips its tests, unless KERMA_REQUIRE_POSTGRES says they must run: then they fail. */
class TestDatabasesTest {

    /** A loopback port nothing listens on (bound, then released). */
    private static String deadServer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    @Test
    void anUnreachableServerFailsTheTestsWhenPostgresIsRequired() throws Exception {
        String server = deadServer();

        assertThatThrownBy(() -> TestDatabases.createPostgres(TestDatabasesTest.class, server, true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("is not reachable").hasMessageContaining("KERMA_REQUIRE_POSTGRES is set");
    }

    @Test
    void anUnreachableServerSkipsTheTestsWithAReasonOtherwise() throws Exception {
        String server = deadServer();

        assertThatThrownBy(() -> TestDatabases.createPostgres(TestDatabasesTest.class, server, false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(server).hasMessageContaining("set KERMA_REQUIRE_POSTGRES");
    }
}
