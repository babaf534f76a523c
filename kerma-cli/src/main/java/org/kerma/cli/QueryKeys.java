package org.kerma.cli;

import java.util.List;
import java.util.OptionalInt;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Tags;
import org.kerma.dicom.Uid;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Query keys and information model as dcmtk's findscu/movescu/getscu take them. */
final class QueryKeys {

    @Option(names = {"-k", "--key"}, paramLabel = "KEY[=VALUE]",
            description = "A query key: keyword or gggg,eeee, with an optional value (e.g. -k PatientID=123).")
    List<String> keys = List.of();

    @Option(names = {"-L", "--level"}, paramLabel = "LEVEL",
            description = "Query/Retrieve Level: PATIENT, STUDY, SERIES or IMAGE (the same as -k QueryRetrieveLevel=...).")
    String level;

    @ArgGroup(exclusive = true)
    Model model = new Model();

    static final class Model {
        @Option(names = {"-P", "--patient"}, description = "Patient Root information model (default).")
        boolean patient;

        @Option(names = {"-S", "--study"}, description = "Study Root information model.")
        boolean study;
    }

    /** FIND, MOVE or GET SOP class of the chosen model. */
    String sopClass(String service) {
        boolean study = model != null && model.study;
        return switch (service) {
            case "FIND" -> study ? Uid.StudyRootQueryRetrieveInformationModelFind
                    : Uid.PatientRootQueryRetrieveInformationModelFind;
            case "MOVE" -> study ? Uid.StudyRootQueryRetrieveInformationModelMove
                    : Uid.PatientRootQueryRetrieveInformationModelMove;
            default -> study ? Uid.StudyRootQueryRetrieveInformationModelGet
                    : Uid.PatientRootQueryRetrieveInformationModelGet;
        };
    }

    /** The identifier built from the keys. */
    DicomObject identifier() {
        DicomObject d = new DicomObject();
        for (String key : keys) {
            int eq = key.indexOf('=');
            String name = eq < 0 ? key : key.substring(0, eq);
            String value = eq < 0 ? "" : key.substring(eq + 1);
            int tag = tagOf(name.trim());
            if (value.isEmpty()) {
                d.putString(tag, ElementDictionary.standard().vrOf(tag));
            } else {
                d.setString(tag, value.split("\\\\"));
            }
        }
        if (level != null) {
            d.setString(Tag.QueryRetrieveLevel, level.toUpperCase(java.util.Locale.ROOT));
        }
        if (!d.contains(Tag.QueryRetrieveLevel)) {
            throw new IllegalArgumentException("no QueryRetrieveLevel key (e.g. -L STUDY or -k QueryRetrieveLevel=STUDY)");
        }
        return d;
    }

    private static int tagOf(String name) {
        OptionalInt tag = ElementDictionary.standard().tagOf(name);
        if (tag.isPresent()) {
            return tag.getAsInt();
        }
        return Tags.parse(name);
    }
}
