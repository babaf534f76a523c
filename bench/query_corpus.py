#!/usr/bin/python3
"""bench/query_corpus.py SMALL_DIR OUT_DIR TOTAL: a query corpus of TOTAL dose SRs in OUT_DIR.

The first 10,000 are the shared corpus's small SRs (hard links, so a PatientID query such as BPAT101000 still
matches its 5 studies); the rest are copies of them with new Study, Series and SOP Instance UIDs and new patients
(QPAT000000..., 5 studies each, never matching a BPAT query). A copy is made by replacing the bytes of each value
with a value of the same length, so every length in the file stays right. Deterministic; skips files that exist.
"""
import hashlib
import os
import sys

import pydicom


def same_length_uid(uid, salt):
    """A 2.25 UID of the same length as uid, derived from uid and salt."""
    digits = len(uid) - len("2.25.")
    n = int(hashlib.sha256((uid + "/" + salt).encode()).hexdigest(), 16)
    body = str(n)[:digits].rjust(digits, "1")
    return "2.25." + ("1" + body[1:] if body[0] == "0" else body)


def main(small_dir, out_dir, total):
    os.makedirs(out_dir, exist_ok=True)
    sources = sorted(f for f in os.listdir(small_dir) if f.endswith(".dcm"))
    for name in sources[:total]:
        target = os.path.join(out_dir, name)
        if not os.path.exists(target):
            os.link(os.path.join(small_dir, name), target)
    copies = total - len(sources)
    round_ = 0
    made = 0
    while made < copies:
        round_ += 1
        for name in sources:
            if made >= copies:
                break
            target = os.path.join(out_dir, "Q%d_%s" % (round_, name))
            made += 1
            if os.path.exists(target):
                continue
            path = os.path.join(small_dir, name)
            ds = pydicom.dcmread(path, stop_before_pixels=True)
            raw = open(path, "rb").read()
            patient = "QPAT%06d" % ((made - 1) // 5)
            assert len(patient) == len(ds.PatientID), ds.PatientID
            salt = "copy%d" % round_
            for old, new in ((ds.PatientID, patient),
                             (ds.StudyInstanceUID, same_length_uid(ds.StudyInstanceUID, salt)),
                             (ds.SeriesInstanceUID, same_length_uid(ds.SeriesInstanceUID, salt)),
                             (ds.SOPInstanceUID, same_length_uid(ds.SOPInstanceUID, salt))):
                raw = raw.replace(old.encode(), new.encode())
            with open(target + ".tmp", "wb") as f:
                f.write(raw)
            os.rename(target + ".tmp", target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
