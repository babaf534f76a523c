package org.kerma.dicom.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;
import org.kerma.dicom.internal.model.Attribute;
import org.kerma.dicom.internal.model.DatasetBuilder;
import org.kerma.dicom.internal.model.ModelException;
import org.kerma.dicom.internal.model.Numbers;
import org.kerma.dicom.internal.model.ValueTexts;

/**
 * The DICOM JSON Model (PS3.18 Annex F), both ways.
 *
 * <p>Writing: one JSON object per data set, keyed by the tags as eight upper-case hex digits in ascending order;
 * each attribute an object with {@code "vr"} and, when it has a value, one of {@code "Value"} (an array),
 * {@code "InlineBinary"} (base64) or {@code "BulkDataURI"}. Strings are decoded through the data set's Specific
 * Character Set and trimmed of padding; an empty value among several is {@code null}, an attribute without value has
 * no {@code "Value"}. PN values are objects with {@code Alphabetic}, {@code Ideographic} and {@code Phonetic}; AT
 * values are hex strings; SQ items are objects. US, SS, UL, SL, SV, UV, FL and FD are JSON numbers (FL/FD NaN and
 * infinities as the strings "NaN", "Infinity", "-Infinity"); DS and IS are JSON numbers when their text is a JSON
 * number, written exactly as in the data set, and strings otherwise ("+1.5", "007", ".5"). OB, OD, OF, OL, OV, OW
 * and UN are InlineBinary or BulkDataURI as {@link JsonOptions} decides; encapsulated Pixel Data is the
 * InlineBinary of its encapsulated form (items with their headers, no sequence delimiter). Private attributes keep
 * their VR. Group Length elements are written like any other.
 *
 * <p>Reading accepts what writing produces, DS and IS as numbers or strings, and builds values as the
 * {@link DicomObject} setters would: (0008,0005) first, strings encoded through it and padded per VR (so the
 * padding and any invalid bytes of the original are not carried: JSON holds values, not bytes). InlineBinary of
 * Pixel Data that is exactly a chain of items becomes {@link org.kerma.dicom.Fragments}. A BulkDataURI in the form of
 * {@link BulkDataUris#fileReference} becomes a {@link org.kerma.dicom.BulkData}; any other is not fetched: see
 * {@link #readWithReferences}. Anything else (an unknown field or VR, a value of the wrong JSON type, a tag
 * that is not eight hex digits, sequences nested deeper than {@link JsonOptions#maxDepth()}) is a
 * {@link DicomJsonException} naming the JSON path and the line and column.
 *
 * <p>Stateless and thread-safe. Streams passed in are neither closed nor buffered beyond what is read.
 */
