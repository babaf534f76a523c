package org.kerma.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ElementDictionaryTest {
    private final ElementDictionary dictionary = ElementDictionary.standard();

    @Test
    void describesImageAndFluoroscopyAreaDoseProduct() {
        DictionaryEntry e = dictionary.find(0x0018115E).orElseThrow();

        assertThat(e.vrs()).containsExactly(VR.DS);
        assertThat(e.vm()).isEqualTo("1");
        assertThat(e.keyword()).isEqualTo("ImageAndFluoroscopyAreaDoseProduct");
        assertThat(e.name()).isEqualTo("Image and Fluoroscopy Area Dose Product");
        assertThat(e.retired()).isFalse();
        assertThat(e.mask()).isEqualTo(DictionaryEntry.SINGLE_TAG);
    }

    @Test
    void describesContentSequenceAsSequence() {
        assertThat(dictionary.vrOf(0x0040A730)).isEqualTo(VR.SQ);
        assertThat(dictionary.keywordOf(0x0040A730)).isEqualTo("ContentSequence");
    }

    @Test
    void listsBothVrsOfSmallestImagePixelValueWithUsFirst() {
        DictionaryEntry e = dictionary.find(0x00280106).orElseThrow();

        assertThat(e.vrs()).containsExactly(VR.US, VR.SS);
        assertThat(e.vr()).isEqualTo(VR.US);
    }

    @Test
    void allowsObOrOwForPixelData() {
        assertThat(dictionary.find(Tag.PixelData).orElseThrow().vrs()).containsExactly(VR.OB, VR.OW);
    }

    @Test
    void mapsLutDataToUsSsOrOw() {
        assertThat(dictionary.find(0x00283006).orElseThrow().vrs()).containsExactly(VR.US, VR.SS, VR.OW);
    }

    @Test
    void givesItemAndDelimitersNoVr() {
        DictionaryEntry item = dictionary.find(Tags.ITEM).orElseThrow();

        assertThat(item.keyword()).isEqualTo("Item");
        assertThat(item.vrs()).isEmpty();
        assertThat(item.vr()).isEqualTo(VR.UN);
        assertThat(dictionary.keywordOf(Tags.SEQUENCE_DELIMITATION)).isEqualTo("SequenceDelimitationItem");
    }

    @Test
    void findsRepeatingGroupOverlayData() {
        DictionaryEntry e = dictionary.find(0x60023000).orElseThrow();

        assertThat(e.keyword()).isEqualTo("OverlayData");
        assertThat(e.name()).isEqualTo("Overlay Data");
        assertThat(e.tag()).isEqualTo(0x60003000);
        assertThat(e.mask()).isEqualTo(0xFF00FFFF);
        assertThat(e.vrs()).containsExactly(VR.OB, VR.OW);
        assertThat(e.isRepeating()).isTrue();
        assertThat(e.matches(0x601E3000)).isTrue();
        assertThat(e.retired()).isFalse();
    }

    @Test
    void findsRetiredCurveElementsInRepeatingGroup50xx() {
        DictionaryEntry e = dictionary.find(0x50100010).orElseThrow();

        assertThat(e.keyword()).isEqualTo("NumberOfPoints");
        assertThat(e.retired()).isTrue();
        assertThat(dictionary.find(0x50063000).orElseThrow().keyword()).isEqualTo("CurveData");
    }

    @Test
    void findsRetiredElementMasksOfTheStandardRatherThanDcmtkStandIns() {
        assertThat(dictionary.keywordOf(0x10000120)).isEqualTo("EscapeTriplet");
        assertThat(dictionary.keywordOf(0x10000125)).isEqualTo("ShiftTableTriplet");
        assertThat(dictionary.keywordOf(0x10101234)).isEqualTo("ZonalMap");
        assertThat(dictionary.keywordOf(0x00280421)).isEqualTo("ColumnsForNthOrderCoefficients");
        assertThat(dictionary.keywordOf(0x00203142)).isEqualTo("SourceImageIDs");
    }

    @Test
    void prefersSingleTagsOverRepeatingGroups() {
        assertThat(dictionary.keywordOf(0x00280400)).isEqualTo("TransformLabel");
        assertThat(dictionary.keywordOf(0x7FE00010)).isEqualTo("PixelData");
        assertThat(dictionary.keywordOf(0x7F100010)).isEqualTo("VariablePixelData");
    }

    @Test
    void marksEthnicGroupRetiredAsIn2026b() {
        assertThat(dictionary.find(0x00102160).orElseThrow().retired()).isTrue();
    }

    @Test
    void keepsDoseValueCurrentAsIn2026b() {
        DictionaryEntry e = dictionary.find(0x30040012).orElseThrow();

        assertThat(e.retired()).isFalse();
        assertThat(e.name()).isEqualTo("Dose Value");
    }

    @Test
    void leavesNameEmptyForTagsNewerThanPydicom() {
        DictionaryEntry e = dictionary.find(0x00100011).orElseThrow();

        assertThat(e.keyword()).isEqualTo("PersonNamesToUseSequence");
        assertThat(e.name()).isEmpty();
        assertThat(e.vr()).isEqualTo(VR.SQ);
    }

    @Test
    void describesGroupLengthOfAnyGroupAsRetiredUl() {
        DictionaryEntry e = dictionary.find(0x00080000).orElseThrow();

        assertThat(e.keyword()).isEqualTo("GroupLength");
        assertThat(e.vrs()).containsExactly(VR.UL);
        assertThat(e.tag()).isEqualTo(0x00080000);
        assertThat(e.retired()).isTrue();
        assertThat(dictionary.vrOf(0x00290000)).isEqualTo(VR.UL);
        assertThat(dictionary.keywordOf(0x10000000)).isEqualTo("GroupLength");
    }

    @Test
    void keepsTheStandardEntriesOfCommandAndMetaGroupLength() {
        DictionaryEntry meta = dictionary.find(Tag.FileMetaInformationGroupLength).orElseThrow();

        assertThat(meta.keyword()).isEqualTo("FileMetaInformationGroupLength");
        assertThat(meta.retired()).isFalse();
        assertThat(dictionary.keywordOf(0x00000000)).isEqualTo("CommandGroupLength");
    }

    @Test
    void describesPrivateCreatorsInOddGroups() {
        DictionaryEntry e = dictionary.find(0x00290010).orElseThrow();

        assertThat(e.keyword()).isEqualTo("PrivateCreator");
        assertThat(e.vrs()).containsExactly(VR.LO);
        assertThat(e.tag()).isEqualTo(0x00290010);
        assertThat(dictionary.keywordOf(0x001900FF)).isEqualTo("PrivateCreator");
    }

    @Test
    void knowsNoPrivateDataElementWithoutItsCreator() {
        assertThat(dictionary.find(0x00291010)).isEmpty();
        assertThat(dictionary.find(0x00290005)).isEmpty();
        assertThat(dictionary.find(0x60013000)).isEmpty();
        assertThat(dictionary.vrOf(0x00291010)).isEqualTo(VR.UN);
        assertThat(dictionary.keywordOf(0x00291010)).isEmpty();
    }

    @Test
    void findsSiemensCsaHeaderInWhateverBlockTheCreatorReserved() {
        DictionaryEntry e = dictionary.findPrivate("SIEMENS CSA HEADER", 0x00291010).orElseThrow();

        assertThat(e.keyword()).isEqualTo("CSAImageHeaderInfo");
        assertThat(e.name()).isEqualTo("CSAImageHeaderInfo");
        assertThat(e.vr()).isEqualTo(VR.OB);
        assertThat(e.tag()).isEqualTo(0x00291010);
        assertThat(dictionary.findPrivate("SIEMENS CSA HEADER", 0x00291110).orElseThrow().tag()).isEqualTo(0x00291110);
    }

    @Test
    void findsGeAcquisitionElementWithPaddedCreator() {
        DictionaryEntry e = dictionary.findPrivate("GEMS_ACQU_01 ", 0x00191002).orElseThrow();

        assertThat(e.keyword()).isEqualTo("NumberOfCellsInDetector");
        assertThat(e.vr()).isEqualTo(VR.SL);
        assertThat(e.vm()).isEqualTo("1");
    }

    @Test
    void matchesFixedPrivateElementsOnlyInTheirOwnBlock() {
        assertThat(dictionary.findPrivate("CMR42 CIRCLECVI", 0x00251010).orElseThrow().keyword())
                .isEqualTo("WorkspaceID");
        assertThat(dictionary.findPrivate("CMR42 CIRCLECVI", 0x00251110)).isEmpty();
    }

    @Test
    void findsPrivateElementsDefinedForARangeOfGroups() {
        DictionaryEntry e = dictionary.findPrivate("DLX_ANNOT_01", 0x70031004).orElseThrow();

        assertThat(e.keyword()).isEqualTo("TextAnnotation");
        assertThat(e.vr()).isEqualTo(VR.ST);
    }

    @Test
    void findsPrivateElementsOfRealFilesThatOnlyPydicomDefines() {
        assertThat(dictionary.findPrivate("AGFA", 0x00191010).orElseThrow().vr()).isEqualTo(VR.SH);
        assertThat(dictionary.findPrivate("AGFA", 0x00191013).orElseThrow().vr()).isEqualTo(VR.LO);
        assertThat(dictionary.findPrivate("AGFA", 0x00191015).orElseThrow().vr()).isEqualTo(VR.LO);
        assertThat(dictionary.findPrivate("AGFA", 0x00191060).orElseThrow().vr()).isEqualTo(VR.US);
        assertThat(dictionary.findPrivate("AGFA", 0x00191062).orElseThrow().vr()).isEqualTo(VR.SH);
        assertThat(dictionary.findPrivate("AGFA", 0x00191065).orElseThrow().vr()).isEqualTo(VR.US);
        assertThat(dictionary.findPrivate("AGFA", 0x00191070).orElseThrow().vr()).isEqualTo(VR.US);
        assertThat(dictionary.findPrivate("AGFA", 0x00191082).orElseThrow().vr()).isEqualTo(VR.US);
        assertThat(dictionary.findPrivate("AGFA", 0x00191093).orElseThrow().vr()).isEqualTo(VR.CS);
        assertThat(dictionary.findPrivate("SIEMENS CSA REPORT", 0x00291015).orElseThrow().vr()).isEqualTo(VR.US);
        assertThat(dictionary.findPrivate("SIEMENS CSA REPORT", 0x00291117).orElseThrow().vr()).isEqualTo(VR.UI);
        assertThat(dictionary.findPrivate("Philips Imaging DD 001", 0x200110C1).orElseThrow().vr()).isEqualTo(VR.LO);
        assertThat(dictionary.findPrivate("MITRA LINKED ATTRIBUTES 1.0", 0x00311020).orElseThrow().vr())
                .isEqualTo(VR.LO);
        assertThat(dictionary.findPrivate("MITRA OBJECT UTF8 ATTRIBUTES 1.0", 0x00331002).orElseThrow().vr())
                .isEqualTo(VR.PN);
        assertThat(dictionary.findPrivate("MITRA OBJECT UTF8 ATTRIBUTES 1.0", 0x00331013).orElseThrow().vr())
                .isEqualTo(VR.PN);
    }

    @Test
    void namesPydicomsPrivateElementsWithADerivedKeyword() {
        DictionaryEntry e = dictionary.findPrivate("MITRA OBJECT UTF8 ATTRIBUTES 1.0 ", 0x00331113).orElseThrow();

        assertThat(e.keyword()).isEqualTo("PatientNameSingleByte");
        assertThat(e.name()).isEqualTo("Patient's Name Single Byte");
        assertThat(e.tag()).isEqualTo(0x00331113);
        assertThat(dictionary.findPrivate("AGFA", 0x00191160).orElseThrow().name()).isEqualTo("Total number of series");
    }

    @Test
    void findsPydicomsPrivateElementsInAGroupRange() {
        DictionaryEntry e = dictionary.findPrivate("PAPYRUS 3.0", 0x60171010).orElseThrow();

        assertThat(e.keyword()).isEqualTo("OverlayRows");
        assertThat(e.vr()).isEqualTo(VR.US);
    }

    @Test
    void findsNothingForUnknownCreatorsOrNonPrivateTags() {
        assertThat(dictionary.findPrivate("NO SUCH CREATOR", 0x00291010)).isEmpty();
        assertThat(dictionary.findPrivate("SIEMENS CSA HEADER", 0x00281010)).isEmpty();
        assertThat(dictionary.findPrivate("SIEMENS CSA HEADER", 0x00290010)).isEmpty();
        assertThat(dictionary.findPrivate(null, 0x00291010)).isEmpty();
    }

    @Test
    void mapsKeywordsToTags() {
        assertThat(dictionary.tagOf("PatientName")).hasValue(0x00100010);
        assertThat(dictionary.tagOf("ImageAndFluoroscopyAreaDoseProduct")).hasValue(0x0018115E);
        assertThat(dictionary.tagOf("EthnicGroup")).hasValue(0x00102160);
        assertThat(dictionary.tagOf("OverlayData")).isEmpty();
        assertThat(dictionary.tagOf("NoSuchKeyword")).isEmpty();
    }

    @Test
    void givesEmptyKeywordForUnknownTags() {
        assertThat(dictionary.keywordOf(0x00080002)).isEmpty();
        assertThat(dictionary.vrOf(0x00080002)).isEqualTo(VR.UN);
    }

    @Test
    void agreesWithEveryGeneratedTagConstant() throws IllegalAccessException {
        int checked = 0;
        for (Field f : Tag.class.getFields()) {
            int tag = f.getInt(null);
            assertThat(dictionary.keywordOf(tag)).as(f.getName()).isEqualTo(f.getName());
            assertThat(dictionary.tagOf(f.getName())).as(f.getName()).hasValue(tag);
            checked++;
        }
        assertThat(checked).isGreaterThan(4800);
        assertThat(Tag.PatientName).isEqualTo(0x00100010);
        assertThat(Tag.TransferSyntaxUID).isEqualTo(0x00020010);
        assertThat(Tag.SpecificCharacterSet).isEqualTo(0x00080005);
    }

    @Test
    void returnsTheSameLoadedInstanceEveryTime() {
        assertThat(ElementDictionary.standard()).isSameAs(dictionary);
    }

    @Test
    void loadsBothTablesQuickly() {
        byte[] main = TabTable.resource(ElementDictionary.DICTIONARY_RESOURCE);
        byte[] privates = TabTable.resource(ElementDictionary.PRIVATE_DICTIONARY_RESOURCE);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            ElementDictionary d = ElementDictionary.of(main, privates);
            d.tagOf("PatientName");
            d.findPrivate("GEMS_ACQU_01", 0x00191002);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("ElementDictionary: %d + %d bytes indexed, keyword map and private table built in %.1f ms"
                + " (best of 5, in a warm JVM)%n", main.length, privates.length, best / 1e6);
        assertThat(best / 1_000_000).isLessThan(200);
    }

    @Test
    void rejectsATagThatIsNotHexAtLoad() {
        byte[] bad = "0010001G\tPN\t1\tN\tPatientName\tPatient's Name\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ElementDictionary.of(bad, new byte[0]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dictionary.tsv:1:");
    }

    @Test
    void decodesACreatorsPrivateRowsWhenTheCreatorIsFirstLookedUp() {
        byte[] privates = ("# source: test\n"
                + "A\t0019\t10\tSH\t1\tCode\tCode Name\n"
                + "B\t0019\t10\tQQ\t1\tBad\tBad\n"
                + "A\t0021-0023\t1010\tUS\t2\tFixed\tFixed\n").getBytes(StandardCharsets.UTF_8);
        ElementDictionary d = ElementDictionary.of(TabTable.resource(ElementDictionary.DICTIONARY_RESOURCE), privates);

        assertThat(d.findPrivate("A", 0x00191110).orElseThrow().name()).isEqualTo("Code Name");
        assertThat(d.findPrivate("A", 0x00231010).orElseThrow().vm()).isEqualTo("2");
        assertThat(d.findPrivate("A", 0x00231110)).isEmpty();
        assertThatThrownBy(() -> d.findPrivate("B", 0x00191010))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("private-dictionary.tsv:3:")
                .hasMessageContaining("malformed VR column 'QQ'");
    }

    @Test
    void answersTheSameFromManyThreads() throws Exception {
        ElementDictionary fresh = ElementDictionary.of(TabTable.resource(ElementDictionary.DICTIONARY_RESOURCE),
                TabTable.resource(ElementDictionary.PRIVATE_DICTIONARY_RESOURCE));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> fresh.keywordOf(0x0018115E) + fresh.tagOf("PatientName").getAsInt()
                        + fresh.findPrivate("SIEMENS CSA HEADER", 0x00291010).orElseThrow().keyword()));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("ImageAndFluoroscopyAreaDoseProduct" + 0x00100010
                        + "CSAImageHeaderInfo");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void namesTheMissingResource() {
        assertThatThrownBy(() -> TabTable.resource("absent.tsv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org/kerma/dicom/absent.tsv");
    }

    @Test
    void namesTableAndLineOfAMalformedRow() {
        byte[] bad = "# source: test\n00100010\tPN\t1\tN\tPatientName\tPatient's Name\n0010002\tLO\t1\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ElementDictionary.of(bad, new byte[0]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dictionary.tsv:3:");
    }

    @Test
    void rejectsAnUnknownVrWhenTheRowIsFirstLookedUp() {
        byte[] bad = "00100010\tPX\t1\tN\tPatientName\tPatient's Name\n".getBytes(StandardCharsets.UTF_8);

        ElementDictionary lazy = ElementDictionary.of(bad, new byte[0]);

        assertThatThrownBy(() -> lazy.find(0x00100010))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dictionary.tsv:1:")
                .hasMessageContaining("malformed VR column 'PX'");
    }

    @Test
    void parsesATableWrittenWithWindowsLineEnds() {
        byte[] crlf = "# source: test\r\n00100010\tPN\t1\tN\tPatientName\tPatient's Name\r\n"
                .getBytes(StandardCharsets.UTF_8);

        DictionaryEntry e = ElementDictionary.of(crlf, new byte[0]).find(0x00100010).orElseThrow();

        assertThat(e.name()).isEqualTo("Patient's Name");
        assertThat(e.vrs()).isEqualTo(List.of(VR.PN));
    }
}
