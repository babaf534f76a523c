package org.kerma.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One item of the Output Information Sequence (0040,4033) of a storage protocol element (PS3.3 section C.34.14):
 * where the output goes.
 *
 * @param sopClassUid      Referenced SOP Class UID (0008,1150) when the destination is for one SOP Class; "" otherwise
 * @param destinationAes   Destination AE (2100,0140) of each DICOM Storage Sequence (0040,4071) item
 * @param storageUrls      Storage URL (0040,4073) of each STOW-RS Storage Sequence (0040,4072) item
 * @param xdsRepositories  Repository Unique ID (0040,E030) of each XDS Storage Sequence (0040,4074) item
 */
public record StorageOutput(String sopClassUid, List<String> destinationAes, List<String> storageUrls,
                            List<String> xdsRepositories) {
    public StorageOutput {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        destinationAes = List.copyOf(destinationAes);
        storageUrls = List.copyOf(storageUrls);
        xdsRepositories = List.copyOf(xdsRepositories);
    }
}
