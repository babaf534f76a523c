/**
 * One single-method handler interface per DIMSE service (PS3.7 section 9.1) and the request records they receive;
 * handlers return the answer, and a {@link org.kerma.net.StatusException} chooses a specific status.
 */
package org.kerma.net.service;
