/**
 * SR content trees (PS3.3 section C.17.3, SR Document Content Module) read in place over a
 * {@link org.kerma.dicom.DicomObject}: {@link org.kerma.dicom.sr.ContentTree}, {@link org.kerma.dicom.sr.ContentItem},
 * {@link org.kerma.dicom.sr.ContentPath}, the closed sets {@link org.kerma.dicom.sr.ValueType} and
 * {@link org.kerma.dicom.sr.RelationshipType}, the generated concept constants {@link org.kerma.dicom.sr.Concepts}
 * and the SNOMED-RT → SNOMED CT equivalences {@link org.kerma.dicom.sr.LegacyCodes}. Concepts are compared by coding
 * scheme and code value, never by meaning. Nothing here throws on bad content: absent or unreadable values are empty
 * results for the caller to report with the item's path.
 */
package org.kerma.dicom.sr;
