package org.kerma.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code kerma} command tree in the test JVM: its exit code and what it printed. */
record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code kerma args...}, with any test-only sub-commands added to the real tree. */
    static CommandRun kerma(Object[] extraCommands, String... args) {
        CommandLine commandLine = Kerma.commandLine();
        for (Object command : extraCommands) {
            commandLine.addSubcommand(command);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
