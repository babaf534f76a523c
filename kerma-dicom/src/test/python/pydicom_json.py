#!/usr/bin/python3
"""Prints pydicom's DICOM JSON (Dataset.to_json_dict) of DICOM files, one line per file, for Kerma's interop test.

Usage: /usr/bin/python3 pydicom_json.py FILE...   (Debian's python3-pydicom 2.3)

Each line: {"file": path, "error": text} or {"file": path, "json": {...}} where {...} is pydicom's to_json_dict()
of the data set (no file meta), except that every InlineBinary is replaced by "<N bytes sha1 X>" of its decoded
bytes, to keep the output small; the Java side does the same with Kerma's JSON.
"""
import base64
import hashlib
import json
import sys
import warnings

import pydicom

warnings.simplefilter("ignore")


def digest(node):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "InlineBinary":
                raw = base64.b64decode(value)
                out[key] = "<%d bytes sha1 %s>" % (len(raw), hashlib.sha1(raw).hexdigest())
            else:
                out[key] = digest(value)
        return out
    if isinstance(node, list):
        return [digest(v) for v in node]
    return node


def main(paths):
    for p in paths:
        try:
            ds = pydicom.dcmread(p, force=True)
            print(json.dumps({"file": p, "json": digest(ds.to_json_dict())}))
        except Exception as e:
            print(json.dumps({"file": p, "error": "%s: %s" % (type(e).__name__, e)}))
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
