#!/usr/bin/python3
"""Prints pydicom's view of DICOM files, one JSON object per file, for Kerma's corpus comparison test.

Usage: /usr/bin/python3 pydicom_view.py FILE...   (Debian's python3-pydicom)

Each line: {"file": path, "error": text} or {"file": path, "elements": [[path, vr, value], ...]} where path is
"GGGGEEEE" with "/ITEM/GGGGEEEE" per nesting level, vr is pydicom's VR, and value is normalised:
strings and numbers as text (multiple values joined by a backslash), sequences as "<N items>",
bytes as "<N bytes sha1 X>" (hash over the bytes pydicom holds), absent values as "".
"""
import hashlib
import json
import sys
import warnings

import pydicom
from pydicom.multival import MultiValue
from pydicom.valuerep import PersonName

warnings.simplefilter("ignore")

BYTES_VRS = {"OB", "OW", "OF", "OD", "OL", "OV", "UN", "OB or OW", "US or OW", "US or SS or OW"}


def text(v):
    if v is None:
        return ""
    if isinstance(v, (bytes, bytearray)) and len(v) == 0:
        return ""
    if isinstance(v, (bytes, bytearray)):
        return "<%d bytes sha1 %s>" % (len(v), hashlib.sha1(v).hexdigest())
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, PersonName):
        return str(v)
    if isinstance(v, pydicom.tag.BaseTag):
        return "%08X" % int(v)
    original = getattr(v, "original_string", None)
    if original is not None:  # DS and IS keep the text they were read from
        return original.strip() if isinstance(original, str) else str(original)
    return str(v)


def value_text(elem):
    v = elem.value
    if elem.VR == "SQ":
        return "<%d items>" % len(v)
    if isinstance(v, (bytes, bytearray)) and elem.VR not in BYTES_VRS:
        return "<%d bytes sha1 %s>" % (len(v), hashlib.sha1(v).hexdigest())
    if isinstance(v, (MultiValue, list, tuple)):
        return "\\".join(text(x) for x in v)
    return text(v)


def walk(ds, prefix, out):
    for elem in ds:
        path = prefix + "%08X" % int(elem.tag)
        try:
            out.append([path, elem.VR, value_text(elem)])
        except Exception as e:  # a value pydicom cannot convert
            out.append([path, elem.VR, "<error %s>" % type(e).__name__])
            continue
        if elem.VR == "SQ":
            for i, item in enumerate(elem.value):
                walk(item, path + "/%d/" % i, out)


def main(paths):
    for p in paths:
        try:
            ds = pydicom.dcmread(p, force=True)
            out = []
            walk(ds, "", out)
            print(json.dumps({"file": p, "transfer_syntax": str(ds.file_meta.get("TransferSyntaxUID", ""))
                              if hasattr(ds, "file_meta") else "", "elements": out}))
        except Exception as e:
            print(json.dumps({"file": p, "error": "%s: %s" % (type(e).__name__, e)}))
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
