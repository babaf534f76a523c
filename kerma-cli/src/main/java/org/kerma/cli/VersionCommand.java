package org.kerma.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kerma version}: the same two lines as {@code kerma --version}. */
@Command(name = "version", description = "Print Kerma's version and the Java runtime's.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String line : KermaVersion.lines()) {
            out.println(line);
        }
        out.flush();
        return Kerma.EXIT_OK;
    }
}
