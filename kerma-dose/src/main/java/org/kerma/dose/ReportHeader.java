package org.kerma.dose;

/**
 * Identity of a dose report from its data set (PS3.3 Patient, General Study, General Series, General Equipment and
 * SOP Common modules): what the registry needs to file the report. Empty strings for absent attributes.
 */
public record ReportHeader(String sopClassUid, String sopInstanceUid, String studyInstanceUid,
        String seriesInstanceUid, String accessionNumber, String studyDate, String studyTime,
        String studyDescription, String patientName, String patientId, String patientBirthDate, String patientSex,
        String patientAge, String modality, String manufacturer, String modelName, String stationName,
        String institutionName, String deviceSerialNumber, String softwareVersions) {
}
