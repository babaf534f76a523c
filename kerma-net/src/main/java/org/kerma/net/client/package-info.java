/** The blocking SCU: {@link org.kerma.net.client.DicomClient} with its connection, proposal and results. */
package org.kerma.net.client;
