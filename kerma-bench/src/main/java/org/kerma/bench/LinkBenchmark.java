package org.kerma.bench;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kerma.dose.link.DoseEvent;
import org.kerma.dose.link.Linker;
import org.kerma.dose.link.ReportEvents;
import org.kerma.dose.link.StudyLinks;
import org.kerma.dose.technique.Device;
import org.kerma.dose.technique.ExposureTechnique;
import org.kerma.dose.technique.ImageTechnique;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Link computation for one study of 2,000 images and 500 irradiation events (issue 6): {@link Linker#link} over
 * the whole study, as the registry recomputes it when an object of the study arrives. Events 2 s to 60 s apart,
 * four images per event, acquired up to ±0.9 s from the event's start. {@code method} chooses how the images can
 * be linked: {@code EVENT_UID} (every image names its event), {@code SR_REFERENCE} (the report references every
 * image), {@code TIME_WINDOW} (neither: acquisition time only) or {@code MIXED} (a third each).
 *
 * <p>Run: {@code java -jar kerma-bench/target/benchmarks.jar LinkBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LinkBenchmark {
    private static final String STUDY = "1.2.826.0.1.3680043.10.6";

    @Param({"EVENT_UID", "SR_REFERENCE", "TIME_WINDOW", "MIXED"})
    public String method;

    @Param("500")
    public int events;

    @Param("2000")
    public int images;

    private List<ReportEvents> reports;
    private List<ImageTechnique> study;
    private final Linker linker = new Linker();

    @Setup
    public void makeStudy() {
        Random r = new Random(6);
        Device device = new Device(Optional.of("Acme"), Optional.empty(), Optional.of("S1"), Optional.empty(),
                Optional.empty());
        List<DoseEvent> doseEvents = new ArrayList<>();
        study = new ArrayList<>();
        LocalDateTime t = LocalDateTime.of(2026, 1, 1, 8, 0);
        int perEvent = images / events;
        for (int e = 0; e < events; e++) {
            t = t.plusNanos((2_000 + r.nextInt(58_000)) * 1_000_000L);
            String uid = STUDY + ".7." + e;
            List<String> refs = new ArrayList<>();
            for (int k = 0; k < perEvent; k++) {
                String sop = STUDY + ".5." + (e * perEvent + k);
                String how = method.equals("MIXED") ? List.of("EVENT_UID", "SR_REFERENCE", "TIME_WINDOW").get(k % 3)
                        : method;
                if (how.equals("SR_REFERENCE")) {
                    refs.add(sop);
                }
                study.add(image(sop, device, t.plusNanos((r.nextInt(1_801) - 900) * 1_000_000L),
                        how.equals("EVENT_UID") ? Optional.of(uid) : Optional.empty()));
            }
            doseEvents.add(new DoseEvent(uid, Optional.of(t), Set.copyOf(refs)));
        }
        reports = List.of(new ReportEvents(STUDY, STUDY + ".3.1", device, doseEvents));
        StudyLinks check = link();
        if (check.links().size() != images) {
            throw new IllegalStateException("expected " + images + " links, got " + check.links().size());
        }
    }

    @Benchmark
    public StudyLinks link() {
        return linker.link(STUDY, reports, study);
    }

    private static ImageTechnique image(String sop, Device device, LocalDateTime acquired, Optional<String> event) {
        Optional<org.kerma.dose.Quantity> none = Optional.empty();
        ExposureTechnique e = new ExposureTechnique(Optional.of(acquired), event, none, none, none, none, none, none,
                none, none, none, none, none, none, none, none, none, none, none, Optional.empty(), Optional.empty(),
                Optional.empty(), none, none);
        return new ImageTechnique("1.2.840.10008.5.1.4.1.1.12.1", sop, STUDY, STUDY + ".1", "XA", device,
                Optional.empty(), Optional.empty(), Optional.empty(), 1, Optional.empty(), e, List.of(), List.of());
    }
}
