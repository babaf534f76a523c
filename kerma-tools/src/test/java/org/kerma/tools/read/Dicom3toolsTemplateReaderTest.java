package org.kerma.tools.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Dicom3toolsTemplateReaderTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("t.tpl");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void nestsSequencesAndKeepsEveryPairOfALine() throws IOException {
        List<TemplateBlock> blocks = Dicom3toolsTemplateReader.read(file("""
                Module="RTBeams"
                \tSequence="BeamSequence"\tType="1"\tVM="1-n"
                \t\tName="BeamNumber"\tType="1"   # a comment
                \t\tInvokeMacro="SOPInstanceReferenceMacro"\tCondition="Always"
                \tSequenceEnd
                ModuleEnd
                """), line -> { });

        assertThat(blocks).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo("Module");
            assertThat(b.name()).isEqualTo("RTBeams");
            TemplateBlock.Node beams = b.body().get(0);
            assertThat(beams.fields()).containsEntry("Type", "1").containsEntry("VM", "1-n");
            assertThat(beams.children()).extracting(TemplateBlock.Node::value)
                    .containsExactly("BeamNumber", "SOPInstanceReferenceMacro");
            assertThat(beams.children().get(1).fields()).containsEntry("Condition", "Always");
        });
    }

    @Test
    void readsTheSourcesSlipsLenientlyAndSaysWhere() throws IOException {
        List<String> lenient = new ArrayList<>();
        List<TemplateBlock> blocks = Dicom3toolsTemplateReader.read(file("""
                DefineMacro="VOILUTMacro"
                \tSequence="X"\tType="1"\tVM="1"-n
                \tSequenceEnd
                \tSequenceEnd
                ModuleEnd
                Condition="C"
                \tElement="Modality"\tStringValue="CT"
                }
                ConditionEnd
                """), lenient::add);

        assertThat(blocks).extracting(TemplateBlock::name).containsExactly("VOILUTMacro", "C");
        assertThat(blocks.get(0).body().get(0).fields()).containsEntry("VM", "1-n");
        assertThat(lenient).containsExactly("t.tpl:2: Sequence=\"X\" Type=\"1\" VM=\"1\"-n",
                "t.tpl:4: SequenceEnd without a matching start (ignored)",
                "t.tpl:5: DefineMacro \"VOILUTMacro\" closed by ModuleEnd", "t.tpl:8: }");
    }

    @Test
    void refusesABlockThatNeverEnds() throws IOException {
        Path f = file("Module=\"Patient\"\n\tName=\"PatientName\"\tType=\"2\"\n");

        assertThatThrownBy(() -> Dicom3toolsTemplateReader.read(f, line -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("t.tpl:1: Module \"Patient\" never ends");
    }

    @Test
    void keepsOnlyThePs33ReferenceOfALink() {
        assertThat(InnoliticsReader.section("http://dicom.nema.org/medical/dicom/current/output/chtml/part03/"
                + "sect_C.8.8.14.html#table_C.8-50")).isEqualTo("Table C.8-50");
        assertThat(InnoliticsReader.section("http://dicom.nema.org/medical/dicom/current/output/chtml/part03/"
                + "sect_A.16.3.html#table_A.16-1")).isEqualTo("A.16.3");
    }
}
