/**
 * The {@code kerma} command line: {@link org.kerma.cli.Kerma} and one small class per sub-command.
 *
 * <h2>The command contract</h2>
 * <ul>
 *   <li><b>One class, one line.</b> A sub-command is a class in this package annotated
 *       {@code @Command(name = "...", description = "...")} and implementing {@code Callable<Integer>}. It is
 *       registered by adding {@code NameCommand::new} to the list {@code COMMANDS} in {@code Kerma}; that list is
 *       the only place that knows which commands exist. Help options ({@code -h}, {@code -V}) and the global
 *       {@code -v/--verbose} are inherited; a command declares only its own options and parameters.</li>
 *   <li><b>Output.</b> Results go to {@code spec.commandLine().getOut()} (inject a {@code CommandSpec} with
 *       {@code @Spec}), diagnostics to {@code getErr()}; never {@code System.out}, {@code System.err} or
 *       {@code System.exit}, so tests can run a command through {@link org.kerma.cli.Kerma#commandLine()} and read
 *       what it printed.</li>
 *   <li><b>Success</b> is returning {@link org.kerma.cli.Kerma#EXIT_OK} (0).</li>
 *   <li><b>Failure</b> is throwing an exception whose message says what went wrong and where (file, byte offset,
 *       tag, content-item path, association). The command does not catch it to print it: {@code kerma} prints one
 *       line, {@code kerma <cmd>: <message>}, to standard error and exits with
 *       {@link org.kerma.cli.Kerma#EXIT_FAILURE} (1); the stack trace follows only with {@code -v}/{@code --verbose}.</li>
 *   <li><b>Usage errors</b> (unknown option or command, missing or malformed argument) are found by picocli from
 *       the annotations; a command that finds one itself, such as a forbidden combination of options, throws
 *       {@code new ParameterException(spec.commandLine(), "...")}. Either way {@code kerma} prints
 *       {@code kerma <cmd>: <problem>} and a pointer to {@code --help}, and exits with
 *       {@link org.kerma.cli.Kerma#EXIT_USAGE} (2).</li>
 *   <li><b>Other outcomes.</b> Codes 0–2 mean the same for every command. A command with an outcome that is
 *       neither success nor failure (say, a validator that ran and found problems) returns a code of 3 or more
 *       and lists it in its own {@code exitCodeList}.</li>
 * </ul>
 * Commands run on the main thread, one per JVM; they hold no static mutable state.
 */
package org.kerma.cli;