public final class DicomJson {
    private static final JsonFactory WRITER_FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private DicomJson() {
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    /** Writes {@code dataset} as one DICOM JSON object; {@code out} is flushed, not closed. */
    public static void write(DicomObject dataset, Writer out, JsonOptions options) throws IOException {
        try (JsonGenerator g = WRITER_FACTORY.createGenerator(out)) {
            if (options.prettyPrint()) {
                g.useDefaultPrettyPrinter();
            }
            new Output(g, options).dataset(dataset, "");
        } catch (ModelException e) {
            throw new DicomJsonException(e.path(), "cannot write DICOM JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code dataset} as one DICOM JSON object in UTF-8; {@code out} is flushed, not closed. */
    public static void write(DicomObject dataset, OutputStream out, JsonOptions options) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(dataset, w, options);
        w.flush();
    }

    /** The DICOM JSON of {@code dataset} as a string. */
    public static String toJson(DicomObject dataset, JsonOptions options) throws DicomJsonException {
        StringWriter w = new StringWriter();
        try {
            write(dataset, w, options);
        } catch (DicomJsonException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return w.toString();
    }

    private static final class Output {
        private final JsonGenerator g;
        private final JsonOptions options;

        Output(JsonGenerator g, JsonOptions options) {
            this.g = g;
            this.options = options;
        }

        void dataset(DicomObject obj, String prefix) throws IOException {
            g.writeStartObject();
            for (int i = 0; i < obj.size(); i++) {
                String key = Tags.toHex(obj.tagAt(i));
                String path = prefix.isEmpty() ? key : prefix + "." + key;
                g.writeFieldName(key);
                g.writeStartObject();
                g.writeStringField("vr", obj.vrAt(i).name());
                element(obj, i, path);
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        private void element(DicomObject obj, int i, String path) throws IOException {
            VR vr = obj.vrAt(i);
            Object value = obj.valueAt(i);
            if (value instanceof Sequence seq) {
                if (!seq.isEmpty()) {
                    g.writeArrayFieldStart("Value");
                    for (int k = 0; k < seq.size(); k++) {
                        dataset(seq.item(k), path + ".Value[" + k + "]");
                    }
                    g.writeEndArray();
                }
                return;
            }
            if (vr == VR.SQ) {
                throw new ModelException(path, "an SQ element holds bytes, not items");
            }
            if (ValueTexts.isBinary(vr) || !(value instanceof byte[])) {
                if (value instanceof byte[] b && b.length == 0) {
                    return;
                }
                Object form = ValueTexts.binaryForm(obj, i, path, options.inlineBinaryThreshold(),
                        options.bulkDataUris());
                if (form instanceof byte[] bytes) {
                    g.writeFieldName("InlineBinary");
                    g.writeBinary(bytes);
                } else {
                    g.writeStringField("BulkDataURI", (String) form);
                }
                return;
            }
            List<String> texts = ValueTexts.of(obj, i, path);
            if (texts.isEmpty()) {
                return;
            }
            g.writeArrayFieldStart("Value");
            for (String text : texts) {
                value(vr, text);
            }
            g.writeEndArray();
        }

        private void value(VR vr, String text) throws IOException {
            if (text == null) {
                g.writeNull();
            } else if (vr == VR.PN) {
                String[] groups = ValueTexts.personNameGroups(text);
                g.writeStartObject();
                String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
                for (int k = 0; k < 3; k++) {
                    if (!groups[k].isEmpty()) {
                        g.writeStringField(names[k], groups[k]);
                    }
                }
                g.writeEndObject();
            } else if (vr.kind() == VR.Kind.BINARY_NUMBER || vr == VR.DS || vr == VR.IS) {
                if (Numbers.isJsonNumber(text)) {
                    g.writeNumber(text);
                } else {
                    g.writeString(text);
                }
            } else {
                g.writeString(text);
            }
        }
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /**
     * Reads one DICOM JSON object.
     *
     * @throws DicomJsonException naming the JSON path when the document is not valid DICOM JSON, or when it holds a
     *                            BulkDataURI that is not one of Kerma's {@code file:} references (use
     *                            {@link #readWithReferences} to accept those)
     */
    public static DicomObject read(Reader in, JsonOptions options) throws IOException {
        ReadResult result = readWithReferences(in, options);
        if (!result.references().isEmpty()) {
            BulkDataReference r = result.references().get(0);
            throw new DicomJsonException(r.path(), r.path() + ": BulkDataURI '" + r.uri() + "' is not a Kerma"
                    + " file reference and is not fetched; read with readWithReferences to accept references", null);
        }
        return result.dataset();
    }

    /** Reads one DICOM JSON object in UTF-8; see {@link #read(Reader, JsonOptions)}. */
    public static DicomObject read(InputStream in, JsonOptions options) throws IOException {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), options);
    }

    /** Reads a DICOM JSON object from a string; see {@link #read(Reader, JsonOptions)}. */
    public static DicomObject fromJson(String json, JsonOptions options) throws DicomJsonException {
        try {
            return read(new StringReader(json), options);
        } catch (DicomJsonException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        }
    }

    /**
     * Reads one DICOM JSON object, keeping BulkDataURIs other than Kerma's {@code file:} references as
     * {@link BulkDataReference}s (their elements are present with an empty value). Nothing is fetched.
     */
    public static ReadResult readWithReferences(Reader in, JsonOptions options) throws IOException {
        JsonFactory factory = JsonFactory.builder()
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(3 * options.maxDepth() + 8).build())
                .build();
        Input input = null;
        try (JsonParser p = factory.createParser(in)) {
            input = new Input(p, options);
            List<Attribute> attributes = input.document();
            DatasetBuilder builder = new DatasetBuilder();
            DicomObject dataset = new DicomObject();
            builder.fill(dataset, attributes);
            return new ReadResult(dataset, builder.references());
        } catch (ModelException e) {
            throw new DicomJsonException(e.path(), e.getMessage(), e);
        } catch (JsonProcessingException e) {
            String path = input == null ? "" : input.where;
            throw new DicomJsonException(path, (path.isEmpty() ? "" : path + ": ") + "not valid JSON: "
                    + e.getOriginalMessage() + at(e.getLocation()), e);
        }
    }

    /** Reads one DICOM JSON object in UTF-8; see {@link #readWithReferences(Reader, JsonOptions)}. */
    public static ReadResult readWithReferences(InputStream in, JsonOptions options) throws IOException {
        return readWithReferences(new InputStreamReader(in, StandardCharsets.UTF_8), options);
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A Value array element that is an object without fields: an empty item or an empty person name. */
    private static final Object EMPTY_OBJECT = new Object();

    /** A Value array element that was a JSON number, with its text as written. */
    private record NumberText(String text) {
    }

    /** A Value array element that was a person name object, joined into its DICOM form. */
    private record NameText(String text) {
    }

    /** A Value array element that was a data set. */
    private record Item(List<Attribute> attributes) {
    }

    private static final class Input {
        private final JsonParser p;
        private final JsonOptions options;
        String where = "";

        Input(JsonParser p, JsonOptions options) {
            this.p = p;
            this.options = options;
        }

        private ModelException error(String path, String problem) {
            return new ModelException(path, problem + at(p.currentLocation()));
        }

        List<Attribute> document() throws IOException {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw error("", t == null ? "the document is empty" : "expected a data set object, found "
                        + describe(t) + (t == JsonToken.START_ARRAY ? " (read one data set per document)" : ""));
            }
            List<Attribute> attributes = dataset("", p.nextToken(), 0);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw error("", "unexpected " + describe(after) + " after the data set");
            }
            return attributes;
        }

        /** The fields of a data set object; {@code t} is the token after its START_OBJECT. */
        private List<Attribute> dataset(String prefix, JsonToken t, int depth) throws IOException {
            List<Attribute> attributes = new ArrayList<>();
            while (t == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String path = prefix.isEmpty() ? key : prefix + "." + key;
                where = path;
                int tag = Numbers.parseTag(key, path, "attribute key");
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw error(path, "expected an attribute object, found " + describe(p.currentToken()));
                }
                attributes.add(attribute(path, tag, depth));
                t = p.nextToken();
            }
            if (t != JsonToken.END_OBJECT) {
                throw error(prefix, "expected an attribute key, found " + describe(t));
            }
            return attributes;
        }

        private Attribute attribute(String path, int tag, int depth) throws IOException {
            VR vr = null;
            List<Object> values = null;
            String inline = null;
            String uri = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                where = path + "." + field;
                switch (field) {
                    case "vr":
                        String name = text(t, where);
                        vr = VR.ofName(name);
                        if (vr == null) {
                            throw error(where, "unknown VR '" + name + "'");
                        }
                        break;
                    case "Value":
                        if (t != JsonToken.START_ARRAY) {
                            throw error(where, "expected an array, found " + describe(t));
                        }
                        values = values(path + ".Value", depth);
                        break;
                    case "InlineBinary":
                        inline = text(t, where);
                        break;
                    case "BulkDataURI":
                        uri = text(t, where);
                        break;
                    default:
                        throw error(where, "unknown field '" + field + "' (expected vr, Value, InlineBinary or"
                                + " BulkDataURI)");
                }
            }
            where = path;
            if (vr == null) {
                throw error(path, "the attribute has no \"vr\"");
            }
            int kinds = (values != null ? 1 : 0) + (inline != null ? 1 : 0) + (uri != null ? 1 : 0);
            if (kinds > 1) {
                throw error(path, "an attribute has at most one of Value, InlineBinary and BulkDataURI");
            }
            byte[] bytes = null;
            if (inline != null) {
                if (vr == VR.SQ) {
                    throw error(path + ".InlineBinary", "an SQ attribute cannot have InlineBinary");
                }
                try {
                    bytes = Base64.getDecoder().decode(inline);
                } catch (IllegalArgumentException e) {
                    throw error(path + ".InlineBinary", "not base64: " + e.getMessage());
                }
            }
            if (values == null) {
                return new Attribute(tag, vr, null, path, null, null, bytes, uri);
            }
            return typed(tag, vr, path, values);
        }

        /** Checks the Value elements against the VR and makes the attribute. */
        private Attribute typed(int tag, VR vr, String path, List<Object> values) {
            if (vr == VR.SQ) {
                List<List<Attribute>> items = new ArrayList<>(values.size());
                for (int k = 0; k < values.size(); k++) {
                    Object v = values.get(k);
                    if (v instanceof Item item) {
                        items.add(item.attributes());
                    } else if (v == EMPTY_OBJECT) {
                        items.add(List.of());
                    } else {
                        throw error(path + ".Value[" + k + "]", "an SQ value must be an item object, found "
                                + kind(v));
                    }
                }
                return new Attribute(tag, vr, null, path, null, items, null, null);
            }
            if (ValueTexts.isBinary(vr)) {
                throw error(path + ".Value", vr + " values must be given as InlineBinary or BulkDataURI");
            }
            List<String> texts = new ArrayList<>(values.size());
            for (int k = 0; k < values.size(); k++) {
                Object v = values.get(k);
                String where = path + ".Value[" + k + "]";
                if (v == null) {
                    texts.add(null);
                } else if (vr == VR.PN) {
                    if (v instanceof NameText n) {
                        texts.add(n.text());
                    } else if (v == EMPTY_OBJECT) {
                        texts.add("");
                    } else {
                        throw error(where, "a PN value must be an object with Alphabetic, Ideographic or Phonetic,"
                                + " found " + kind(v));
                    }
                } else if (v instanceof String s) {
                    texts.add(s);
                } else if (v instanceof NumberText n
                        && (vr.kind() == VR.Kind.BINARY_NUMBER || vr == VR.DS || vr == VR.IS)) {
                    texts.add(n.text());
                } else {
                    throw error(where, "a " + vr + " value must be a " + (vr.kind() == VR.Kind.BINARY_NUMBER
                            ? "number" : "string") + ", found " + kind(v));
                }
            }
            return new Attribute(tag, vr, null, path, texts, null, null, null);
        }

        private List<Object> values(String path, int depth) throws IOException {
            List<Object> values = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                String where = path + "[" + values.size() + "]";
                this.where = where;
                switch (t) {
                    case VALUE_NULL:
                        values.add(null);
                        break;
                    case VALUE_STRING:
                        values.add(p.getText());
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        values.add(new NumberText(p.getText()));
                        break;
                    case START_OBJECT:
                        values.add(object(where, depth));
                        break;
                    default:
                        throw error(where, "unexpected " + describe(t) + " in a Value array");
                }
            }
            return values;
        }

        /** A Value element that is an object: a person name, an item, or empty. */
        private Object object(String path, int depth) throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_OBJECT) {
                return EMPTY_OBJECT;
            }
            String first = p.currentName();
            if (first.equals("Alphabetic") || first.equals("Ideographic") || first.equals("Phonetic")) {
                return personName(path);
            }
            if (depth + 1 > options.maxDepth()) {
                throw error(path, "sequences nested deeper than " + options.maxDepth() + " levels");
            }
            return new Item(dataset(path, t, depth + 1));
        }

        /** The groups of a PN object; the parser is at its first field name. */
        private NameText personName(String path) throws IOException {
            String[] groups = {"", "", ""};
            JsonToken t = p.currentToken();
            while (t == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                String where = path + "." + field;
                int k = field.equals("Alphabetic") ? 0 : field.equals("Ideographic") ? 1
                        : field.equals("Phonetic") ? 2 : -1;
                if (k < 0) {
                    throw error(where, "unknown field '" + field + "' in a PN value (expected Alphabetic,"
                            + " Ideographic or Phonetic)");
                }
                JsonToken v = p.nextToken();
                String group = v == JsonToken.VALUE_NULL ? "" : text(v, where);
                if (group.indexOf('=') >= 0) {
                    throw error(where, "a PN component group must not contain '='");
                }
                groups[k] = group;
                t = p.nextToken();
            }
            return new NameText(ValueTexts.joinPersonName(groups[0], groups[1], groups[2]));
        }

        private String text(JsonToken t, String path) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                throw error(path, "expected a string, found " + describe(t));
            }
            return p.getText();
        }

        private static String kind(Object v) {
            if (v instanceof String) {
                return "a string";
            }
            if (v instanceof NumberText) {
                return "a number";
            }
            if (v instanceof NameText) {
                return "a person name object";
            }
            if (v instanceof Item) {
                return "an item object";
            }
            return v == EMPTY_OBJECT ? "an empty object" : "null";
        }

        private static String describe(JsonToken t) {
            if (t == null) {
                return "the end of the input";
            }
            switch (t) {
                case START_OBJECT: return "an object";
                case START_ARRAY: return "an array";
                case VALUE_STRING: return "a string";
                case VALUE_NUMBER_INT: case VALUE_NUMBER_FLOAT: return "a number";
                case VALUE_TRUE: case VALUE_FALSE: return "a boolean";
                case VALUE_NULL: return "null";
                case END_OBJECT: return "the end of an object";
                case END_ARRAY: return "the end of an array";
                default: return t.toString();
            }
        }
    }
}
