package org.kerma.tools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.dicom.TransferSyntaxTraits;
import org.kerma.dicom.UidEntry;
import org.kerma.dicom.UidType;
import org.kerma.tools.read.AnnexATransferSyntax;
import org.kerma.tools.read.Dicom3toolsTransferSyntax;
import org.kerma.tools.read.PydicomUid;
import org.kerma.tools.write.UidTsvWriter;

/**
 * Joins pydicom's UID registry (primary: uid, name, type, retired, keyword) with the transfer syntax traits of
 * dicom3tools' {@code transyn.tpl} (explicit VR, big endian, encapsulated; covers retired syntaxes) and of PS3.5
 * Annex A (covers current syntaxes, and is the only source for "deflated"). Where both describe a syntax, dicom3tools
 * gives explicit/big-endian/encapsulated and a difference is reported.
 */
final class UidJoin {
    private final CrossCheckReport report;

    UidJoin(CrossCheckReport report) {
        this.report = report;
    }

    /** The UID table in pydicom's order. */
    List<UidTsvWriter.Row> join(List<PydicomUid> pydicom, Map<String, Dicom3toolsTransferSyntax> dicom3tools,
                             Map<String, AnnexATransferSyntax> annexA) {
        List<UidTsvWriter.Row> out = new ArrayList<>();
        Set<String> registered = new HashSet<>();
        for (PydicomUid p : pydicom) {
            registered.add(p.uid());
            UidType type = UidTypes.fromPydicom(p.type()).orElseGet(() -> {
                report.add("uids: unknown UID type (OTHER)", p.uid() + " \"" + p.type() + "\"");
                return UidType.OTHER;
            });
            if (p.keyword().isEmpty()) {
                report.add("uids: no keyword (no Uid constant)", p.uid() + " \"" + p.name() + "\"");
            }
            UidEntry entry = new UidEntry(p.uid(), p.name(), p.keyword(), type, p.retired());
            Optional<TransferSyntaxTraits> traits = type == UidType.TRANSFER_SYNTAX
                    ? traits(p, dicom3tools.get(p.uid()), annexA.get(p.uid())) : Optional.empty();
            out.add(new UidTsvWriter.Row(entry, traits));
        }
        dicom3tools.values().stream().filter(d -> !registered.contains(d.uid())).forEach(d -> report.add(
                "uids: transfer syntax only in dicom3tools (left out)", d.uid() + " \"" + d.description() + "\""));
        annexA.values().stream().filter(a -> !registered.contains(a.uid())).forEach(a -> report.add(
                "uids: transfer syntax only in PS3.5 Annex A (left out)", a.uid() + " " + a.section()));
        return out;
    }

    private Optional<TransferSyntaxTraits> traits(PydicomUid p, Dicom3toolsTransferSyntax d, AnnexATransferSyntax a) {
        String at = p.uid() + " " + p.keyword();
        if (d == null && a == null) {
            report.add("uids: transfer syntax without traits (in neither dicom3tools nor Annex A)", at);
            return Optional.empty();
        }
        if (d == null) {
            report.add("uids: transfer syntax not in dicom3tools (traits from PS3.5 Annex A)", at + " " + a.section());
            return Optional.of(new TransferSyntaxTraits(a.explicitVr(), a.bigEndian(), a.deflated(), a.encapsulated()));
        }
        if (a != null && (a.explicitVr() != d.explicitVr() || a.bigEndian() != d.bigEndian()
                || a.encapsulated() != d.encapsulated())) {
            report.add("uids: traits differ (dicom3tools vs PS3.5 Annex A)", at + ": dicom3tools " + flags(d.explicitVr(),
                    d.bigEndian(), d.encapsulated()) + ", Annex A " + a.section() + " "
                    + flags(a.explicitVr(), a.bigEndian(), a.encapsulated()));
        }
        return Optional.of(new TransferSyntaxTraits(d.explicitVr(), d.bigEndian(), a != null && a.deflated(),
                d.encapsulated()));
    }

    private static String flags(boolean explicitVr, boolean bigEndian, boolean encapsulated) {
        return (explicitVr ? "explicit" : "implicit") + "/" + (bigEndian ? "big" : "little") + "/"
                + (encapsulated ? "encapsulated" : "native");
    }
}
