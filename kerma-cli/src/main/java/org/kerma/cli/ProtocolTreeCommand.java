package org.kerma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.kerma.protocol.CrossReferenceTree;
import org.kerma.protocol.ProtocolFinding;
import org.kerma.registry.Registry;
import org.kerma.registry.protocol.ProtocolQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma protocol tree FILE|DIR...}: the cross references of a set of files (directories are walked) as a
 * tree: defined protocols, the defined protocols that take input from them, performed protocols, images, irradiation
 * events. Files that are not DICOM are reported on standard error and left out.
 *
 * <p>{@code kerma protocol tree STUDY_UID --data DIR}: the same tree for a study of the registry, from its tables.
 */
@Command(name = "tree", description = "Draw the cross references of protocol and image files as a tree, or those of"
        + " a study in the registry (STUDY_UID with --data).")
final class ProtocolTreeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|STUDY_UID", description = "Files, or directories to walk;"
            + " with --data or --db, one Study Instance UID of the registry.")
    private List<String> paths;

    @Mixin
    private RegistryOptions registry;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CrossReferenceTree tree;
        if (ProtocolCommand.fromRegistry(registry)) {
            if (paths.size() != 1) {
                throw new ParameterException(spec.commandLine(), "with --data or --db, tree takes one Study Instance"
                        + " UID");
            }
            String study = paths.get(0).trim();
            try (Registry open = Registry.open(registry.config(), List.of())) {
                tree = new ProtocolQueries(open.index()).studyTree(study).orElseThrow(() ->
                        new IllegalArgumentException("study " + study + " is not in the registry "
                                + open.index().url()));
            }
        } else {
            List<CrossReferenceTree.Source> sources = new ArrayList<>();
            for (Path file : files()) {
                try {
                    sources.add(new CrossReferenceTree.Source(file.toString(), ProtocolCommand.read(file)));
                } catch (IOException e) {
                    err.println("kerma protocol tree: skipped " + e.getMessage());
                }
            }
            tree = CrossReferenceTree.build(sources);
        }
        out.print(tree.render());
        if (!tree.findings().isEmpty()) {
            out.println("findings:");
            for (ProtocolFinding f : tree.findings()) {
                out.println("  " + f);
            }
        }
        out.flush();
        err.flush();
        return Kerma.EXIT_OK;
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths.stream().map(Path::of).toList()) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new IOException("no such file: " + p);
            }
        }
        return files;
    }
}
