package org.kerma.dose.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceLevelsTest {
    static StudyExposure study(String date, String modality, String text, Map<DoseQuantity, Double> values) {
        return new StudyExposure("1.2.3." + text.hashCode(), Optional.ofNullable(date).map(LocalDate::parse),
                Set.of(modality), List.of(text), List.of("Kerma Works Model 1 SN-1 ROOM1"), values);
    }

    @Test
    void shipsTheUkCtAndEuropeanCardiologyPacksWithTheValuesOfTheSourceInCanonicalUnits() {
        List<ReferencePack> packs = ReferenceLevels.shipped();
        assertThat(packs).extracting(ReferencePack::id).containsExactly("uk-ct", "eu-ic");
        ReferencePack uk = packs.get(0);
        assertThat(uk.levels()).hasSize(17);
        assertThat(uk.source()).contains("UKHSA");
        ReferenceLevel stroke = uk.levels().stream()
                .filter(l -> l.exam().equals("Adult head, acute stroke") && l.quantity() == DoseQuantity.DLP)
                .findFirst().orElseThrow();
        assertThat(stroke.value()).isEqualTo(790.0);
        ReferencePack eu = packs.get(1);
        assertThat(eu.levels()).extracting(ReferenceLevel::exam, ReferenceLevel::value).contains(
                org.assertj.core.groups.Tuple.tuple("Coronary angiography", 0.0035),
                org.assertj.core.groups.Tuple.tuple("PCI", 0.0085),
                org.assertj.core.groups.Tuple.tuple("TAVI", 0.013),
                org.assertj.core.groups.Tuple.tuple("Pacemaker, single chamber", 0.00025));
        assertThat(eu.source()).contains("Phys Med 2018;54:42");
    }

    @Test
    void comparesAStrokeHeadCtWithBothUkLevelsOfItsExam() {
        StudyExposure head = study("2024-05-02", "CT", "CT HEAD STROKE PROTOCOL",
                Map.of(DoseQuantity.CTDIVOL, 52.0, DoseQuantity.DLP, 700.0));
        List<ReferenceComparison> c = ReferenceLevels.compare(head, ReferenceLevels.shipped());
        assertThat(c).extracting(x -> x.level().quantity(), ReferenceComparison::exceeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DoseQuantity.CTDIVOL, true),
                        org.assertj.core.groups.Tuple.tuple(DoseQuantity.DLP, false));
        assertThat(c.get(0).ratio()).isCloseTo(52.0 / 47.0, within(1e-12));
        assertThat(c.get(1).level().exam()).isEqualTo("Adult head, acute stroke");
    }

    @Test
    void aSpecificExamWinsOverTheGeneralOneListedAfterIt() {
        StudyExposure ctpa = study("2023-01-10", "CT", "Chest CTPA", Map.of(DoseQuantity.DLP, 400.0));
        assertThat(ReferenceLevels.compare(ctpa, ReferenceLevels.shipped()))
                .singleElement().satisfies(c -> {
                    assertThat(c.level().exam()).isEqualTo("CT pulmonary angiography");
                    assertThat(c.level().value()).isEqualTo(310.0);
                    assertThat(c.exceeded()).isTrue();
                });
        StudyExposure pci = study("2023-01-10", "XA", "Coronary angiography + PCI", Map.of(DoseQuantity.DAP, 0.006));
        assertThat(ReferenceLevels.compare(pci, ReferenceLevels.shipped())).singleElement()
                .satisfies(c -> assertThat(c.level().exam()).isEqualTo("PCI"))
                .satisfies(c -> assertThat(c.exceeded()).isFalse());
    }

    @Test
    void aStudyBeforeAPackIsValidOrOfAnotherModalityOrWithoutDateIsNotCompared() {
        Map<DoseQuantity, Double> v = Map.of(DoseQuantity.DLP, 900.0);
        assertThat(ReferenceLevels.compare(study("2021-12-31", "CT", "Head", v), ReferenceLevels.shipped())).isEmpty();
        assertThat(ReferenceLevels.compare(study(null, "CT", "Head", v), ReferenceLevels.shipped())).isEmpty();
        assertThat(ReferenceLevels.compare(study("2024-01-01", "MR", "Head", v), ReferenceLevels.shipped())).isEmpty();
    }

    @Test
    void theVersionValidAtTheStudyDateIsUsed() throws Exception {
        ReferencePack old = pack("2010-01-01", "2016-07-14", "65");
        ReferencePack current = pack("2016-07-15", "", "50");
        StudyExposure s2012 = study("2012-06-01", "CT", "Hirnschädel", Map.of(DoseQuantity.CTDIVOL, 60.0));
        StudyExposure s2020 = study("2020-06-01", "CT", "Hirnschädel", Map.of(DoseQuantity.CTDIVOL, 60.0));
        assertThat(ReferenceLevels.compare(s2012, List.of(old, current))).singleElement()
                .satisfies(c -> assertThat(c.exceeded()).isFalse());
        assertThat(ReferenceLevels.compare(s2020, List.of(old, current))).singleElement()
                .satisfies(c -> assertThat(c.pack().version()).isEqualTo("2016-07-15"));
    }

    @Test
    void aBadPackFileNamesTheLineAndColumn() {
        String text = "# id\tx\n# jurisdiction\tX\n# pack\tp\n# version\t1\n# valid_from\t2020-01-01\n# source\ts\n"
                + "exam\tmodality\tmatch\tquantity\tvalue\tunit\tnote\nHead\tCT\thead\tDLP\t12\tGy.cm2\t\n";
        assertThatThrownBy(() -> ReferencePack.from(DataTable.read("bad.tsv",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), false))
                .hasMessageContaining("bad.tsv line 8").hasMessageContaining("Gy.cm2");
    }

    static ReferencePack pack(String from, String to, String value) throws Exception {
        String text = "# id\tde-ct\n# jurisdiction\tDE\n# pack\tBfS DRW CT\n# version\t" + from
                + "\n# valid_from\t" + from + "\n# valid_to\t" + to + "\n# source\tBfS\n"
                + "exam\tmodality\tmatch\tquantity\tvalue\tunit\tnote\nHead\tCT\thirn\tCTDIVOL\t" + value + "\tmGy\t\n";
        return ReferencePack.from(DataTable.read("t.tsv", new ByteArrayInputStream(text.getBytes(
                StandardCharsets.UTF_8))), false);
    }
}
