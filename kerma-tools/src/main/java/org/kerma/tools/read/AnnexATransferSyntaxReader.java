package org.kerma.tools.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the transfer syntaxes of PS3.5 Annex A "Transfer Syntax Specifications (Normative)" from NEMA's DocBook
 * {@code part05.xml}, with StAX. Each section of the annex that names a UID of the form 1.2.840.10008.1.2[.n...] in
 * its own text (not in its sub-sections) is taken to define that transfer syntax; the section's title and whether
 * it lies inside the encapsulation section A.4 give its traits (see {@link AnnexATransferSyntax}). This is the only
 * staged source that says which syntaxes deflate the data set. Retired syntaxes are no longer in the annex.
 */
public final class AnnexATransferSyntaxReader {
    private static final Pattern STANDARD_TS_UID = Pattern.compile("1\\.2\\.840\\.10008\\.1\\.2(?:\\.\\d+)*");
    private static final String ENCAPSULATION_TITLE = "Encapsulation of Encoded Pixel Data";

    /** A section being read: its label, title and own text. */
    private static final class Section {
        final String label;
        final StringBuilder title = new StringBuilder();
        final StringBuilder text = new StringBuilder();
        boolean encapsulated;

        Section(String label) {
            this.label = label;
        }
    }

    private final Map<String, AnnexATransferSyntax> byUid = new LinkedHashMap<>();
    private final Deque<Section> sections = new ArrayDeque<>();
    private boolean inAnnex;
    private int titleDepth = -1;
    private int depth;
    private boolean sawEncapsulation;

    private AnnexATransferSyntaxReader() {
    }

    /**
     * The transfer syntaxes by UID, in document order.
     *
     * @throws IllegalArgumentException naming the file when it has no Annex A or no encapsulation section
     */
    public static Map<String, AnnexATransferSyntax> read(Path file) {
        AnnexATransferSyntaxReader reader = new AnnexATransferSyntaxReader();
        try (InputStream in = Files.newInputStream(file)) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                reader.readAll(xml);
            } finally {
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (!reader.sawEncapsulation || reader.byUid.isEmpty()) {
            throw new IllegalArgumentException(file + ": no Annex A with an '" + ENCAPSULATION_TITLE + "' section");
        }
        return Collections.unmodifiableMap(reader.byUid);
    }

    private void readAll(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                start(xml);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                end(xml.getLocalName());
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text(xml.getText());
            }
        }
    }

    private void start(XMLStreamReader xml) {
        depth++;
        String name = xml.getLocalName();
        if (name.equals("chapter")) {
            inAnnex = "A".equals(xml.getAttributeValue(null, "label"));
        } else if (inAnnex && name.equals("section")) {
            Section s = new Section(xml.getAttributeValue(null, "label"));
            s.encapsulated = !sections.isEmpty() && sections.peek().encapsulated;
            sections.push(s);
        } else if (inAnnex && name.equals("title") && !sections.isEmpty() && sections.peek().title.length() == 0) {
            titleDepth = depth;
        }
    }

    private void end(String name) {
        if (depth == titleDepth) {
            titleDepth = -1;
            Section s = sections.peek();
            if (s.title.toString().contains(ENCAPSULATION_TITLE)) {
                s.encapsulated = true;
                sawEncapsulation = true;
            }
        }
        depth--;
        if (name.equals("chapter")) {
            inAnnex = false;
        } else if (inAnnex && name.equals("section")) {
            finish(sections.pop());
        }
    }

    private void text(String chars) {
        if (!inAnnex || sections.isEmpty()) {
            return;
        }
        Section s = sections.peek();
        (titleDepth >= 0 ? s.title : s.text).append(chars);
    }

    private void finish(Section s) {
        String title = s.title.toString().replaceAll("\\s+", " ").trim();
        Matcher m = STANDARD_TS_UID.matcher(s.text);
        while (m.find()) {
            boolean deflated = !s.encapsulated && title.contains("Deflate");
            byUid.putIfAbsent(m.group(), new AnnexATransferSyntax(m.group(), s.label, title,
                    !title.contains("Implicit VR"), title.contains("Big Endian"), deflated, s.encapsulated));
        }
    }
}
