package org.kerma.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kerma.dose.reference.ReferenceLevel;
import org.kerma.dose.reference.ReferencePack;
import org.kerma.registry.alert.ReferenceData;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.index.IndexException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kerma reference-levels}: the reference level packs of a registry, as {@code GET /api/reference-levels}. */
@Command(name = "reference-levels", description = "List the reference level packs of a registry (shipped and"
        + " local, every version) with their levels in canonical units, and the alert rules.")
final class ReferenceLevelsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Optional<IndexDatabase> index = DoseRegistryCommands.open(registry.config(), err,
                    "kerma reference-levels");
            if (index.isEmpty()) {
                err.flush();
                return Kerma.EXIT_FAILURE;
            }
            try (IndexDatabase db = index.get()) {
                ReferenceData data = new ReferenceData(db);
                data.install();
                for (ReferenceData.StoredPack stored : data.packs()) {
                    ReferencePack p = stored.pack();
                    out.printf("%s %s (%s, %s): %s, valid %s to %s%n  source: %s%n", p.id(), p.version(),
                            p.jurisdiction(), p.shipped() ? "shipped" : "local", p.name(), p.validFrom(),
                            p.validTo().map(Object::toString).orElse("-"), p.source());
                    for (ReferenceLevel l : p.levels()) {
                        out.printf("  %-32s %-4s %-8s %s %s  /%s/%n", l.exam(), l.match().modalityList(),
                                l.quantity(), AlertsCommand.number(l.value()), l.quantity().unit().symbol(),
                                l.match().pattern());
                    }
                }
                out.println("alert rules:");
                data.rules().forEach(r -> out.printf("  %s  %s %s %s > %s %s%s  [%s]%s%n", r.name(),
                        r.match().modalityList(), r.quantity(), r.windowDays() > 0 ? "(sum over " + r.windowDays()
                                + " days)" : "", AlertsCommand.number(r.threshold()), r.quantity().unit().symbol(),
                        r.enabled() ? "" : " (disabled)", r.shipped() ? "default" : "local", "  " + r.source()));
                out.flush();
                return Kerma.EXIT_OK;
            }
        } catch (IndexException e) {
            err.println("kerma reference-levels: " + e.getMessage());
            err.flush();
            return Kerma.EXIT_FAILURE;
        }
    }
}
