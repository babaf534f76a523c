package org.kerma.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorOptionsTest {

    @Test
    void defaultsTheStandardFolderToSharedBesideTheProject() {
        GeneratorOptions o = GeneratorOptions.parse("--project", "/work/kerma");

        assertThat(o.standardDir()).isEqualTo(Path.of("/work/shared/standard"));
        assertThat(o.privateDic()).isEmpty();
    }

    @Test
    void defaultsPydicomsPrivateDictionaryToDebiansWhenInstalled() {
        GeneratorOptions o = GeneratorOptions.parse("--project", "/work/kerma");

        if (Files.isRegularFile(GeneratorOptions.DEBIAN_PYDICOM_PRIVATE_DIC)) {
            assertThat(o.pydicomPrivateDic()).contains(GeneratorOptions.DEBIAN_PYDICOM_PRIVATE_DIC);
        } else {
            assertThat(o.pydicomPrivateDic()).isEmpty();
        }
        assertThat(GeneratorOptions.parse("--pydicom-private-dic", "").pydicomPrivateDic()).isEmpty();
        assertThat(GeneratorOptions.parse("--pydicom-private-dic", "/x/_private_dict.py").pydicomPrivateDic())
                .contains(Path.of("/x/_private_dict.py"));
    }

    @Test
    void namesAGivenPydicomPrivateDictionaryThatIsMissing(@TempDir Path standard) {
        GeneratorOptions o = GeneratorOptions.parse("--standard", standard.toString(), "--private-dic", "",
                "--pydicom-private-dic", "/no/such/_private_dict.py");

        assertThatThrownBy(() -> StandardDataGenerator.generate(o))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/no/such/_private_dict.py");
    }

    @Test
    void treatsAnEmptyPrivateDictionaryPathAsNone() {
        GeneratorOptions o = GeneratorOptions.parse("--standard", "/s", "--private-dic", "", "--project", "/p");

        assertThat(o.standardDir()).isEqualTo(Path.of("/s"));
        assertThat(o.privateDic()).isEmpty();
        assertThat(GeneratorOptions.parse("--private-dic", "/usr/x/private.dic").privateDic())
                .contains(Path.of("/usr/x/private.dic"));
    }

    @Test
    void rejectsUnknownOptionsWithUsage() {
        assertThatThrownBy(() -> GeneratorOptions.parse("--edition", "2026b"))
                .hasMessageContaining("unknown option --edition").hasMessageContaining("usage:");
        assertThatThrownBy(() -> GeneratorOptions.parse("--standard")).hasMessageContaining("missing value");
    }

    @Test
    void namesTheMissingStandardFolder() {
        GeneratorOptions o = GeneratorOptions.parse("--standard", "/no/such/folder");

        assertThatThrownBy(() -> StandardDataGenerator.generate(o))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/no/such/folder");
    }
}
