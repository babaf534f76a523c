#!/usr/bin/python3
"""Reads files that Kerma wrote with pydicom, as a peer would, for Kerma's interoperability test.

Usage: /usr/bin/python3 pydicom_read_back.py FILE... [--shallow FILE...]   (Debian's python3-pydicom)

Each file is read with dcmread and no force, so it must be a Part 10 file, and every element is then decoded
(iterall converts each raw element and parses every sequence). Files after --shallow are only read: pydicom takes
many seconds to walk an SR of 100,000 content items. One JSON object per line:
{"file": path, "elements": N (top level, meta excluded), "all_elements": N (nested items included; -1 when
shallow), "sop_instance_uid": uid, "transfer_syntax": uid}, or {"file": path, "error": text}.
"""
import json
import sys
import warnings

import pydicom

warnings.simplefilter("ignore")


def main(args):
    deep = True
    for p in args:
        if p == "--shallow":
            deep = False
            continue
        try:
            ds = pydicom.dcmread(p)
            every = sum(1 for _ in ds.iterall()) if deep else -1
            print(json.dumps({"file": p, "elements": len(ds), "all_elements": every,
                              "sop_instance_uid": str(ds.get("SOPInstanceUID", "")),
                              "transfer_syntax": str(ds.file_meta.TransferSyntaxUID)}))
        except Exception as e:
            print(json.dumps({"file": p, "error": "%s: %s" % (type(e).__name__, e)}))
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
