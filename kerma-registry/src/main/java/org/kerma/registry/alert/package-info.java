/**
 * Reference levels and alerts in the registry: the packs and rules of {@code org.kerma.dose.reference} in the
 * index ({@link org.kerma.registry.alert.ReferenceData}), their evaluation at ingest from the dose tables
 * ({@link org.kerma.registry.alert.AlertExtractor}) and the answers over them
 * ({@link org.kerma.registry.alert.AlertQueries}). See {@code docs/reference-levels.md}.
 */
package org.kerma.registry.alert;
