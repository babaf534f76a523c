package org.kerma.tools.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.VR;

class PydicomPrivateDictionaryReaderTest {
    private static final Path FILE = Path.of("_private_dict.py");
    private static final String HEAD = "\"\"\"DICOM private dictionary auto-generated.\"\"\"\n"
            + "from typing import Dict, Tuple\n\n\n"
            + "private_dictionaries: Dict[str, Dict[str, Tuple[str, str, str, str]]] = {\n";

    private static PydicomPrivateDictionaryReader.Result read(String body) {
        return PydicomPrivateDictionaryReader.read(FILE, HEAD + body + "}\n");
    }

    @Test
    void readsBlockOffsetsWithNamesAndDerivedKeywords() {
        PydicomPrivateDictionaryReader.Result r = read("    'AGFA': {\n"
                + "        '0019xx10': ('SH', '1', 'Private Identification Code', ''),  # noqa\n"
                + "        '0019xx93': ('CS', '1', 'Status', ''),  # noqa\n"
                + "    },\n"
                + "    'MITRA OBJECT UTF8 ATTRIBUTES 1.0': {\n"
                + "        '0033xx02': ('PN', '1', \"Patient's Name\", ''),  # noqa\n"
                + "    },\n");

        assertThat(r.read()).isEqualTo(3);
        assertThat(r.skipped()).isEmpty();
        assertThat(r.attributes()).containsExactly(
                new PrivateAttribute("AGFA", 0x0019, 0x0019, 0x10, List.of(VR.SH), "1", "PrivateIdentificationCode",
                        "Private Identification Code"),
                new PrivateAttribute("AGFA", 0x0019, 0x0019, 0x93, List.of(VR.CS), "1", "Status", "Status"),
                new PrivateAttribute("MITRA OBJECT UTF8 ATTRIBUTES 1.0", 0x0033, 0x0033, 0x02, List.of(VR.PN), "1",
                        "PatientName", "Patient's Name"));
        assertThat(r.attributes().get(0).where()).isEqualTo("(0019,xx10)");
    }

    @Test
    void turnsTrailingGroupMasksIntoOddGroupRangesAndKeepsFixedElements() {
        PydicomPrivateDictionaryReader.Result r = read("    'PAPYRUS 3.0': {\n"
                + "        '60xxxx01': ('LT', '1-n', 'Linked Overlays', ''),\n"
                + "    },\n"
                + "    'CMR42 CIRCLECVI': {\n"
                + "        '00251010': ('LO', '1', 'Workspace ID', ''),\n"
                + "    },\n");

        assertThat(r.attributes()).extracting(PrivateAttribute::where)
                .containsExactly("(6001-60FF,xx01)", "(0025,1010)");
        assertThat(r.attributes().get(1).fixedElement()).isTrue();
    }

    @Test
    void skipsWhatThePrivateDictionaryCannotHoldWithTheReason() {
        PydicomPrivateDictionaryReader.Result r = read("    'X': {\n"
                + "        '0032xx32': ('PN', '1', 'Requesting Physician', ''),\n"
                + "        '00190001': ('UL', '1', 'Unknown', ''),\n"
                + "        '001910xx': ('LO', '1', 'Private Element Creator', ''),\n"
                + "        '0x19xx10': ('LO', '1', 'Odd Mask', ''),\n"
                + "        '0003xx10': ('LO', '1', 'Reserved Group', ''),\n"
                + "    },\n");

        assertThat(r.read()).isEqualTo(5);
        assertThat(r.attributes()).isEmpty();
        assertThat(r.skipped()).extracting(PydicomPrivateDictionaryReader.Skipped::reason).containsExactly(
                PydicomPrivateDictionaryReader.EVEN_GROUP, PydicomPrivateDictionaryReader.LOW_FIXED_ELEMENT,
                PydicomPrivateDictionaryReader.ELEMENT_MASK, PydicomPrivateDictionaryReader.GROUP_MASK,
                PydicomPrivateDictionaryReader.EVEN_GROUP);
        assertThat(r.skipped().get(1)).isEqualTo(new PydicomPrivateDictionaryReader.Skipped("X", "00190001",
                PydicomPrivateDictionaryReader.LOW_FIXED_ELEMENT));
    }

    @Test
    void readsCombinedVrsAndListsRetiredDefinitions() {
        PydicomPrivateDictionaryReader.Result r = read("    'T': {\n"
                + "        '7019xx80': ('OB_OW', '1', 'Original image data', ''),\n"
                + "        '0019xx81': ('US or SS', '1', 'Value', 'Retired'),\n"
                + "    },\n");

        assertThat(r.attributes()).extracting(PrivateAttribute::vrs)
                .containsExactly(List.of(VR.OB, VR.OW), List.of(VR.US, VR.SS));
        assertThat(r.retired()).containsExactly("T 0019xx81");
    }

    @Test
    void namesFileAndEntryOfWhatItCannotRead() {
        assertThatThrownBy(() -> read("    'T': {'0019xx10': ('QQ', '1', 'N', '')},\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("_private_dict.py: T 0019xx10: unknown VR 'QQ'");
        assertThatThrownBy(() -> read("    'T': {'0019xx1': ('LO', '1', 'N', '')},\n"))
                .hasMessageContaining("not a tag pattern: '0019xx1'");
        assertThatThrownBy(() -> read("    'T': {'0019xx10': ('LO', '1', 'N')},\n"))
                .hasMessageContaining("expected a tuple of 4 strings");
        assertThatThrownBy(() -> PydicomPrivateDictionaryReader.read(FILE, "other = {}\n"))
                .hasMessageContaining("no dict named private_dictionaries");
    }

    @Test
    void derivesCamelCaseKeywordsFromLettersAndDigitsOnly() {
        assertThat(PydicomPrivateDictionaryReader.keyword("Total number of series")).isEqualTo("TotalNumberOfSeries");
        assertThat(PydicomPrivateDictionaryReader.keyword("Text_annotation")).isEqualTo("TextAnnotation");
        assertThat(PydicomPrivateDictionaryReader.keyword("Patient's Name Single Byte"))
                .isEqualTo("PatientNameSingleByte");
        assertThat(PydicomPrivateDictionaryReader.keyword("SC SOP Instance UID")).isEqualTo("SCSOPInstanceUID");
        assertThat(PydicomPrivateDictionaryReader.keyword("Number of images (only sent with autoverify: on)"))
                .isEqualTo("NumberOfImagesOnlySentWithAutoverifyOn");
        assertThat(PydicomPrivateDictionaryReader.keyword("Don't care, 3D-offset [mm]")).isEqualTo("DontCare3DOffsetMm");
        assertThat(PydicomPrivateDictionaryReader.keyword("Stéréo µ")).isEqualTo("StRO");
        assertThat(PydicomPrivateDictionaryReader.keyword("")).isEmpty();
    }

    @Test
    void readsTheInstalledPydicomFileWhenThereIsOne() {
        Path installed = Path.of("/usr/lib/python3/dist-packages/pydicom/_private_dict.py");
        assumeTrue(Files.isRegularFile(installed),
                "python3-pydicom is not installed here");

        PydicomPrivateDictionaryReader.Result r = PydicomPrivateDictionaryReader.read(installed);

        assertThat(r.attributes().size() + r.skipped().size()).isEqualTo(r.read());
        assertThat(r.attributes()).contains(new PrivateAttribute("SIEMENS CSA REPORT", 0x0029, 0x0029, 0x17,
                List.of(VR.UI), "1", "SCSOPInstanceUID", "SC SOP Instance UID"));
    }
}
