#!/usr/bin/python3
"""Prints pydicom's view of the SR content tree of each file named on the command line.

For each file: a line "# FILE", then one line per content item in document order (depth-first, the root first):
path, Value Type, concept name code value, coding scheme designator, and Referenced Content Item Identifier
(dotted, empty when absent), separated by tabs. Used by ContentTreeAgreesWithPydicomTest.
"""
import sys

import pydicom


def code(item):
    seq = item.get("ConceptNameCodeSequence")
    if not seq:
        return "", ""
    c = seq[0]
    value = c.get("CodeValue") or c.get("LongCodeValue") or c.get("URNCodeValue") or ""
    return str(value).strip(), str(c.get("CodingSchemeDesignator", "")).strip()


def walk(item, path, out):
    value, scheme = code(item)
    ref = item.get("ReferencedContentItemIdentifier")
    if ref is None:
        ref_text = ""
    elif isinstance(ref, (list, pydicom.multival.MultiValue)):
        ref_text = ".".join(str(int(x)) for x in ref)
    else:
        ref_text = str(int(ref))
    out.append("\t".join([path, str(item.get("ValueType", "")), value, scheme, ref_text]))
    for i, child in enumerate(item.get("ContentSequence", []) or []):
        walk(child, path + "." + str(i + 1), out)


def main():
    for name in sys.argv[1:]:
        print("# " + name)
        ds = pydicom.dcmread(name, stop_before_pixels=True)
        out = []
        walk(ds, "1", out)
        print("\n".join(out))


if __name__ == "__main__":
    main()
