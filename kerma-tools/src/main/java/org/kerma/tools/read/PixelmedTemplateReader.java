package org.kerma.tools.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the SR template definitions of PixelMed's {@code DicomSRDescriptionsSource.xml}: per template its rows with
 * nesting, relationship, value type, VM, requirement, concept name, units and value set. The XPath conditions and
 * {@code <verify>} rules are validator logic, not facts of PS3.16, and are not read; a conditional row keeps its
 * MC/UC requirement type and its "may be present otherwise" flag.
 */
public final class PixelmedTemplateReader {
    private PixelmedTemplateReader() {
    }

    /** A template: TID as PixelMed writes it ("10001", "10003A"), keyword-style name, and its flags. */
    public record Template(String tid, String name, boolean root, boolean extensible, boolean orderSignificant,
                           List<Row> rows) {
    }

    /**
     * One row of a template in document order. {@code depth} is 0 for the top row. For an inclusion row
     * {@code includedTid} is set and the concept fields are empty. Empty string for every absent field.
     */
    public record Row(String row, int depth, String relationship, String valueType, String vmMin, String vmMax,
                      String requirement, boolean mayBePresentOtherwise, String conceptValue, String conceptScheme,
                      String conceptMeaning, String conceptNameCid, String unitsValue, String unitsScheme,
                      String unitsCid, String valueSetCid, String valueSetBde, String fixedValue,
                      String fixedScheme, String includedTid) {
    }

    /**
     * Every template in file order.
     *
     * @throws IllegalArgumentException naming the file and line for malformed XML
     */
    public static List<Template> read(Path file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        List<Template> templates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String[] open = null;
            List<Row> rows = null;
            int depth = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "definetemplate" -> {
                            templates.add(new Template(open[0], open[1], open[2].equals("T"), open[3].equals("T"),
                                    open[4].equals("T"), List.copyOf(rows)));
                            open = null;
                        }
                        case "templatecontentitem", "includetemplate" -> depth--;
                        default -> {
                        }
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "definetemplate" -> {
                        open = new String[] {PixelmedContextGroupReader.required(xml, "tid", file),
                            PixelmedContextGroupReader.required(xml, "name", file), attr(xml, "root"),
                            attr(xml, "extensible"), attr(xml, "ordersignificant")};
                        rows = new ArrayList<>();
                        depth = 0;
                    }
                    case "templatecontentitem", "includetemplate" -> {
                        if (open != null) {
                            rows.add(row(xml, depth));
                        }
                        depth++;
                    }
                    default -> {
                    }
                }
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static Row row(XMLStreamReader xml, int depth) {
        boolean include = xml.getLocalName().equals("includetemplate");
        return new Row(attr(xml, "row"), depth, attr(xml, "relationship"),
                attr(xml, "valueType").toUpperCase(Locale.ROOT), attr(xml, "vmmin"), attr(xml, "vmmax"),
                attr(xml, "requiredType"), attr(xml, "mbpo").equals("T"), attr(xml, "cvConceptName"),
                attr(xml, "csdConceptName"), attr(xml, "cmConceptName"), attr(xml, "conceptNameCID"),
                attr(xml, "cvUnits"), attr(xml, "csdUnits"), attr(xml, "unitsCID"), attr(xml, "valueSetCID"),
                attr(xml, "valueSetBDE"), attr(xml, "cvValue"), attr(xml, "csdValue"),
                include ? attr(xml, "tid") : "");
    }

    private static String attr(XMLStreamReader xml, String name) {
        String v = xml.getAttributeValue(null, name);
        return v == null ? "" : v.replaceAll("\\s+", " ").trim();
    }
}
