package org.kerma.dicom.xml;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tags;
import org.kerma.dicom.VR;
import org.kerma.dicom.internal.model.Attribute;
import org.kerma.dicom.internal.model.DatasetBuilder;
import org.kerma.dicom.internal.model.ModelException;
import org.kerma.dicom.internal.model.Numbers;
import org.kerma.dicom.internal.model.ValueTexts;
import org.kerma.dicom.json.BulkDataReference;
import org.kerma.dicom.json.ReadResult;

/**
 * The Native DICOM Model (PS3.19 Annex A), both ways.
 *
 * <p>Writing: {@code <NativeDicomModel xmlns="http://dicom.nema.org/PS3.19/models/NativeDICOM"
 * xml:space="preserve">} holding one {@code <DicomAttribute tag="GGGGEEEE" vr=".." keyword="..">} per element in
 * tag order, with {@code <Value number="n">} values (decoded through the data set's Specific Character Set, trimmed
 * of padding; an empty value is an empty element), {@code <PersonName number="n">} with {@code Alphabetic},
 * {@code Ideographic}, {@code Phonetic} groups of {@code FamilyName}, {@code GivenName}, {@code MiddleName},
 * {@code NamePrefix}, {@code NameSuffix}, {@code <Item number="n">} for sequence items, and {@code <InlineBinary>}
 * or {@code <BulkData uri=".."/>} for binary values as {@link XmlOptions} decides (encapsulated Pixel Data as the
 * InlineBinary of its encapsulated form). Group Length elements are not written (PS3.19 A.1.1). A private data
 * element is written with its block removed ({@code gggg00ee}) and a {@code privateCreator} attribute, as PS3.19
 * Table A.1.5-2 describes; when its block has no creator, or two blocks share the creator, its full tag is
 * written instead so that nothing is lost. Carriage returns are written as {@code &#13;} so that they survive XML
 * line-end normalisation; characters XML 1.0 cannot hold are an error.
 *
 * <p>Reading accepts that form, with or without the namespace, and builds values as {@link DicomObject}'s setters
 * would (see {@link org.kerma.dicom.json.DicomJson} for what that means). A private element given as
 * {@code gggg00ee} with a privateCreator is placed in the block that creator reserves in the same item, or in a
 * newly reserved block. {@code <BulkData uri>} in Kerma's {@code file:} form becomes a
 * {@link org.kerma.dicom.BulkData}; any other URI, and {@code <BulkData uuid>}, a {@link BulkDataReference}.
 * Keywords are not checked against tags. DTDs are refused and external entities never resolved; sequences nested
 * deeper than {@link XmlOptions#maxDepth()} are an error. Every error is a {@link DicomXmlException} naming the
 * path, line and column.
 *
 * <p>Stateless and thread-safe.
 */
public final class DicomXml {
    /** The namespace of the Native DICOM Model. */
    public static final String NAMESPACE = "http://dicom.nema.org/PS3.19/models/NativeDICOM";

