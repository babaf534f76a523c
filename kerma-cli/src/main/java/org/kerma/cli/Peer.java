package org.kerma.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every network command shares, named as in dcmtk: {@code -aet}, {@code -aec}, host, port. */
final class Peer {

    @Option(names = {"-aet", "--aetitle"}, paramLabel = "AE", defaultValue = "KERMA",
            description = "Calling AE title: this side (default: ${DEFAULT-VALUE}).")
    String callingAe;

    @Option(names = {"-aec", "--call"}, paramLabel = "AE", defaultValue = "ANY-SCP",
            description = "Called AE title: the peer (default: ${DEFAULT-VALUE}).")
    String calledAe;

    @Option(names = {"-to", "--timeout"}, paramLabel = "SECONDS", defaultValue = "60",
            description = "Connect and DIMSE timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Parameters(index = "0", paramLabel = "HOST", description = "The peer's host name or address.")
    String host;

    @Parameters(index = "1", paramLabel = "PORT", description = "The peer's port.")
    int port;

    org.kerma.net.client.Connection connection() {
        java.time.Duration t = java.time.Duration.ofSeconds(timeoutSeconds);
        return org.kerma.net.client.Connection.to(calledAe, host, port).withCallingAe(callingAe).withTimeouts(t, t);
    }
}
