/** Internal: the PDUs of PS3.8 section 9.3 as records, and their codec. Not API. */
package org.kerma.net.pdu;
