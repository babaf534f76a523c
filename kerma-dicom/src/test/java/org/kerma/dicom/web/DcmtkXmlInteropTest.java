package org.kerma.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.corpus.Corpus;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.xml.DicomXml;
import org.kerma.dicom.xml.XmlOptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Kerma's Native DICOM Model against DCMTK's {@code dcm2xml --native-format +Eb +U8} (Debian dcmtk) for the same
 * files as the pydicom comparison: both documents are parsed with the JDK's DOM parser and compared attribute by
 * attribute (keyed by path, tag as written and privateCreator): VR, keyword, values (numbers by value, text exactly),
 * person name components, InlineBinary by hash. Each difference must fall into a kind listed in
 * {@code dcmtk-xml-disagreements.tsv} with who is right per PS3.19; a listed kind that no longer occurs fails. Kerma's
 * reader must also read every document DCMTK writes.
 */
class DcmtkXmlInteropTest {
    private static final Path KINDS = Path.of("src/test/resources/org/kerma/dicom/web/dcmtk-xml-disagreements.tsv");

    /** One attribute of a document: VR, keyword and its values flattened to text. */
    private record Attr(String vr, String keyword, List<String> values) {
    }

    @Test
    void kermaXmlAgreesWithDcm2xmlExceptForListedDisagreements() throws Exception {
        Map<String, String> kinds = JsonComparison.readKinds(KINDS);
        Map<String, Integer> seen = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        int compared = 0;
        int attributes = 0;
        for (Corpus.Entry entry : InteropFiles.files()) {
            byte[] dcmtk = dcm2xml(entry.file(), true);
            String kind = null;
            if (dcmtk == null) {
                dcmtk = dcm2xml(entry.file(), false);
                kind = "dcmtk-cannot-convert-charset";
            }
            Map<String, Attr> theirs;
            try {
                theirs = flatten(dcmtk);
            } catch (Exception e) {
                record(kinds, seen, unexplained, entry.name(), kind != null ? kind : "dcmtk-output-unparseable",
                        e.getMessage());
                continue;
            }
            if (kind != null) {
                record(kinds, seen, unexplained, entry.name(), kind, "dcm2xml +U8 failed; compared its raw output");
            }
            try {
                DicomXml.readWithReferences(new ByteArrayInputStream(dcmtk), XmlOptions.DEFAULT);
            } catch (IOException e) {
                record(kinds, seen, unexplained, entry.name(), "kerma-cannot-read-dcmtk", e.getMessage());
            }
            DicomObject dataset = DicomReader.read(entry.file(), ReadOptions.DEFAULT).dataset();
            Map<String, Attr> ours = flatten(DicomXml.toXml(dataset, XmlOptions.DEFAULT)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            compared++;
            attributes += ours.size();
            for (Map.Entry<String, Attr> e : ours.entrySet()) {
                Attr t = theirs.get(e.getKey());
                String diff = t == null ? "only-in-kerma" : difference(e.getKey(), e.getValue(), t);
                if (diff != null) {
                    record(kinds, seen, unexplained, entry.name(), diff, e.getKey() + " Kerma " + e.getValue()
                            + ", DCMTK " + t);
                }
            }
            for (String key : theirs.keySet()) {
                if (!ours.containsKey(key)) {
                    record(kinds, seen, unexplained, entry.name(), key.equals("00080005")
                            ? "dcmtk-u8-rewrites-charset" : "only-in-dcmtk", key + " " + theirs.get(key));
                }
            }
        }
        System.out.printf("dcm2xml interop: %d files, %d attributes compared; disagreements by kind: %s%n",
                compared, attributes, seen);
        assertThat(compared).as("files compared").isGreaterThanOrEqualTo(40);
        assertThat(unexplained).as("differences not listed in dcmtk-xml-disagreements.tsv").isEmpty();
        assertThat(kinds.keySet()).as("listed kinds that no longer occur").isSubsetOf(seen.keySet());
    }

    private static void record(Map<String, String> kinds, Map<String, Integer> seen, List<String> unexplained,
                               String file, String kind, String detail) {
        if (kinds.containsKey(kind)) {
            seen.merge(kind, 1, Integer::sum);
        } else {
            String d = detail == null ? "" : detail;
            unexplained.add(file + "\t" + kind + "\t" + (d.length() > 300 ? d.substring(0, 300) + "..." : d));
        }
    }

    /** Null when the attributes agree, else the kind of difference. */
    private static String difference(String key, Attr ours, Attr theirs) {
        if (key.equals("00080005")) {
            return "dcmtk-u8-rewrites-charset";
        }
        if (!ours.vr().equals(theirs.vr())) {
            if (ours.vr().equals("UN")) {
                return "kerma-keeps-un";
            }
            return theirs.vr().equals("UN") && key.contains("@") ? "dcmtk-private-dictionary-lacks" : "vr";
        }
        if (!ours.keyword().equals(theirs.keyword())) {
            return theirs.keyword().isEmpty() ? "dcmtk-omits-retired-keyword" : "keyword";
        }
        if (ours.values().equals(theirs.values())) {
            return null;
        }
        if (ours.values().size() == theirs.values().size() && numericallyEqual(ours, theirs)) {
            return null;
        }
        if (ours.values().size() == 1 && theirs.values().size() == 1 && ours.values().get(0).startsWith("inline ")
                && theirs.values().get(0).equals("inline <0 bytes>")) {
            return "dcmtk-empty-inline-binary";
        }
        if (ours.vr().equals("OW") && ours.values().size() == 1 && theirs.values().size() == 1
                && ours.values().get(0).startsWith("inline <") && theirs.values().get(0).startsWith("inline <")) {
            return "dcmtk-ow-byte-order";
        }
        if (ours.vr().equals("PN") && theirs.values().stream().anyMatch(v -> v.contains("Phonetic{"))
                && ours.values().stream().noneMatch(v -> v.contains("Phonetic{"))) {
            return "dcmtk-pn-trailing-empty-group";
        }
        if (ours.vr().equals("PN") && theirs.values().isEmpty() && ours.values().stream().allMatch(String::isEmpty)) {
            return "pn-delimiters-only";
        }
        return "value";
    }

    private static boolean numericallyEqual(Attr ours, Attr theirs) {
        if (!List.of("DS", "IS", "FL", "FD", "US", "SS", "UL", "SL", "SV", "UV").contains(ours.vr())) {
            return false;
        }
        for (int i = 0; i < ours.values().size(); i++) {
            String a = ours.values().get(i);
            String b = theirs.values().get(i);
            if (a.equals(b)) {
                continue;
            }
            try {
                double x = Double.parseDouble(a.trim());
                double y = Double.parseDouble(b.trim());
                boolean same = ours.vr().equals("FL") ? Float.compare((float) x, (float) y) == 0
                        : Double.compare(x, y) == 0 || Math.abs(x - y) <= 1e-15 * Math.abs(x);
                if (!same) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** dcm2xml's document for {@code file}, or null when it fails (with +U8: a character set iconv lacks). */
    private static byte[] dcm2xml(Path file, boolean utf8) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("dcm2xml", "--native-format", "+Eb", "-q"));
        if (utf8) {
            command.add("+U8");
        }
        command.add(file.toString());
        Path out = Files.createTempFile("dcm2xml", ".xml");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("dcm2xml timed out on " + file);
            }
            return p.exitValue() == 0 ? Files.readAllBytes(out) : null;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Map<String, Attr> flatten(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Map<String, Attr> out = new LinkedHashMap<>();
        walk(doc.getDocumentElement(), "", out);
        return out;
    }

    private static void walk(Element parent, String prefix, Map<String, Attr> out) throws Exception {
        for (Element a : children(parent, "DicomAttribute")) {
            String key = prefix + a.getAttribute("tag")
                    + (a.hasAttribute("privateCreator") ? "@" + a.getAttribute("privateCreator") : "");
            List<String> values = new ArrayList<>();
            for (Element c : children(a, null)) {
                switch (c.getTagName()) {
                    case "Value" -> values.add(c.getTextContent());
                    case "PersonName" -> values.add(personName(c));
                    case "Item" -> {
                        values.add("item " + c.getAttribute("number"));
                        walk(c, key + "/Item[" + c.getAttribute("number") + "]/", out);
                    }
                    case "InlineBinary" -> values.add("inline " + hash(c.getTextContent()));
                    case "BulkData" -> values.add("bulk " + c.getAttribute("uri") + c.getAttribute("uuid"));
                    default -> values.add("<" + c.getTagName() + ">");
                }
            }
            out.put(key, new Attr(a.getAttribute("vr"), a.getAttribute("keyword"), values));
        }
    }

    private static String personName(Element pn) {
        StringBuilder sb = new StringBuilder();
        for (Element group : children(pn, null)) {
            sb.append(group.getTagName()).append('{');
            for (Element component : children(group, null)) {
                sb.append(component.getTagName()).append('=').append(component.getTextContent()).append(';');
            }
            sb.append('}');
        }
        return sb.toString();
    }

    private static String hash(String base64) throws Exception {
        byte[] raw = Base64.getMimeDecoder().decode(base64);
        if (raw.length == 0) {
            return "<0 bytes>";
        }
        return "<" + raw.length + " bytes sha1 "
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(raw)) + ">";
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }
}
