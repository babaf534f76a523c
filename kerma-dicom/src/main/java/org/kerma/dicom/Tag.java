package org.kerma.dicom;

/** Placeholder until the dictionary generator writes the full list of keyword constants. */
public final class Tag {
    private Tag() {
    }

    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int SpecificCharacterSet = 0x00080005;
    public static final int PixelData = 0x7FE00010;
}
