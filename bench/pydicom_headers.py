#!/usr/bin/python3
"""Header parse with pydicom in one process: the peer of Kerma's ParseFiles in bench/parse.sh.

Every file is read with pydicom.dcmread(path, stop_before_pixels=True, force=True) (force: files without
preamble are read as Kerma and dcmdump read them). pydicom keeps element values raw until first accessed but reads
sequences into items, so this is the same work as Kerma's reader: the structure parsed, the values held as bytes.
The result is consumed by counting the top-level elements of the File Meta Information and the data set; a file
pydicom rejects (any exception) is counted as failed and the run goes on.

SOURCE is a directory (its *.dcm files, sorted, not recursive) or @LIST (a file with one path per line, relative
paths resolved against the list's directory), as for ParseFiles. Prints one JSON line: files, failed, elements,
seconds (the parse loop only), import_seconds (import pydicom), pydicom version.

Usage: pydicom_headers.py SOURCE...
"""
import json
import os
import sys
import time

t_import = time.perf_counter()
import pydicom  # noqa: E402


def resolve(source):
    if source.startswith("@"):
        base = os.path.dirname(os.path.abspath(source[1:]))
        with open(source[1:], encoding="utf-8") as f:
            lines = [line.rstrip("\n") for line in f]
        return [os.path.join(base, line) for line in lines if line.strip() and not line.startswith("#")]
    with os.scandir(source) as entries:
        return sorted(e.path for e in entries if e.name.endswith(".dcm") and e.is_file())


def main(sources):
    paths = [p for s in sources for p in resolve(s)]
    if not paths:
        sys.exit("no files to parse in %s" % " ".join(sources))
    t0 = time.perf_counter()
    failed = 0
    elements = 0
    failures = []
    for p in paths:
        try:
            ds = pydicom.dcmread(p, stop_before_pixels=True, force=True)
            elements += len(ds.file_meta) + len(ds) if hasattr(ds, "file_meta") else len(ds)
        except Exception as e:  # noqa: BLE001 (a peer's failure is counted, whatever it is)
            failed += 1
            failures.append("%s: %s: %s" % (p, type(e).__name__, str(e)[:200]))
    dt = time.perf_counter() - t0
    for f in failures[:10]:
        print("not parsed: " + f, file=sys.stderr)
    print(json.dumps({"tool": "pydicom", "files": len(paths), "failed": failed, "elements": elements,
                      "seconds": round(dt, 6), "import_seconds": round(t0 - t_import, 6),
                      "pydicom": pydicom.__version__}))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
