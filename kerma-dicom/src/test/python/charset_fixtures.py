#!/usr/bin/python3
"""Emit pydicom's decoding of every character-set-dependent element of the charset sample files as TSV.

Usage (from the project root, with Debian's python3-pydicom):

    /usr/bin/python3 kerma-dicom/src/test/python/charset_fixtures.py \
        ../shared/corpus/samples/pydicom+pydicom/src/pydicom/data/charset_files \
        > kerma-dicom/src/test/resources/org/kerma/dicom/charset/pydicom-decoded.tsv
    /usr/bin/python3 kerma-dicom/src/test/python/charset_fixtures.py --disagreements \
        > kerma-dicom/src/test/resources/org/kerma/dicom/charset/pydicom-disagreements.tsv

One row per element whose VR is SH, LO, UC, ST, LT, UT or PN, at any depth of sequence nesting:

    file  tag_path  vr  specific_character_set  raw_hex  pydicom_value

- tag_path: "(GGGG,EEEE)" at the top level; inside sequences "(SSSS,SSSS)/index/(GGGG,EEEE)".
- specific_character_set: the (0008,0005) value in effect, as stored (backslash-separated, padding removed);
  a sequence item without its own (0008,0005) inherits the one of the dataset that holds the sequence.
- raw_hex: the element's value bytes as read from the file, padding included, lower-case hex.
- pydicom_value: the value as pydicom presents it: multiple values joined by a backslash, PN as str(PersonName).
  Escaped so that a row stays on one line: backslash -> \\\\, TAB -> \\t, LF -> \\n, CR -> \\r,
  other C0 controls and DEL -> \\uXXXX.

The first line is a provenance comment naming the pydicom version and this script.

With --disagreements instead of a directory, emits pydicom's reading of a few made-up values on which pydicom
departs from the standard (the Java test PydicomDisagreementTest holds the standard's reading and the reason):

    case  vr  specific_character_set  raw_hex  pydicom_value
"""
import os
import sys
import warnings

import pydicom
from pydicom.dataelem import RawDataElement
from pydicom.dataset import Dataset
from pydicom.tag import BaseTag

CHARSET_VRS = {"SH", "LO", "UC", "ST", "LT", "UT", "PN"}
SPECIFIC_CHARACTER_SET = 0x00080005


def escape(text):
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def format_tag(tag):
    return "(%04X,%04X)" % (tag >> 16, tag & 0xFFFF)


def charset_value(element):
    """The (0008,0005) value as stored; pydicom may already have converted it while reading."""
    value = element.value
    if isinstance(value, bytes):
        return value.decode("ascii").rstrip("\x00 ").strip()
    if isinstance(value, str):
        return value
    return "\\".join(value)


