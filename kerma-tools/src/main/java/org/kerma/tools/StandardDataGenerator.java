package org.kerma.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.tools.read.AnnexATransferSyntaxReader;
import org.kerma.tools.read.DcmtkDictionaryReader;
import org.kerma.tools.read.DcmtkPrivateDictionaryReader;
import org.kerma.tools.read.DebianPackages;
import org.kerma.tools.read.Dicom3toolsTransferSyntaxReader;
import org.kerma.tools.read.PrivateAttribute;
import org.kerma.tools.read.Provenance;
import org.kerma.tools.read.PydicomDictionaryReader;
import org.kerma.tools.read.PydicomPrivateDictionaryReader;
import org.kerma.tools.read.PydicomUidReader;
import org.kerma.tools.write.DictionaryTsvWriter;
import org.kerma.tools.write.PrivateDictionaryTsvWriter;
import org.kerma.tools.write.TagJavaWriter;
import org.kerma.tools.write.UidJavaWriter;
import org.kerma.tools.write.UidTsvWriter;

/**
 * Generates kerma-dicom's data dictionary and UID registry from the staged standard sources (see
 * {@code ../shared/standard/EVALUATION.md}): {@code dictionary.tsv} and {@code Tag.java} from DCMTK's
 * {@code dicom.dic} (2026b) named by pydicom; {@code uids.tsv} and {@code Uid.java} from pydicom's UID registry with
 * transfer syntax traits from dicom3tools and PS3.5 Annex A; optionally {@code private-dictionary.tsv} from DCMTK's
 * {@code private.dic}, merged with pydicom's {@code _private_dict.py} when that is available (DCMTK first, see
 * {@link PrivateDictionaryJoin}). Prints a cross-check report of every disagreement between sources to standard
 * output.
 *
 * <p>Run by {@code tools/generate-standard-data.sh}; never at build time or run time. Same inputs give
 * byte-identical outputs.
 */
public final class StandardDataGenerator {
    static final String DCMTK_DICTIONARY = "dcmtk/dcmdata/data/dicom.dic";
    static final String PYDICOM_DICTIONARY = "pydicom/src/pydicom/_dicom_dict.py";
    static final String PYDICOM_UIDS = "pydicom/src/pydicom/_uid_dict.py";
    static final String DICOM3TOOLS_TRANSFER_SYNTAXES = "dicom3tools/libsrc/standard/transyn.tpl";
    static final String PS35_DOCBOOK = "nema-docbook/part05.xml";
    static final String PYDICOM_NOT_READ = "private: pydicom _private_dict.py not read";

    private StandardDataGenerator() {
    }

    /** Command line entry: see {@link GeneratorOptions#parse(String...)}. */
    public static void main(String[] args) {
        GeneratorOptions options = GeneratorOptions.parse(args);
        CrossCheckReport report = generate(options);
        System.out.println("Generated into " + options.projectDir().resolve(GeneratedFiles.DICOM_MODULE));
        System.out.print(report.render());
    }

    /**
     * Reads the sources and writes every output under {@code options.projectDir()}.
     *
     * @return the cross-check report
     * @throws IllegalStateException when an input is missing
     * @throws IllegalArgumentException naming file and line when an input is malformed
     */
    public static CrossCheckReport generate(GeneratorOptions options) {
        options.requireInputs();
        CrossCheckReport report = new CrossCheckReport();
        GeneratedFiles out = new GeneratedFiles(options.projectDir());
        generateDictionary(options.standardDir(), out, report);
        generateUids(options.standardDir(), out, report);
        options.privateDic().ifPresent(p -> generatePrivateDictionary(p, options.pydicomPrivateDic(), out, report));
        return report;
    }

    private static void generateDictionary(Path standard, GeneratedFiles out, CrossCheckReport report) {
        List<Provenance> sources = List.of(Provenance.ofStaged(standard, DCMTK_DICTIONARY),
                Provenance.ofStaged(standard, PYDICOM_DICTIONARY));
        List<DictionaryEntry> entries = new DictionaryJoin(report).join(
                DcmtkDictionaryReader.read(standard.resolve(DCMTK_DICTIONARY)),
                PydicomDictionaryReader.read(standard.resolve(PYDICOM_DICTIONARY)));
        DictionaryTsvWriter.write(out.dictionaryTsv(), entries, sources);
        TagJavaWriter.write(out.tagJava(), entries, sources);
    }

    private static void generateUids(Path standard, GeneratedFiles out, CrossCheckReport report) {
        List<Provenance> sources = List.of(Provenance.ofStaged(standard, PYDICOM_UIDS),
                Provenance.ofStaged(standard, DICOM3TOOLS_TRANSFER_SYNTAXES),
                Provenance.ofStaged(standard, PS35_DOCBOOK));
        List<UidTsvWriter.Row> rows = new UidJoin(report).join(
                PydicomUidReader.read(standard.resolve(PYDICOM_UIDS)),
                Dicom3toolsTransferSyntaxReader.read(standard.resolve(DICOM3TOOLS_TRANSFER_SYNTAXES)),
                AnnexATransferSyntaxReader.read(standard.resolve(PS35_DOCBOOK)));
        UidTsvWriter.write(out.uidsTsv(), rows, sources);
        UidJavaWriter.write(out.uidJava(), rows.stream().map(UidTsvWriter.Row::entry).collect(Collectors.toList()),
                List.of(sources.get(0)));
    }

    private static void generatePrivateDictionary(Path privateDic, Optional<Path> pydicomPrivateDic,
                                                  GeneratedFiles out, CrossCheckReport report) {
        DcmtkPrivateDictionaryReader.Result dcmtk = DcmtkPrivateDictionaryReader.read(privateDic);
        dcmtk.overridden().forEach(o -> report.add("private.dic: definition overridden by a later line", o));
        DebianPackages packages = DebianPackages.system();
        List<Provenance> sources = new ArrayList<>(List.of(Provenance.ofInstalled(privateDic, packages)));
        PrivateDictionaryJoin join = new PrivateDictionaryJoin(report);
        List<PrivateAttribute> attributes;
        if (pydicomPrivateDic.isPresent()) {
            sources.add(Provenance.ofInstalled(pydicomPrivateDic.get(), packages));
            attributes = join.join(dcmtk.attributes(), PydicomPrivateDictionaryReader.read(pydicomPrivateDic.get()));
        } else {
            Path debian = GeneratorOptions.DEBIAN_PYDICOM_PRIVATE_DIC;
            report.add(PYDICOM_NOT_READ, (Files.isRegularFile(debian) ? "none given (--pydicom-private-dic '')"
                    : "none given, and " + debian + " (Debian package python3-pydicom) is not installed")
                    + ": private-dictionary.tsv is from private.dic alone");
            attributes = join.dcmtkOnly(dcmtk.attributes());
        }
        PrivateDictionaryTsvWriter.write(out.privateDictionaryTsv(), attributes, sources);
    }
}
