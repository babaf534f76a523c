package org.kerma.standard;

import java.util.List;

/**
 * An SR template of PS3.16 (TID) as rows in document order.
 *
 * @param tid              the template number, e.g. "10001" (PixelMed's sub-variants: "10003A")
 * @param name             keyword-style name, e.g. "ProjectionXRayRadiationDose"
 * @param root             whether it may be the root template of a document
 * @param extensible       whether other content items may be added
 * @param orderSignificant whether the items must appear in row order
 * @param rows             the rows
 */
public record Template(String tid, String name, boolean root, boolean extensible, boolean orderSignificant,
                       List<TemplateRow> rows) {
    public Template {
        rows = List.copyOf(rows);
    }
}
