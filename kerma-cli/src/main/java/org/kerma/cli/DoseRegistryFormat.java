package org.kerma.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.kerma.registry.dose.DoseAnswers;

/**
 * The registry's dose answers as text tables for {@code kerma dose study|patient|image}: canonical units in the
 * column heads, "-" for an absent value.
 */
final class DoseRegistryFormat {
    private DoseRegistryFormat() {
    }

    static String study(DoseAnswers.StudyDose d) {
        StringBuilder t = new StringBuilder("study ").append(d.studyInstanceUid()).append('\n');
        for (DoseAnswers.Report r : d.reports()) {
            t.append("report ").append(r.sopInstanceUid()).append("  ").append(r.status());
            if (r.replacedBy() != null) {
                t.append(" by ").append(r.replacedBy());
            }
            t.append("  TID ").append(r.template()).append("  ").append(text(r.manufacturer())).append(' ')
                    .append(text(r.model())).append('\n');
        }
        t.append("accumulated\n");
        table(t, List.of("plane", "source", "DAP Gy·m²", "RP air kerma Gy", "fluoro time s", "DLP mGy·cm", "events"),
                d.accumulated().stream().map(a -> List.of(code(a.plane()), a.source(), num(a.dapGym2()),
                        num(a.rpAirKermaGy()), num(a.fluoroTimeS()), num(a.dlpTotalMGyCm()),
                        a.eventCount() == null ? "-" : a.eventCount().toString())).toList());
        t.append("events (").append(d.events().size()).append(", ").append(d.eventsWithoutImages().size())
                .append(" without image)\n");
        table(t, List.of("started", "event UID", "type", "kV", "mA", "DAP Gy·m²", "RP air kerma Gy", "CTDIvol mGy",
                "DLP mGy·cm", "images"), d.events().stream().map(e -> List.of(text(e.startedAt()), e.eventUid(),
                code(e.type()), num(e.kvpKv()), num(e.tubeCurrentMa()), num(e.dapGym2()), num(e.rpAirKermaGy()),
                num(e.ctdiVolMGy()), num(e.dlpMGyCm()), images(e.images()))).toList());
        if (!d.imagesWithoutEvent().isEmpty()) {
            t.append("images without event: ").append(String.join(", ", d.imagesWithoutEvent())).append('\n');
        }
        d.ties().forEach(tie -> t.append("tie: image ").append(tie.sopInstanceUid()).append(" equally near events ")
                .append(tie.eventUids()).append('\n'));
        t.append("summary: ").append(summary(d.summary())).append('\n');
        d.findings().forEach(f -> t.append("finding ").append(f.severity()).append(' ').append(f.sopInstanceUid())
                .append(f.path() == null ? "" : " " + f.path()).append(" (").append(f.source()).append("): ")
                .append(f.message()).append('\n'));
        return t.toString();
    }

    static String patient(DoseAnswers.PatientDose d) {
        StringBuilder t = new StringBuilder("patient ").append(d.patientId());
        if (d.from() != null || d.to() != null) {
            t.append(" from ").append(text(d.from())).append(" to ").append(text(d.to()));
        }
        t.append('\n');
        table(t, List.of("date", "study", "modalities", "DAP Gy·m²", "RP air kerma Gy", "fluoro time s",
                "DLP mGy·cm", "CTDIvol max mGy"), d.studies().stream().map(s -> List.of(text(s.studyDate()),
                s.studyInstanceUid(), String.join(",", s.modalities()), num(s.dapGym2()), num(s.rpAirKermaGy()),
                num(s.fluoroTimeS()), num(s.dlpMGyCm()), num(s.ctdiVolMaxMGy()))).toList());
        DoseAnswers.Totals s = d.totals();
        t.append("totals (").append(s.studyCount()).append(" studies): DAP ").append(num(s.dapGym2()))
                .append(" Gy·m², RP air kerma ").append(num(s.rpAirKermaGy())).append(" Gy, fluoro time ")
                .append(num(s.fluoroTimeS())).append(" s, DLP ").append(num(s.dlpMGyCm())).append(" mGy·cm\n");
        return t.toString();
    }

