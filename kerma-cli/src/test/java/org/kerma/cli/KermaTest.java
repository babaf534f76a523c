package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

class KermaTest {

    /** A command that fails the way real ones do: by throwing with a message that says what went wrong. */
    @Command(name = "fail", description = "Test only: always throws.")
    static final class FailingCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("cannot read /no/such/file.dcm");
        }
    }

    /** A command that rejects its arguments after parsing, as a command checking a combination would. */
    @Command(name = "reject", description = "Test only: rejects its arguments.")
    static final class RejectingCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "--from must come before --to");
        }
    }

    private static CommandRun kerma(String... args) {
        return CommandRun.kerma(new Object[] {new FailingCommand(), new RejectingCommand()}, args);
    }

    @Test
    void helpExitsZeroAndListsTheSubCommands() {
        CommandRun run = kerma("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: kerma")
                .containsPattern("(?m)^\\s+version\\s+Print Kerma's version")
                .containsPattern("(?m)^\\s+help\\s+")
                .contains("-v, --verbose");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpOfASubCommandExitsZero() {
        CommandRun run = kerma("version", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: kerma version");
    }

    @Test
    void versionOptionPrintsKermaVersionThenJavaVersion() {
        CommandRun run = kerma("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "kerma " + KermaVersion.kermaVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + ")");
        assertThat(KermaVersion.kermaVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void versionCommandPrintsTheSameAsVersionOption() {
        CommandRun command = kerma("version");

        assertThat(command.exitCode()).isZero();
        assertThat(command.out()).isEqualTo(kerma("--version").out());
    }

    @Test
    void unknownOptionExitsTwoNamingTheOption() {
        CommandRun run = kerma("--frobnicate");

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_USAGE);
        assertThat(run.err())
                .startsWith("kerma: Unknown option: '--frobnicate'")
                .contains("Try 'kerma --help' for more information.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOptionOfASubCommandNamesTheSubCommand() {
        CommandRun run = kerma("version", "--frobnicate");

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_USAGE);
        assertThat(run.err()).startsWith("kerma version: Unknown option: '--frobnicate'");
    }

    @Test
    void misspeltCommandExitsTwoWithASuggestion() {
        CommandRun run = kerma("verison");

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_USAGE);
        assertThat(run.err()).contains("'verison'").contains("version");
    }

    @Test
    void noCommandExitsTwoAndPrintsUsage() {
        CommandRun run = kerma();

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_USAGE);
        assertThat(run.err()).contains("Usage: kerma").contains("Commands:");
    }

    @Test
    void failingCommandExitsOneWithOneLineNamingTheCommand() {
        CommandRun run = kerma("fail");

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(run.err()).isEqualTo("kerma fail: cannot read /no/such/file.dcm" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void verboseBeforeTheCommandAddsTheStackTrace() {
        CommandRun run = kerma("-v", "fail");

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(run.err().lines().toList())
                .startsWith("kerma fail: cannot read /no/such/file.dcm",
                        "java.lang.IllegalStateException: cannot read /no/such/file.dcm")
                .anyMatch(line -> line.contains("at org.kerma.cli.KermaTest$FailingCommand.call"));
    }

    @Test
    void verboseAfterTheCommandAddsTheStackTrace() {
        CommandRun run = kerma("fail", "--verbose");

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(run.err()).contains("java.lang.IllegalStateException: cannot read /no/such/file.dcm");
    }

    @Test
    void commandRejectingItsArgumentsExitsTwo() {
        CommandRun run = kerma("reject");

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_USAGE);
        assertThat(run.err()).startsWith("kerma reject: --from must come before --to");
    }

    @Test
    void failureWithoutMessageIsReportedByItsType() {
        assertThat(FailureHandler.describe(new NullPointerException())).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void helpListsEveryExitCodeIncludingFoundProblems() {
        CommandRun run = CommandRun.kerma(new Object[0], "--help");
        assertThat(run.out()).contains("2   usage error", "3   the command ran and found problems");
    }
}
