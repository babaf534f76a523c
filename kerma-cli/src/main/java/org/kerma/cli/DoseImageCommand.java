package org.kerma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.link.Link;
import org.kerma.dose.link.Linker;
import org.kerma.dose.link.ReportEvents;
import org.kerma.dose.link.StudyLinks;
import org.kerma.dose.rdsr.NotADoseReportException;
import org.kerma.dose.rdsr.RdsrReader;
import org.kerma.dose.technique.ImageTechnique;
import org.kerma.dose.technique.TechniqueReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma dose image FILE... [--rdsr FILE]... [--window SECONDS]}: prints the X-ray technique of each image
 * (canonical units, per frame for Enhanced images, findings with attribute paths) and, given dose reports, the
 * irradiation event(s) that produced it with their parameters and the link method. Exit code 1 when a file cannot
 * be read or a {@code --rdsr} file is not a dose report.
 *
 * <p>{@code kerma dose image UID... --data DIR}: an argument that names no file but is a UID is answered from the
 * registry: the image's technique and the event(s) linked to it at ingest ("image X: event Y (TIME_WINDOW, +0.400
 * s), 80 kV, ..."); for a dose report, its events and their images.
 */
@Command(name = "image",
        description = "Print an image's X-ray technique and the irradiation event(s) that produced it.")
final class DoseImageCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE|UID", arity = "1..*", description = "Images (DICOM Part 10 files), or SOP"
            + " Instance UIDs of instances held by the registry (--data, --db).")
    private List<String> arguments;

    @Mixin
    private RegistryOptions registry;

    @Option(names = "--rdsr", paramLabel = "FILE", description = "A dose report of the images' study; repeatable.")
    private List<Path> reports = new ArrayList<>();

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "1",
            description = "Time window for linking by acquisition time, in seconds (default: ${DEFAULT-VALUE}).")
    private double windowSeconds;

    @Override
    public Integer call() {
        List<String> uids = arguments.stream().filter(DoseRegistryCommands::isUid).toList();
        List<Path> files = arguments.stream().filter(a -> !DoseRegistryCommands.isUid(a)).map(Path::of).toList();
        int exit = files.isEmpty() ? Kerma.EXIT_OK : fromFiles(files);
        for (String uid : uids) {
            if (exit != Kerma.EXIT_OK) {
                break;
            }
            exit = DoseRegistryCommands.answer(spec, registry, "kerma dose image", false, q -> q.instance(uid),
                    DoseRegistryFormat::image, "instance " + uid + " is not in the registry");
        }
        return exit;
    }

    private int fromFiles(List<Path> files) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path current = null;
        try {
            List<ReportEvents> linkable = new ArrayList<>();
            Map<String, Object> eventsByUid = new HashMap<>();
            Map<String, String> reportOfEvent = new HashMap<>();
            for (Path p : reports) {
                current = p;
                DicomObject sr = DicomReader.read(p).dataset();
                DoseReport report = RdsrReader.read(sr);
                linkable.add(ReportEvents.of(report, sr));
                for (IrradiationEvent e : report.events()) {
                    e.irradiationEventUid().ifPresent(uid -> eventsByUid.put(uid, e));
                }
                for (CtIrradiationEvent e : report.ctEvents()) {
                    e.irradiationEventUid().ifPresent(uid -> eventsByUid.put(uid, e));
                }
                report.events().forEach(e -> e.irradiationEventUid()
                        .ifPresent(uid -> reportOfEvent.put(uid, p.getFileName().toString())));
                report.ctEvents().forEach(e -> e.irradiationEventUid()
                        .ifPresent(uid -> reportOfEvent.put(uid, p.getFileName().toString())));
            }
            Linker linker = new Linker(Duration.ofNanos(Math.round(windowSeconds * 1e9)));
            for (Path p : files) {
                current = p;
                ImageTechnique image = TechniqueReader.read(DicomReader.read(p).dataset());
                StringBuilder text = new StringBuilder("image ").append(p).append('\n');
                DoseReportFormat.text(text, image, 1);
                if (!reports.isEmpty()) {
                    producedBy(text, image, linker.link(image.studyInstanceUid(), linkable, List.of(image)),
                            eventsByUid, reportOfEvent);
                }
                out.print(text);
            }
            out.flush();
            return Kerma.EXIT_OK;
        } catch (NoSuchFileException e) {
            err.println("kerma dose image: no such file: " + current);
        } catch (NotADoseReportException e) {
            err.println("kerma dose image: --rdsr " + current + ": " + e.getMessage());
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            err.println("kerma dose image: " + (message.startsWith(String.valueOf(current)) ? message
                    : current + ": " + message));
        }
        err.flush();
        return Kerma.EXIT_FAILURE;
    }

    private static void producedBy(StringBuilder text, ImageTechnique image, StudyLinks links,
            Map<String, Object> eventsByUid, Map<String, String> reportOfEvent) {
        List<Link> mine = links.linksOf(image.sopInstanceUid());
        if (mine.isEmpty()) {
            text.append("  producedBy: no irradiation event of the given dose reports (study ")
                    .append(image.studyInstanceUid()).append(")\n");
            return;
        }
        text.append("  producedBy (").append(mine.size()).append("):\n");
        for (Link l : mine) {
            text.append("    event ").append(l.eventUid()).append(" by ").append(l.method());
            l.timeDifference().ifPresent(d -> text.append(", image acquired ").append(seconds(d))
                    .append(" after event start"));
            text.append(", from ").append(reportOfEvent.get(l.eventUid())).append('\n');
            Object event = eventsByUid.get(l.eventUid());
            if (event instanceof Record r) {
                DoseReportFormat.text(text, r, 3);
            }
        }
        links.ties().forEach(t -> text.append("    tie: equally near events ").append(t.eventUids()).append('\n'));
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%+.3f s", d.toNanos() / 1e9);
    }
}