    /** "image X: event Y (TIME_WINDOW, +0.400 s), Stationary Acquisition, 80 kV, ..." per event. */
    static String image(DoseAnswers.InstanceDose d) {
        StringBuilder t = new StringBuilder();
        if (d.technique() != null) {
            DoseAnswers.Technique x = d.technique();
            t.append("image ").append(d.sopInstanceUid()).append(" (").append(text(d.modality())).append(", study ")
                    .append(d.studyInstanceUid()).append("): acquired ").append(text(x.acquiredAt()))
                    .append(", ").append(num(x.kvpKv())).append(" kV, ").append(num(x.tubeCurrentMa()))
                    .append(" mA, ").append(num(x.exposureTimeS())).append(" s, DAP ").append(num(x.dapGym2()))
                    .append(" Gy·m², CTDIvol ").append(num(x.ctdiVolMGy())).append(" mGy\n");
        }
        if (d.events().isEmpty()) {
            t.append(d.technique() == null && d.modality() != null && !d.modality().equals("SR")
                    ? "image " + d.sopInstanceUid() + ": no X-ray technique\n" : "");
            t.append("image ").append(d.sopInstanceUid()).append(": no irradiation event\n");
        }
        for (DoseAnswers.ImageEvent ie : d.events()) {
            DoseAnswers.Event e = ie.event();
            t.append(d.technique() != null ? "image " : "report ").append(d.sopInstanceUid()).append(": event ")
                    .append(e.eventUid());
            if (ie.method() != null) {
                t.append(" (").append(ie.method());
                if (ie.timeDifferenceS() != null) {
                    t.append(String.format(Locale.ROOT, ", %+.3f s", ie.timeDifferenceS()));
                }
                t.append(')');
            }
            t.append(", ").append(code(e.type())).append(", started ").append(text(e.startedAt())).append(", ")
                    .append(num(e.kvpKv())).append(" kV, ").append(num(e.tubeCurrentMa())).append(" mA, ")
                    .append(num(e.exposureTimeS())).append(" s, DAP ").append(num(e.dapGym2()))
                    .append(" Gy·m², RP air kerma ").append(num(e.rpAirKermaGy())).append(" Gy, CTDIvol ")
                    .append(num(e.ctdiVolMGy())).append(" mGy, DLP ").append(num(e.dlpMGyCm())).append(" mGy·cm");
            if (e.images() != null) {
                t.append(", images ").append(images(e.images()));
            }
            t.append('\n');
        }
        return t.toString();
    }

    private static String summary(DoseAnswers.Summary s) {
        return "DAP " + num(s.dapGym2()) + " Gy·m², RP air kerma " + num(s.rpAirKermaGy()) + " Gy, fluoro time "
                + num(s.fluoroTimeS()) + " s, DLP " + num(s.dlpMGyCm()) + " mGy·cm, CTDIvol max "
                + num(s.ctdiVolMaxMGy()) + " mGy, " + s.eventCount() + " events";
    }

    private static String images(List<DoseAnswers.LinkedImage> images) {
        if (images.isEmpty()) {
            return "(no image)";
        }
        return images.stream().map(i -> i.sopInstanceUid() + " " + i.method()).collect(Collectors.joining(", "));
    }

    private static String code(DoseAnswers.Coded c) {
        return c == null ? "-" : c.meaning() == null || c.meaning().isEmpty() ? c.code() : c.meaning();
    }

    private static String text(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** A number as short as it reads: 0.0001, 80, 1.5E-6; "-" when absent. */
    static String num(Double v) {
        if (v == null) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return Double.toString(v);
    }

    private static void table(StringBuilder t, List<String> head, List<List<String>> rows) {
        int[] width = new int[head.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(head);
        all.addAll(rows);
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        for (List<String> r : all) {
            t.append(' ');
            for (int i = 0; i < r.size(); i++) {
                t.append(i == 0 ? " " : "  ").append(i == r.size() - 1 ? r.get(i) : pad(r.get(i), width[i]));
            }
            t.append('\n');
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
