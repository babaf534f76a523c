package org.kerma.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.VR;
import org.kerma.tools.read.PrivateAttribute;
import org.kerma.tools.read.PydicomPrivateDictionaryReader;

class PrivateDictionaryJoinTest {
    private final CrossCheckReport report = new CrossCheckReport();
    private final PrivateDictionaryJoin join = new PrivateDictionaryJoin(report);

    private static PrivateAttribute dcmtk(String creator, int low, int high, int element, VR vr, String keyword) {
        return new PrivateAttribute(creator, low, high, element, List.of(vr), "1", keyword, keyword);
    }

    private static PrivateAttribute pydicom(String creator, int low, int high, int element, VR vr, String name) {
        return new PrivateAttribute(creator, low, high, element, List.of(vr), "1",
                PydicomPrivateDictionaryReader.keyword(name), name);
    }

    private static PydicomPrivateDictionaryReader.Result result(List<PrivateAttribute> attributes,
                                                                List<PydicomPrivateDictionaryReader.Skipped> skipped) {
        return new PydicomPrivateDictionaryReader.Result(attributes.size() + skipped.size(), attributes, skipped,
                List.of());
    }

    @Test
    void takesDcmtkForTheSameKeyAndReportsTheVrDifference() {
        PrivateAttribute d = dcmtk("CARDIO-D.R. 1.0", 0x0029, 0x0029, 0x02, VR.DS, "ConvolutionKernelCoefficients");
        PrivateAttribute p = pydicom("CARDIO-D.R. 1.0", 0x0029, 0x0029, 0x02, VR.US, "Convolution Kernel Coefficients");
        PrivateAttribute same = pydicom("CARDIO-D.R. 1.0", 0x0029, 0x0029, 0x03, VR.FL, "Gain");

        List<PrivateAttribute> out = join.join(
                List.of(d, dcmtk("CARDIO-D.R. 1.0", 0x0029, 0x0029, 0x03, VR.FL, "EdgeEnhancementGain")),
                result(List.of(p, same), List.of()));

        assertThat(out).hasSize(2).contains(d);
        assertThat(report.findings().get(PrivateDictionaryJoin.VR_DIFFERS)).containsExactly(
                "\"CARDIO-D.R. 1.0\" (0029,xx02): private.dic DS ConvolutionKernelCoefficients,"
                        + " pydicom US \"Convolution Kernel Coefficients\"");
        assertThat(report.findings().get(PrivateDictionaryJoin.COUNTS)).contains(
                "pydicom: 2 already in private.dic (same creator, element and groups; private.dic taken)",
                "VR differs: 1", "private-dictionary.tsv: 2 definitions");
    }

    @Test
    void addsWhatDcmtkLacksAndCountsWhatTheReaderSkipped() {
        PrivateAttribute agfa = pydicom("AGFA", 0x0019, 0x0019, 0x10, VR.SH, "Private Identification Code");
        PrivateAttribute otherByte = pydicom("X", 0x0019, 0x0019, 0x11, VR.SH, "Other Byte");
        PrivateAttribute otherGroup = pydicom("X", 0x0021, 0x0021, 0x10, VR.SH, "Other Group");

        List<PrivateAttribute> out = join.join(List.of(dcmtk("X", 0x0019, 0x0019, 0x10, VR.LO, "Known")),
                result(List.of(agfa, otherByte, otherGroup), List.of(
                        new PydicomPrivateDictionaryReader.Skipped("T^10", "00190001", "fixed element below 1000"),
                        new PydicomPrivateDictionaryReader.Skipped("T^10", "00190002", "fixed element below 1000"))));

        assertThat(out).hasSize(4).contains(agfa, otherByte, otherGroup);
        assertThat(report.findings().get(PrivateDictionaryJoin.SKIPPED)).containsExactly(
                "fixed element below 1000: \"T^10\" 2: 00190001 00190002");
        assertThat(report.findings().get(PrivateDictionaryJoin.COUNTS)).contains(
                "private.dic: 1 definitions", "pydicom: 5 definitions", "pydicom: 2 left out",
                "pydicom: 2 left out: fixed element below 1000", "pydicom: 3 added, 0 of them beside a private.dic"
                        + " definition that takes precedence where both apply");
    }

    @Test
    void dropsAFixedElementThatADcmtkOffsetCovers() {
        List<PrivateAttribute> out = join.join(List.of(dcmtk("X", 0x0019, 0x0019, 0x10, VR.LO, "Offset")),
                result(List.of(pydicom("X", 0x0019, 0x0019, 0x1010, VR.LO, "Fixed")), List.of()));

        assertThat(out).extracting(PrivateAttribute::keyword).containsExactly("Offset");
    }

    @Test
    void keepsAnOffsetBesideADcmtkFixedElementThatWinsInItsBlock() {
        PrivateAttribute offset = pydicom("X", 0x0019, 0x0019, 0x10, VR.US, "Offset");

        List<PrivateAttribute> out = join.join(List.of(dcmtk("X", 0x0019, 0x0019, 0x1010, VR.LO, "Fixed")),
                result(List.of(offset), List.of()));

        assertThat(out).hasSize(2).contains(offset);
        assertThat(report.findings().get(PrivateDictionaryJoin.VR_DIFFERS)).containsExactly(
                "\"X\" (0019,1010): private.dic LO Fixed, pydicom (0019,xx10) US \"Offset\""
                        + " (pydicom's kept where private.dic's does not apply)");
    }

    @Test
    void dropsWhatADcmtkRangeCoversAndLeavesOutWhatWouldHideIt() {
        PrivateAttribute range = dcmtk("DLX_ANNOT_01", 0x7001, 0x70FF, 0x04, VR.ST, "TextAnnotation");
        PrivateAttribute single = pydicom("DLX_ANNOT_01", 0x7003, 0x7003, 0x04, VR.ST, "Text annotation");
        PrivateAttribute widerRange = pydicom("DLX_ANNOT_01", 0x7001, 0x7FFF, 0x04, VR.ST, "Text annotation");
        PrivateAttribute sameRange = pydicom("DLX_ANNOT_01", 0x7001, 0x70FF, 0x04, VR.ST, "Text_annotation");

        List<PrivateAttribute> out = join.join(List.of(range),
                result(List.of(single, widerRange, sameRange), List.of()));

        assertThat(out).containsExactly(range);
        assertThat(report.findings().get(PrivateDictionaryJoin.SKIPPED)).containsExactly(
                PrivateDictionaryJoin.HIDES_DCMTK + ": \"DLX_ANNOT_01\" 1: (7001-7FFF,xx04)");
        assertThat(report.findings().get(PrivateDictionaryJoin.COUNTS)).contains("pydicom: 2 already in private.dic"
                + " (same creator, element and groups; private.dic taken)");
    }

    @Test
    void keepsDcmtkAloneWhenPydicomIsMissing() {
        PrivateAttribute d = dcmtk("X", 0x0019, 0x0019, 0x10, VR.LO, "Known");

        assertThat(join.dcmtkOnly(List.of(d))).containsExactly(d);
        assertThat(report.findings().get(PrivateDictionaryJoin.COUNTS))
                .containsExactly("private.dic: 1 definitions", "private-dictionary.tsv: 1 definitions");
    }
}
