package org.kerma.dicom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of {@code private-dictionary.tsv}, by Private Creator. Per creator, definitions for one group sit in
 * an O(1) {@link TagIndex} keyed by (group, element), where the element is either the offset in the creator's block
 * (0x00-0xFF) or a fixed element number (0x1000 and up); definitions for a range of odd groups are scanned.
 * Immutable once built.
 */
final class PrivateElements {
    /**
     * The definitions of one creator: filled while the table is parsed, then {@link #build()} indexes them and
     * they are only read. {@code entries} hold the definitions with tag = (first group, element spec);
     * {@code ranges} hold {low group, high group, entry} for definitions covering a range of groups.
     */
    private static final class Creator {
        final List<DictionaryEntry> entries = new ArrayList<>();
        final List<int[]> ranges = new ArrayList<>(0);
        final List<Integer> singleRows = new ArrayList<>();
        TagIndex index;

        void build() {
            index = new TagIndex(singleRows.size());
            for (int i : singleRows) {
                index.put(entries.get(i).tag(), i);
            }
        }

        DictionaryEntry find(int group, int element) {
            int i = element >= 0x1000 ? index.get((group << 16) | element) : -1;
            if (i < 0) {
                i = index.get((group << 16) | (element & 0xFF));
            }
            if (i >= 0) {
                return entries.get(i);
            }
            for (int[] r : ranges) {
                int spec = entries.get(r[2]).tag() & 0xFFFF;
                if (group >= r[0] && group <= r[1] && spec == (spec >= 0x1000 ? element : element & 0xFF)) {
                    return entries.get(r[2]);
                }
            }
            return null;
        }
    }

    private final Map<String, Creator> byCreator;

    private PrivateElements(Map<String, Creator> byCreator) {
        this.byCreator = byCreator;
    }

    /**
     * Reads rows: creator, group ("gggg" or "gggg-gggg"), element ("ee" or "eeee"), vr, vm, keyword, name.
     *
     * @throws IllegalStateException naming the line of a malformed row
     */
    static PrivateElements parse(TabTable table) {
        Map<String, Creator> byCreator = new HashMap<>();
        while (table.next()) {
            table.requireFields(7);
            String creator = table.text(0);
            Creator c = byCreator.get(creator);
            if (c == null) {
                c = new Creator();
                byCreator.put(creator, c);
            }
            int groupLow = table.hex(1, 0, 4);
            int groupHigh = table.length(1) == 9 ? table.hex(1, 5, 9) : groupLow;
            int elementLength = table.length(2);
            if ((table.length(1) != 4 && table.length(1) != 9) || (elementLength != 2 && elementLength != 4)) {
                throw table.error("malformed group or element");
            }
            int element = table.hex(2, 0, elementLength);
            String keyword = table.text(5);
            String name = table.text(6);
            String vm = Vm.of(table.text(4));
            c.entries.add(new DictionaryEntry((groupLow << 16) | element, DictionaryEntry.SINGLE_TAG, keyword, name,
                    VrColumn.read(table, 3), vm, false));
            int row = c.entries.size() - 1;
            if (groupHigh == groupLow) {
                c.singleRows.add(row);
            } else {
                c.ranges.add(new int[] {groupLow, groupHigh, row});
            }
        }
        for (Creator c : byCreator.values()) {
            c.build();
        }
        return new PrivateElements(byCreator);
    }

    /**
     * The definition of private data element {@code tag} in a block reserved by {@code creator}, as an entry for
     * {@code tag} itself; null when none.
     */
    DictionaryEntry find(String creator, int tag) {
        Creator c = byCreator.get(creator);
        if (c == null) {
            return null;
        }
        DictionaryEntry template = c.find(Tags.group(tag), Tags.element(tag));
        return template == null ? null : template.at(tag);
    }
}
