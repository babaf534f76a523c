package org.kerma.tools.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonLiteralsTest {

    @Test
    void readsAnnotatedDictOfTuplesWithHexKeys() {
        String module = "\"\"\"Generated \"dict\"\n docstring\"\"\"\n"
                + "# Each entry is Tag: (VR, VM, Name, Retired, Keyword)\n"
                + "DicomDictionary: dict[int, tuple[str, str, str, str, str]] = {\n"
                + "    0x00100010: ('PN', '1', \"Patient's Name\", '', 'PatientName'),\n"
                + "    0xFFFEE000: ('NONE', '1', \"Item\", '', 'Item')\n"
                + "}\n";

        Map<String, Object> names = PythonLiterals.parseModule("test.py", module);

        Map<?, ?> dict = (Map<?, ?>) names.get("DicomDictionary");
        assertThat(dict.get(0x00100010L)).isEqualTo(List.of("PN", "1", "Patient's Name", "", "PatientName"));
        assertThat(dict.get(0xFFFEE000L)).isEqualTo(List.of("NONE", "1", "Item", "", "Item"));
    }

    @Test
    void decodesEscapesAndJoinsAdjacentStrings() {
        Map<String, Object> names = PythonLiterals.parseModule("t.py",
                "x = ['a\\'b' \"c\", 'tab\\there', 'micro \\u00b5', r'raw\\n', '\\x41']\n");

        assertThat(names.get("x")).isEqualTo(List.of("a'bc", "tab\there", "micro \u00b5", "raw\\n", "A"));
    }

    @Test
    void readsNestedLiteralsAndConstants() {
        Map<String, Object> names = PythonLiterals.parseModule("t.py",
                "a = {'k': {'n': [1, -2, (True, False, None)]},}\nb = 3\n");

        Map<?, ?> a = (Map<?, ?>) names.get("a");
        List<?> list = (List<?>) ((Map<?, ?>) a.get("k")).get("n");
        assertThat(list.get(0)).isEqualTo(1L);
        assertThat(list.get(1)).isEqualTo(-2L);
        assertThat(list.get(2)).isEqualTo(List.of(true, false, PythonLiterals.NONE));
        assertThat(names.get("b")).isEqualTo(3L);
    }

    @Test
    void skipsImportStatements() {
        Map<String, Object> names = PythonLiterals.parseModule("t.py", "\"\"\"Doc.\"\"\"\n"
                + "from typing import Dict, Tuple\nimport os.path as p, sys\nfrom . import (a as b,\n c,)\n"
                + "from x.y import *\n"
                + "d: Dict[str, Dict[str, Tuple[str, str]]] = {'C': {'0019xx10': ('SH', '1')}}\n");

        assertThat(names).containsOnlyKeys("d");
        assertThat(names.get("d")).isEqualTo(Map.of("C", Map.of("0019xx10", List.of("SH", "1"))));
    }

    @Test
    void namesSourceAndLineOfWhatItCannotRead() {
        assertThatThrownBy(() -> PythonLiterals.parseModule("gen.py", "a = {\n 1: ('x',\n}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gen.py:3:");
        assertThatThrownBy(() -> PythonLiterals.parseModule("gen.py", "import os\nprint(os)\n"))
                .hasMessageStartingWith("gen.py:2:");
        assertThatThrownBy(() -> PythonLiterals.parseModule("gen.py", "from typing import Dict\nd = Dict\n"))
                .hasMessageContaining("not a literal: Dict");
        assertThatThrownBy(() -> PythonLiterals.parseModule("gen.py", "a = 'open\n"))
                .hasMessageContaining("line break inside a string");
    }
}
