#!/usr/bin/env bash
# Regenerates kerma-dicom's data dictionary, UID registry, private dictionary and SR concept constants (resources
# under kerma-dicom/src/main/resources/org/kerma/dicom/, Tag.java, Uid.java, sr/Concepts.java) from the staged
# standard, and prints the generator's cross-check report. Commit the changed files together with the report's
# reviewed copies (kerma-tools/src/test/resources/org/kerma/tools/reviewed-*.txt).
# Then regenerates kerma-standard's IOD/module/attribute, template and context group tables
# (kerma-standard/src/main/resources/org/kerma/standard/*.tsv, StandardTablesGenerator; reviewed copy
# reviewed-standard-tables-cross-check.txt).
#
# usage: tools/generate-standard-data.sh [STANDARD_DIR]
#   STANDARD_DIR  the staged standard (default: ../shared/standard next to the project root)
#   KERMA_PRIVATE_DIC=FILE  DCMTK's private.dic; default: the one the dcmtk Debian package installed, if any
#   KERMA_PYDICOM_PRIVATE_DIC=FILE  pydicom's _private_dict.py, merged into the private dictionary after
#                           private.dic; default: the one the python3-pydicom Debian package installed, if any
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
standard="$(cd "${1:-$root/../shared/standard}" && pwd)"
private_dic="${KERMA_PRIVATE_DIC:-}"
if [ -z "$private_dic" ] && command -v dpkg >/dev/null 2>&1; then
  private_dic="$(dpkg -L libdcmtk17 dcmtk 2>/dev/null | grep '/private\.dic$' | head -n 1 || true)"
fi
if [ -z "$private_dic" ]; then
  echo "note: DCMTK private.dic not found; private-dictionary.tsv is left as it is" >&2
fi
pydicom_private_dic="${KERMA_PYDICOM_PRIVATE_DIC:-}"
if [ -z "$pydicom_private_dic" ] && command -v dpkg >/dev/null 2>&1; then
  pydicom_private_dic="$(dpkg -L python3-pydicom 2>/dev/null | grep '/pydicom/_private_dict\.py$' | head -n 1 || true)"
fi
if [ -n "$private_dic" ] && [ -z "$pydicom_private_dic" ]; then
  echo "note: pydicom's _private_dict.py not found (Debian package python3-pydicom);" \
    "private-dictionary.tsv is generated from private.dic alone (see the report)" >&2
fi

cd "$root"
mvn -B -q -Dstyle.color=never -pl kerma-tools -am -Pgenerate-standard-data -DskipTests \
  "-Dkerma.project=$root" "-Dkerma.standard=$standard" "-Dkerma.privateDic=$private_dic" \
  "-Dkerma.pydicomPrivateDic=$pydicom_private_dic" \
  process-classes
# SR concept constants (kerma-dicom org.kerma.dicom.sr.Concepts) and the SRT→SCT legacy map (srt-sct.tsv)
java -cp "kerma-tools/target/classes:kerma-dicom/target/classes" org.kerma.tools.concepts.ConceptsGenerator "$root" "$standard"
