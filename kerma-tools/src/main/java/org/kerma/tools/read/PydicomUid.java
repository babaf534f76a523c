package org.kerma.tools.read;

/**
 * One entry of pydicom's {@code UID_dictionary}.
 *
 * @param uid     the UID
 * @param name    the registered name (empty for two retired 2015c entries)
 * @param type    pydicom's type text, e.g. "Transfer Syntax", "Well-known frame of reference"
 * @param retired true when marked 'Retired'
 * @param keyword the keyword, may be empty
 */
public record PydicomUid(String uid, String name, String type, boolean retired, String keyword) {
}
