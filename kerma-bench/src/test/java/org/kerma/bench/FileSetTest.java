package org.kerma.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSetTest {
    @TempDir
    Path dir;

    @Test
    void directoryGivesItsDcmFilesSortedAndNotRecursively() throws IOException {
        Files.writeString(dir.resolve("b.dcm"), "x");
        Files.writeString(dir.resolve("a.dcm"), "x");
        Files.writeString(dir.resolve("MANIFEST.sha256"), "x");
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/c.dcm"), "x");

        assertThat(FileSet.resolve(List.of(dir.toString())))
                .containsExactly(dir.resolve("a.dcm"), dir.resolve("b.dcm"));
    }

    @Test
    void listGivesItsLinesInOrderRelativeToTheList() throws IOException {
        Files.createDirectory(dir.resolve("with space"));
        Files.writeString(dir.resolve("with space/no-extension"), "x");
        Files.writeString(dir.resolve("z.dcm"), "x");
        Path list = Files.writeString(dir.resolve("files.list"),
                "# a comment\nz.dcm\n\nwith space/no-extension\n" + dir.resolve("z.dcm") + "\n");

        assertThat(FileSet.resolve(List.of("@" + list)))
                .containsExactly(dir.resolve("z.dcm"), dir.resolve("with space/no-extension"), dir.resolve("z.dcm"));
    }

    @Test
    void listNamingAMissingFileIsAnError() throws IOException {
        Path list = Files.writeString(dir.resolve("files.list"), "gone.dcm\n");

        assertThatThrownBy(() -> FileSet.resolve(List.of("@" + list)))
                .isInstanceOf(IOException.class).hasMessageContaining("gone.dcm").hasMessageContaining("does not exist");
    }

    @Test
    void nothingToParseIsAnError() {
        assertThatThrownBy(() -> FileSet.resolve(List.of(dir.toString())))
                .isInstanceOf(IOException.class).hasMessageContaining("no files to parse");
    }
}