    private static final String[] GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};
    private static final String[] COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private DicomXml() {
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    /** Writes {@code dataset} as a Native DICOM Model document; {@code out} is flushed, not closed. */
    public static void write(DicomObject dataset, Writer out, XmlOptions options) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("NativeDicomModel");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("xml", XMLConstants.XML_NS_URI, "space", "preserve");
            w.writeCharacters("\n");
            new Output(w, options).attributes(dataset, "");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            out.flush();
        } catch (ModelException e) {
            throw new DicomXmlException(e.path(), "cannot write the Native DICOM Model: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
    }

    /** Writes {@code dataset} as a Native DICOM Model document in UTF-8; {@code out} is flushed, not closed. */
    public static void write(DicomObject dataset, OutputStream out, XmlOptions options) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(dataset, w, options);
        w.flush();
    }

    /** The Native DICOM Model document of {@code dataset} as a string. */
    public static String toXml(DicomObject dataset, XmlOptions options) throws DicomXmlException {
        StringWriter w = new StringWriter();
        try {
            write(dataset, w, options);
        } catch (DicomXmlException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return w.toString();
    }

    private static final class Output {
        private final XMLStreamWriter w;
        private final XmlOptions options;

        Output(XMLStreamWriter w, XmlOptions options) {
            this.w = w;
            this.options = options;
        }

        void attributes(DicomObject obj, String prefix) throws XMLStreamException {
            for (int i = 0; i < obj.size(); i++) {
                int tag = obj.tagAt(i);
                if (Tags.isGroupLength(tag)) {
                    continue;
                }
                String path = prefix + Tags.toHex(tag);
                VR vr = obj.vrAt(i);
                String creator = privateCreator(obj, tag);
                w.writeStartElement("DicomAttribute");
                w.writeAttribute("tag", Tags.toHex(creator == null ? tag : tag & 0xFFFF00FF));
                w.writeAttribute("vr", vr.name());
                if (!Tags.isPrivate(tag)) {
                    String keyword = ElementDictionary.standard().keywordOf(tag);
                    if (!keyword.isEmpty()) {
                        w.writeAttribute("keyword", keyword);
                    }
                }
                if (creator != null) {
                    checkText(creator, path);
                    w.writeAttribute("privateCreator", creator);
                }
                w.writeCharacters("\n");
                content(obj, i, path);
                w.writeEndElement();
                w.writeCharacters("\n");
            }
        }

        /** The creator to write for a private data element, or null to write its full tag. */
        private static String privateCreator(DicomObject obj, int tag) {
            if (!Tags.isPrivate(tag) || Tags.isPrivateCreator(tag) || Tags.isGroupLength(tag)) {
                return null;
            }
            String creator = obj.privateCreatorOf(tag);
            if (creator == null || creator.isEmpty()) {
                return null;
            }
            int group = tag & 0xFFFF0000;
            int own = Tags.creatorOf(tag);
            for (int b = 0x10; b <= 0xFF; b++) {
                if ((group | b) != own && creator.equals(obj.privateCreatorOf(group | (b << 8)))) {
                    return null;
                }
            }
            return creator;
        }

        private void content(DicomObject obj, int i, String path) throws XMLStreamException {
            VR vr = obj.vrAt(i);
            Object value = obj.valueAt(i);
            if (value instanceof Sequence seq) {
                for (int k = 0; k < seq.size(); k++) {
                    w.writeStartElement("Item");
                    w.writeAttribute("number", Integer.toString(k + 1));
                    w.writeCharacters("\n");
                    attributes(seq.item(k), path + "/Item[" + (k + 1) + "]/");
                    w.writeEndElement();
                    w.writeCharacters("\n");
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
                    w.writeStartElement("InlineBinary");
                    w.writeCharacters(Base64.getEncoder().encodeToString(bytes));
                    w.writeEndElement();
                } else {
                    checkText((String) form, path);
                    w.writeEmptyElement("BulkData");
                    w.writeAttribute("uri", (String) form);
                }
                w.writeCharacters("\n");
                return;
            }
            List<String> texts = ValueTexts.of(obj, i, path);
            for (int k = 0; k < texts.size(); k++) {
                String text = texts.get(k);
                String where = path + "/Value[" + (k + 1) + "]";
                if (vr == VR.PN) {
                    personName(text, k + 1, where);
                } else {
                    w.writeStartElement("Value");
                    w.writeAttribute("number", Integer.toString(k + 1));
                    if (text != null) {
                        text(text, where);
                    }
                    w.writeEndElement();
                }
                w.writeCharacters("\n");
            }
        }

        private void personName(String text, int number, String path) throws XMLStreamException {
            w.writeStartElement("PersonName");
            w.writeAttribute("number", Integer.toString(number));
            if (text != null) {
                String[] groups = ValueTexts.personNameGroups(text);
                for (int g = 0; g < 3; g++) {
                    if (groups[g].replace("^", "").isEmpty()) {
                        continue;
                    }
                    w.writeCharacters("\n");
                    w.writeStartElement(GROUPS[g]);
                    String[] components = groups[g].split("\\^", 5);
                    for (int c = 0; c < components.length; c++) {
                        if (!components[c].isEmpty()) {
                            w.writeCharacters("\n");
                            w.writeStartElement(COMPONENTS[c]);
                            text(components[c], path);
                            w.writeEndElement();
                        }
                    }
                    w.writeCharacters("\n");
                    w.writeEndElement();
                }
                w.writeCharacters("\n");
            }
            w.writeEndElement();
        }

        /** Writes text, with carriage returns as character references so that they survive reading. */
        private void text(String text, String path) throws XMLStreamException {
            checkText(text, path);
            int start = 0;
            int cr;
            while ((cr = text.indexOf('\r', start)) >= 0) {
                w.writeCharacters(text.substring(start, cr));
                w.writeEntityRef("#13");
                start = cr + 1;
            }
            w.writeCharacters(text.substring(start));
        }

        private static void checkText(String text, String path) {
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || (Character.isHighSurrogate(c) && k + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(++k)));
                if (!ok) {
                    throw new ModelException(path, String.format("character U+%04X at index %d cannot be written"
                            + " in XML 1.0", (int) c, k));
                }
            }
        }
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /**
     * Reads a Native DICOM Model document.
     *
     * @throws DicomXmlException naming the path when the document is not a valid Native DICOM Model, or when it
     *                           holds a bulk data reference that is not one of Kerma's {@code file:} references
     *                           (use {@link #readWithReferences} to accept those)
     */
    public static DicomObject read(Reader in, XmlOptions options) throws IOException {
        return requireNoReferences(readWithReferences(in, options));
    }

    /** Reads a Native DICOM Model document; the encoding is taken from the XML declaration. */
    public static DicomObject read(InputStream in, XmlOptions options) throws IOException {
        return requireNoReferences(readWithReferences(in, options));
    }

    /** Reads a Native DICOM Model document from a string; see {@link #read(Reader, XmlOptions)}. */
    public static DicomObject fromXml(String xml, XmlOptions options) throws DicomXmlException {
        try {
            return read(new StringReader(xml), options);
        } catch (DicomXmlException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        }
    }

    /**
     * Reads a Native DICOM Model document, keeping bulk data references other than Kerma's {@code file:} references
     * as {@link BulkDataReference}s (their elements are present with an empty value). Nothing is fetched.
     */
    public static ReadResult readWithReferences(Reader in, XmlOptions options) throws IOException {
        try {
            return parse(factory().createXMLStreamReader(in), options);
        } catch (XMLStreamException e) {
            throw notXml(e);
        }
    }

    /** As {@link #readWithReferences(Reader, XmlOptions)}; the encoding is taken from the XML declaration. */
    public static ReadResult readWithReferences(InputStream in, XmlOptions options) throws IOException {
        try {
            return parse(factory().createXMLStreamReader(in), options);
        } catch (XMLStreamException e) {
            throw notXml(e);
        }
    }

    private static DicomObject requireNoReferences(ReadResult result) throws DicomXmlException {
        if (!result.references().isEmpty()) {
            BulkDataReference r = result.references().get(0);
            throw new DicomXmlException(r.path(), r.path() + ": bulk data '" + r.uri() + "' is not a Kerma file"
                    + " reference and is not fetched; read with readWithReferences to accept references", null);
        }
        return result.dataset();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private static DicomXmlException notXml(XMLStreamException e) {
        return new DicomXmlException("", "not well-formed XML: " + e.getMessage(), e);
    }

    private static ReadResult parse(XMLStreamReader r, XmlOptions options) throws IOException {
        try {
            List<Attribute> attributes = new Input(r, options).document();
            DatasetBuilder builder = new DatasetBuilder();
            DicomObject dataset = new DicomObject();
            builder.fill(dataset, attributes);
            return new ReadResult(dataset, builder.references());
        } catch (ModelException e) {
            throw new DicomXmlException(e.path(), e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw notXml(e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a reader does not close the source; nothing to report
            }
        }
    }

    private static final class Input {
        private final XMLStreamReader r;
        private final XmlOptions options;

        Input(XMLStreamReader r, XmlOptions options) {
            this.r = r;
            this.options = options;
        }

        private ModelException error(String path, String problem) {
            Location l = r.getLocation();
            return new ModelException(path, problem + (l == null ? "" : " (line " + l.getLineNumber()
                    + ", column " + l.getColumnNumber() + ")"));
        }

        List<Attribute> document() throws XMLStreamException {
            int event = nextStructural("");
            if (event != XMLStreamConstants.START_ELEMENT) {
                throw error("", "the document has no root element");
            }
            expectElement("NativeDicomModel", "");
            for (int k = 0; k < r.getAttributeCount(); k++) {
                String ns = r.getAttributeNamespace(k);
                if (!XMLConstants.XML_NS_URI.equals(ns)) {
                    throw error("", "unexpected attribute '" + r.getAttributeLocalName(k) + "' on NativeDicomModel");
                }
            }
            List<Attribute> attributes = attributes("", 0);
            if (nextStructural("") != XMLStreamConstants.END_DOCUMENT) {
                throw error("", "unexpected content after NativeDicomModel");
            }
            return attributes;
        }

        private void expectElement(String name, String path) {
            String ns = r.getNamespaceURI();
            if (!r.getLocalName().equals(name) || (ns != null && !ns.isEmpty() && !ns.equals(NAMESPACE))) {
                throw error(path, "expected <" + name + ">, found <" + r.getName() + ">");
            }
        }

        /** The next start tag, end tag or end of document; whitespace and comments are skipped, other text refused. */
        private int nextStructural(String path) throws XMLStreamException {
            while (true) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT:
                    case XMLStreamConstants.END_ELEMENT:
                    case XMLStreamConstants.END_DOCUMENT:
                        return event;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        if (!r.isWhiteSpace()) {
                            throw error(path, "unexpected text '" + cut(r.getText().trim()) + "'");
                        }
                        break;
                    case XMLStreamConstants.COMMENT:
                    case XMLStreamConstants.PROCESSING_INSTRUCTION:
                        break;
                    case XMLStreamConstants.DTD:
                        throw error(path, "a DTD is not accepted in a Native DICOM Model document");
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw error(path, "entity reference '&" + r.getLocalName() + ";' is not accepted");
                    default:
                        throw error(path, "unexpected XML event " + event);
                }
            }
        }

        /** The text of the current element up to its end tag; child elements are refused. */
        private String text(String path) throws XMLStreamException {
            StringBuilder sb = new StringBuilder();
            while (true) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        sb.append(r.getText());
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        return sb.toString();
                    case XMLStreamConstants.COMMENT:
                    case XMLStreamConstants.PROCESSING_INSTRUCTION:
                        break;
                    case XMLStreamConstants.START_ELEMENT:
                        throw error(path, "unexpected element <" + r.getLocalName() + "> in a text value");
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw error(path, "entity reference '&" + r.getLocalName() + ";' is not accepted");
                    default:
                        throw error(path, "unexpected XML event " + event + " in a text value");
                }
            }
        }

        /** The DicomAttribute children of the current element (NativeDicomModel or Item). */
        private List<Attribute> attributes(String prefix, int depth) throws XMLStreamException {
            List<Attribute> attributes = new ArrayList<>();
            while (nextStructural(prefix) == XMLStreamConstants.START_ELEMENT) {
                expectElement("DicomAttribute", prefix);
                attributes.add(attribute(prefix, depth));
            }
            return attributes;
        }

        private Attribute attribute(String prefix, int depth) throws XMLStreamException {
            String tagText = null;
            String vrText = null;
            String creator = null;
            for (int k = 0; k < r.getAttributeCount(); k++) {
                String name = r.getAttributeLocalName(k);
                String ns = r.getAttributeNamespace(k);
                if (ns != null && !ns.isEmpty()) {
                    continue;
                }
                switch (name) {
                    case "tag": tagText = r.getAttributeValue(k); break;
                    case "vr": vrText = r.getAttributeValue(k); break;
                    case "keyword": break;
                    case "privateCreator": creator = r.getAttributeValue(k); break;
                    default:
                        throw error(prefix + (tagText == null ? "DicomAttribute" : tagText), "unexpected attribute '"
                                + name + "' on DicomAttribute");
                }
            }
            if (tagText == null) {
                throw error(prefix + "DicomAttribute", "DicomAttribute has no tag");
            }
            String path = prefix + tagText;
            int tag = Numbers.parseTag(tagText, path, "tag");
            if (vrText == null) {
                throw error(path, "DicomAttribute has no vr");
            }
            VR vr = VR.ofName(vrText);
            if (vr == null) {
                throw error(path, "unknown VR '" + vrText + "'");
            }
            Map<Integer, String> values = new TreeMap<>();
            Map<Integer, List<Attribute>> items = new TreeMap<>();
            String kind = null;
            byte[] inline = null;
            String uri = null;
            while (nextStructural(path) == XMLStreamConstants.START_ELEMENT) {
                String child = r.getLocalName();
                if (kind != null && !kind.equals(child) || "InlineBinary".equals(kind) || "BulkData".equals(kind)) {
                    throw error(path, "<" + child + "> after <" + kind + ">: an attribute holds one kind of"
                            + " content");
                }
                kind = child;
                switch (child) {
                    case "Value": {
                        int n = number(path, "Value", values.keySet());
                        values.put(n, text(path + "/Value[" + n + "]"));
                        break;
                    }
                    case "PersonName": {
                        int n = number(path, "PersonName", values.keySet());
                        values.put(n, personName(path + "/PersonName[" + n + "]"));
                        break;
                    }
                    case "Item": {
                        int n = number(path, "Item", items.keySet());
                        String itemPath = path + "/Item[" + n + "]";
                        if (depth + 1 > options.maxDepth()) {
                            throw error(itemPath, "sequences nested deeper than " + options.maxDepth() + " levels");
                        }
                        items.put(n, attributes(itemPath + "/", depth + 1));
                        break;
                    }
                    case "InlineBinary": {
                        String base64 = text(path + "/InlineBinary").replaceAll("\\s+", "");
                        try {
                            inline = Base64.getDecoder().decode(base64);
                        } catch (IllegalArgumentException e) {
                            throw error(path + "/InlineBinary", "not base64: " + e.getMessage());
                        }
                        break;
                    }
                    case "BulkData":
                        uri = bulkData(path + "/BulkData");
                        break;
                    default:
                        throw error(path, "unexpected element <" + child + "> in DicomAttribute");
                }
            }
            return typed(tag, vr, creator, path, kind, values, items, inline, uri);
        }

        private Attribute typed(int tag, VR vr, String creator, String path, String kind, Map<Integer, String> values,
                                Map<Integer, List<Attribute>> items, byte[] inline, String uri) {
            if (kind == null) {
                return new Attribute(tag, vr, creator, path, null, null, null, null);
            }
            boolean fits = switch (kind) {
                case "Item" -> vr == VR.SQ;
                case "PersonName" -> vr == VR.PN;
                case "Value" -> vr != VR.SQ && vr != VR.PN && !ValueTexts.isBinary(vr);
                default -> vr != VR.SQ;
            };
            if (!fits) {
                throw error(path, "<" + kind + "> does not fit VR " + vr + (vr == VR.PN ? " (PN values are"
                        + " PersonName elements)" : ValueTexts.isBinary(vr) ? " (use InlineBinary or BulkData)" : ""));
            }
            if (kind.equals("Item")) {
                return new Attribute(tag, vr, creator, path, null, new ArrayList<>(items.values()), null, null);
            }
            if (kind.equals("Value") || kind.equals("PersonName")) {
                return new Attribute(tag, vr, creator, path, new ArrayList<>(values.values()), null, null, null);
            }
            return new Attribute(tag, vr, creator, path, null, null, inline, uri);
        }

        /** The number attribute of a Value, PersonName or Item: 1, 2, ... with no repeats. */
        private int number(String path, String element, java.util.Set<Integer> seen) {
            String text = r.getAttributeValue(null, "number");
            if (text == null) {
                throw error(path, "<" + element + "> has no number");
            }
            int n;
            try {
                n = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n != seen.size() + 1) {
                throw error(path, "<" + element + " number=\"" + text + "\"> out of order: expected number "
                        + (seen.size() + 1));
            }
            return n;
        }

        private String personName(String path) throws XMLStreamException {
            String[] groups = {"", "", ""};
            boolean[] seen = new boolean[3];
            while (nextStructural(path) == XMLStreamConstants.START_ELEMENT) {
                int g = java.util.Arrays.asList(GROUPS).indexOf(r.getLocalName());
                if (g < 0 || seen[g]) {
                    throw error(path, (g < 0 ? "unexpected" : "repeated") + " element <" + r.getLocalName()
                            + "> in PersonName");
                }
                seen[g] = true;
                groups[g] = nameGroup(path + "/" + GROUPS[g]);
            }
            return ValueTexts.joinPersonName(groups[0], groups[1], groups[2]);
        }

        private String nameGroup(String path) throws XMLStreamException {
            String[] components = {"", "", "", "", ""};
            boolean[] seen = new boolean[5];
            while (nextStructural(path) == XMLStreamConstants.START_ELEMENT) {
                int c = java.util.Arrays.asList(COMPONENTS).indexOf(r.getLocalName());
                if (c < 0 || seen[c]) {
                    throw error(path, (c < 0 ? "unexpected" : "repeated") + " element <" + r.getLocalName()
                            + "> in a name group");
                }
                seen[c] = true;
                String where = path + "/" + COMPONENTS[c];
                components[c] = text(where);
                if (components[c].indexOf('=') >= 0 || (c < 4 && components[c].indexOf('^') >= 0)) {
                    throw error(where, "a name component must not contain '=' or '^'");
                }
            }
            int last = 4;
            while (last > 0 && components[last].isEmpty()) {
                last--;
            }
            return String.join("^", java.util.Arrays.copyOf(components, last + 1));
        }

        private String bulkData(String path) throws XMLStreamException {
            String uri = r.getAttributeValue(null, "uri");
            String uuid = r.getAttributeValue(null, "uuid");
            if ((uri == null) == (uuid == null)) {
                throw error(path, "<BulkData> needs exactly one of uri and uuid");
            }
            if (nextStructural(path) != XMLStreamConstants.END_ELEMENT) {
                throw error(path, "<BulkData> has no content");
            }
            return uri != null ? uri : "urn:uuid:" + uuid;
        }

        private static String cut(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "...";
        }
    }
}
