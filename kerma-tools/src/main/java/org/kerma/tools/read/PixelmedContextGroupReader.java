package org.kerma.tools.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads PixelMed's {@code standardcontextgroups.xml} (generated from the PS3.16 DocBook): per context group its CID,
 * keyword, name, UID, version, extensibility, codes and included groups.
 */
public final class PixelmedContextGroupReader {
    private PixelmedContextGroupReader() {
    }

    /** One code of a group (scheme designator, value, meaning), or an included group when {@code include} is set. */
    public record Member(String scheme, String value, String meaning, String include) {
    }

    /** One context group as PS3.16 defines it. */
    public record ContextGroup(String cid, String keyword, String name, String uid, String version,
                               boolean extensible, List<Member> members) {
    }

    /**
     * The groups in file order.
     *
     * @throws IllegalArgumentException naming the file and line for malformed XML or a missing attribute
     */
    public static List<ContextGroup> read(Path file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        List<ContextGroup> groups = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String[] open = null;
            List<Member> members = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT && xml.getEventType() != XMLStreamConstants.END_ELEMENT) {
                    continue;
                }
                String element = xml.getLocalName();
                if (xml.isEndElement()) {
                    if (element.equals("definecontextgroup")) {
                        groups.add(new ContextGroup(open[0], open[1], open[2], open[3], open[4],
                                open[5].equals("T"), List.copyOf(members)));
                        open = null;
                    }
                    continue;
                }
                switch (element) {
                    case "definecontextgroup" -> {
                        open = new String[] {required(xml, "cid", file), required(xml, "keyword", file),
                            required(xml, "name", file), required(xml, "uid", file), required(xml, "version", file),
                            required(xml, "extensible", file)};
                        members = new ArrayList<>();
                    }
                    case "contextgroupcode" -> members.add(new Member(required(xml, "csd", file),
                            required(xml, "cv", file), required(xml, "cm", file), ""));
                    case "include" -> members.add(new Member("", "", "", required(xml, "cid", file)));
                    default -> {
                    }
                }
            }
            return groups;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static String required(XMLStreamReader xml, String attribute, Path file) {
        String v = xml.getAttributeValue(null, attribute);
        if (v == null) {
            throw new IllegalArgumentException(file + ":" + xml.getLocation().getLineNumber() + ": <"
                    + xml.getLocalName() + "> without " + attribute);
        }
        return v.trim();
    }
}
