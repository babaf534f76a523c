/**
 * Procedure protocols (PS3.3 section A.82, modules C.34): CT and XA Defined and Performed Procedure Protocols,
 * Protocol Approval, the General Procedure Protocol Reference macro of images (PS3.3 section 10.41), Attribute
 * Value Constraints (PS3.3 section 10.25) and their evaluation against what was performed.
 *
 * <p>A pure domain package: every entry point takes a {@link org.kerma.dicom.DicomObject} and returns records; no
 * I/O, no database, no network. Reading is lenient: bad input becomes a {@link org.kerma.protocol.ProtocolFinding}
 * with the item path where it was found, never an exception.
 *
 * <p>Entry points: {@link org.kerma.protocol.DefinedProtocol#read}, {@link org.kerma.protocol.PerformedProtocol#read},
 * {@link org.kerma.protocol.ProtocolApproval#read}, {@link org.kerma.protocol.ProtocolReference#readAll},
 * {@link org.kerma.protocol.ConstraintCheck}, {@link org.kerma.protocol.CrossReferenceTree#build},
 * {@link org.kerma.protocol.ProtocolLibrary}, {@link org.kerma.protocol.ElementUsage#of}.
 */
package org.kerma.protocol;
