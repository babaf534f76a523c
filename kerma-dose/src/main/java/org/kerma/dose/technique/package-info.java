/**
 * Image technique: the X-ray exposure parameters an image header carries (PS3.3 C.8.7.8 X-Ray Acquisition Dose,
 * C.8.7.2 DX Image, C.8.11 XA/XRF, C.8.2.1 CT Image, C.8.15.3/C.8.19.6 Enhanced CT/XA/XRF functional groups), read
 * into {@link org.kerma.dose.technique.ImageTechnique} in canonical units. Pure: a data set in, a record out.
 */
package org.kerma.dose.technique;
