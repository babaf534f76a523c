package org.kerma.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kerma.dose.reference.DoseQuantity;
import org.kerma.registry.alert.AlertQueries;
import org.kerma.registry.alert.AlertQueries.Alert;
import org.kerma.registry.alert.AlertQueries.AlertFilter;
import org.kerma.registry.alert.AlertQueries.AlertPage;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.index.IndexException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kerma alerts}: the alert inbox of a registry, as {@code GET /api/alerts}. */
@Command(name = "alerts", description = "List the dose alerts of a registry (newest study first): rule, value and"
        + " threshold in the quantity's canonical unit, state and acknowledgement.")
final class AlertsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Option(names = "--state", paramLabel = "STATE", description = "open or acknowledged (default: both).")
    private String state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N alerts"
            + " (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Optional<IndexDatabase> index = DoseRegistryCommands.open(registry.config(), err, "kerma alerts");
            if (index.isEmpty()) {
                err.flush();
                return Kerma.EXIT_FAILURE;
            }
            try (IndexDatabase db = index.get()) {
                AlertPage page = new AlertQueries(db).alerts(new AlertFilter(state == null ? null
                        : state.strip().toUpperCase(java.util.Locale.ROOT), null, null, null, limit, 0));
                out.printf("%d alert(s)%s%n", page.total(), page.total() > page.alerts().size()
                        ? ", the first " + page.alerts().size() + " shown" : "");
                for (Alert a : page.alerts()) {
                    String unit = DoseQuantity.valueOf(a.quantity()).unit().symbol();
                    out.printf("%d  %-12s  %s  %s  %s  %s %s > %s %s%s%s%n", a.id(), a.state(),
                            a.studyDate() == null ? "-" : a.studyDate(), a.studyInstanceUid(), a.rule(),
                            a.quantity(), number(a.value()), number(a.threshold()), unit,
                            a.windowDays() > 0 ? " (sum over " + a.windowDays() + " days)" : "",
                            a.acknowledgedBy() == null ? "" : "  by " + a.acknowledgedBy() + " at "
                                    + a.acknowledgedAt() + (a.comment() == null ? "" : ": " + a.comment()));
                }
                out.flush();
                return Kerma.EXIT_OK;
            }
        } catch (IndexException | IllegalArgumentException e) {
            err.println("kerma alerts: " + e.getMessage());
            err.flush();
            return Kerma.EXIT_FAILURE;
        }
    }

    static String number(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }
}
