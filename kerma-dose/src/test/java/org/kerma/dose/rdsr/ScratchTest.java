package org.kerma.dose.rdsr;

import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dose.DoseReport;
import org.kerma.dose.SharedCorpus;

class ScratchTest {
    @Test
    void prints() throws Exception {
        try (Stream<java.nio.file.Path> files = Files.list(SharedCorpus.openrem())) {
            for (var f : files.sorted().toList()) {
                if (!f.toString().endsWith(".dcm")) continue;
                DicomObject o = SharedCorpus.read(f.getFileName().toString());
                if (!RdsrReader.isDoseReport(o)) { continue; }
                DoseReport r = RdsrReader.read(o);
                System.out.println(f.getFileName() + " " + r.kind() + " acc=" + r.accumulatedDoses().size() + " ev=" + r.events().size()
                        + " ctev=" + r.ctEvents().size() + " ct=" + r.ctAccumulatedDose().flatMap(c -> c.ctDoseLengthProductTotal()).map(Object::toString).orElse("-")
                        + " adm=" + r.administrations().size() + " quirks=" + r.quirks().size() + " findings=" + r.findings().size());
                r.findings().stream().limit(4).forEach(x -> System.out.println("   " + x));
                r.quirks().stream().map(q -> q.quirk()).distinct().forEach(x -> System.out.println("   Q " + x));
            }
        }
    }
}