def as_text(value):
    """pydicom's value as one string: the values of a multi-valued element joined by backslash."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) or type(value).__name__ == "MultiValue":
        return "\\".join(str(v) for v in value)
    return str(value)


def walk(dataset, inherited_charset, path, file_name, rows):
    # Capture the raw bytes before anything is converted: converting replaces the raw element.
    raw = {tag: dataset.get_item(tag) for tag in dataset.keys()}
    own = raw.get(SPECIFIC_CHARACTER_SET)
    charset = charset_value(own) if own is not None and own.value else inherited_charset
    for tag in sorted(raw):
        raw_element = raw[tag]
        element = dataset[tag]
        if element.VR == "SQ":
            for index, item in enumerate(element.value):
                walk(item, charset, path + format_tag(tag) + "/%d/" % index, file_name, rows)
            continue
        if element.VR not in CHARSET_VRS:
            continue
        value_bytes = raw_element.value if isinstance(raw_element, RawDataElement) else None
        if value_bytes is None:
            value_bytes = b""
        rows.append((file_name, path + format_tag(tag), element.VR, charset,
                     value_bytes.hex(), escape(as_text(element.value))))


# (case, VR, Specific Character Set, raw value as hex)
DISAGREEMENT_CASES = [
    # ISO 2022 IR 58: pydicom hands the escape sequence to Python's gb2312 codec, which keeps it as text
    ("iso-2022-ir-58-escape-kept", "PN", "\\ISO 2022 IR 58", "5a68616e675e53616e3d1b242941d5c55e1b242941c8fd"),
    # JIS X 0208 kanji 0x3D3B (住) holds the byte of '='; pydicom splits component groups at every 0x3D byte
    ("kanji-with-equals-byte", "PN", "\\ISO 2022 IR 87", "1b24423b331b28425e1b24423d3b1b2842"),
    # JIS X 0208 kanji 0x455C (怒) holds the byte of '\\'; pydicom splits values at every 0x5C byte
    ("kanji-with-backslash-byte", "LO", "\\ISO 2022 IR 87", "1b2442455c1b2842"),
    # GBK 0x815C (乗) ends in the byte of '\\'
    ("gbk-trail-byte-5c", "LO", "GBK", "815c5c41"),
    # ESC ( B designates G0 only; pydicom reads the GR bytes after it as Latin-1 instead of the Korean still in G1
    ("g1-kept-after-esc-to-ascii", "PN", "\\ISO 2022 IR 149", "1b242943b1e81b2842c8f1c1df"),
    # ISO_IR 203 (Latin-9, PS3.3 Table C.12-2) is unknown to pydicom 2.3, which reads it as Latin-1
    ("iso-ir-203-latin-9", "LO", "ISO_IR 203", "a4bd"),
    ("iso-2022-ir-203-latin-9", "LO", "ISO 2022 IR 203", "1b2d62a4"),
    # GB 18030 (an undated reference, so the current edition): 0xA8BC is U+1E3F since 2005, 0xA6D9 U+FE10 since
    # 2022; Python keeps the 2000 edition's private-use code points
    ("gb18030-current-edition", "LO", "GB18030", "a8bca6d9"),
    # ISO_IR 192 allows no code extensions; pydicom still strips ESC ( B and reads the rest as Latin-1
    ("utf-8-takes-no-escapes", "LT", "ISO_IR 192", "1b2842c3a9"),
]

TAG_FOR_VR = {"PN": 0x00100010, "LO": 0x00100020, "LT": 0x00104000}


def disagreements():
    out = sys.stdout
    out.write("# generated by kerma-dicom/src/test/python/charset_fixtures.py --disagreements with pydicom %s"
              " (Python %d.%d)\n" % (pydicom.__version__, sys.version_info[0], sys.version_info[1]))
    out.write("case\tvr\tspecific_character_set\traw_hex\tpydicom_value\n")
    for case, vr, charset, raw_hex in DISAGREEMENT_CASES:
        raw = bytes.fromhex(raw_hex)
        dataset = Dataset()
        dataset.SpecificCharacterSet = charset.split("\\")
        tag = BaseTag(TAG_FOR_VR[vr])
        dataset._dict[tag] = RawDataElement(tag, vr, len(raw), raw, 0, False, True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = as_text(dataset[tag].value)
        out.write("\t".join((case, vr, charset, raw_hex, escape(value))) + "\n")


def main(directory):
    rows = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".dcm"):
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dataset = pydicom.dcmread(os.path.join(directory, name))
            walk(dataset, "", "", name, rows)
    out = sys.stdout
    source = "/".join(os.path.abspath(directory).split(os.sep)[-7:])
    out.write("# generated by kerma-dicom/src/test/python/charset_fixtures.py with pydicom %s (Python %d.%d)"
              " from %s (shared/corpus/samples/MANIFEST.tsv gives the commit)\n"
              % (pydicom.__version__, sys.version_info[0], sys.version_info[1], source))
    out.write("file\ttag_path\tvr\tspecific_character_set\traw_hex\tpydicom_value\n")
    for row in rows:
        out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: charset_fixtures.py CHARSET_FILES_DIR | --disagreements")
    if sys.argv[1] == "--disagreements":
        disagreements()
    else:
        main(sys.argv[1])
