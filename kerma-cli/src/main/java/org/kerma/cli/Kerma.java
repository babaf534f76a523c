package org.kerma.cli;

import java.util.List;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code kerma} command: the top of the command tree and the JVM entry point.
 *
 * <p>{@link #main} only calls {@link #commandLine()} and exits with the code it returns; everything else,
 * including how failures become exit codes, lives on the {@link CommandLine} that {@link #commandLine()} builds, so
 * tests run the real thing without {@code System.exit}. The contract every sub-command follows is in
 * {@code package-info.java}.
 */
@Command(
        name = "kerma",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = KermaVersion.class,
        description = "Kerma: a DICOM node and registry for radiation dose and protocols.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the command failed (the reason is printed; -v adds the stack trace)",
            "2:usage error (unknown option or command, missing or bad argument)",
            "3:the command ran and found problems in what it examined (validate, protocol check)"})
public final class Kerma {

    /** Exit code of a command that did its work. */
    public static final int EXIT_OK = 0;
    /** Exit code of a command that threw: {@code kerma <cmd>: <message>} went to standard error. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of a command line that picocli (or a command) rejected as malformed. */
    public static final int EXIT_USAGE = 2;
    /**
     * Exit code of a command that did its work and found problems in what it examined: validation errors, failed
     * protocol constraints. Such a command lists the code in its own {@code exitCodeList}.
     */
    public static final int EXIT_FINDINGS = 3;

    /** Name of the global option that adds stack traces to failures. */
    static final String VERBOSE = "--verbose";

    /** Every sub-command, in the order {@code --help} lists them. Adding a command is one line here. */
    private static final List<Supplier<Object>> COMMANDS = List.of(
            VersionCommand::new,
            DumpCommand::new,
            EchoCommand::new,
            SendCommand::new,
            FindCommand::new,
            MoveCommand::new,
            GetCommand::new,
            ReceiveCommand::new,
            ImportCommand::new,
            ReindexCommand::new,
            ServeCommand::new,
            UserCommand::new,
            ExportCommand::new,
            ProtocolCommand::new,
            DoseCommand::new,
            RdsrCommand::new,
            AlertsCommand::new,
            ReferenceLevelsCommand::new,
            ValidateCommand::new,
            FindingsCommand::new,
            StdCommand::new,
            CommandLine.HelpCommand::new);

    @Option(names = {"-v", VERBOSE}, scope = ScopeType.INHERIT,
            description = "Print the stack trace when a command fails.")
    private boolean verbose;

    private Kerma() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * Builds the full {@code kerma} command tree with its failure handling: {@code execute(args)} on the result
     * returns the exit code {@link #main} would exit with. Output goes to the command line's {@code getOut()} and
     * {@code getErr()}, which default to standard output and error; set both after adding any extra sub-commands.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Kerma());
        for (Supplier<Object> command : COMMANDS) {
            commandLine.addSubcommand(command.get());
        }
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }
}
