/**
 * Kerma as a DICOM node: {@link org.kerma.net.DicomNode} (the SCP front door) configured by
 * {@link org.kerma.net.AeConfig}, trusted nodes, TLS, and the values every exchange shares: {@link
 * org.kerma.net.Association}, {@link org.kerma.net.PresentationContext}, {@link org.kerma.net.Status}, and the
 * {@link org.kerma.net.DimseException} family for local failures. Services are in {@code org.kerma.net.service},
 * the SCU in {@code org.kerma.net.client}; {@code pdu}, {@code ul} and {@code dimse} are internal. The design note
 * is {@code docs/networking.md}.
 */
package org.kerma.net;
