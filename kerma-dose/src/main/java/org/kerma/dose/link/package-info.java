/**
 * The link between irradiation events of dose reports and the images they produced: a pure function of one
 * study's dose reports and image techniques ({@link org.kerma.dose.link.Linker}), with the identity rules of
 * multi-report studies. The registry persists its result.
 */
package org.kerma.dose.link;
