package org.kerma.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line that could not be parsed (or that a command rejected with a {@link ParameterException}):
 * {@code kerma <cmd>: <what was wrong>}, a "did you mean" for a misspelt name, and where to find help; exit code
 * {@link Kerma#EXIT_USAGE}. Plain {@code kerma} with no command prints the full usage instead.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        if (args.length == 0) {
            command.usage(err);
        } else {
            err.println(name + ": " + problem.getMessage());
            UnmatchedArgumentException.printSuggestions(problem, err);
            err.println("Try '" + name + " --help' for more information.");
        }
        err.flush();
        return Kerma.EXIT_USAGE;
    }
}
