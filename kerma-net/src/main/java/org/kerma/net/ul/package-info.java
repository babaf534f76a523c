/**
 * Internal: the upper-layer protocol machine of PS3.8 section 9.2 (states, events, actions, the transition table as
 * data) and {@link org.kerma.net.ul.UpperLayer}, which drives a connection through it. Not API.
 */
package org.kerma.net.ul;
