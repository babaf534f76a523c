/** Internal: DIMSE command sets (PS3.7 Annex E) and messages over P-DATA (PS3.8 Annex E). Not API. */
package org.kerma.net.dimse;
