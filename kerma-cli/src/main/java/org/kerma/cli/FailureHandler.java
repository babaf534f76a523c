package org.kerma.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into one line on standard error, {@code kerma <cmd>: <message>}, and
 * exit code {@link Kerma#EXIT_FAILURE}. The stack trace follows only when {@code --verbose} was given, before or
 * after the command name.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + describe(failure));
        if (verbose(parsed)) {
            failure.printStackTrace(err);
        }
        err.flush();
        return Kerma.EXIT_FAILURE;
    }

    /** The exception's message, or its type when it has none (a bare {@code NullPointerException}, say). */
    static String describe(Exception failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(Kerma.VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
