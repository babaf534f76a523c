package org.kerma.dicom.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;
import org.kerma.dicom.json.BulkDataReference;
import org.kerma.dicom.json.BulkDataUris;
import org.kerma.dicom.json.ReadResult;

class DicomXmlTest {

    private static String xml(DicomObject obj) throws Exception {
        return DicomXml.toXml(obj, XmlOptions.DEFAULT);
    }

    private static DicomObject roundTrip(DicomObject obj) throws Exception {
        return DicomXml.fromXml(xml(obj), XmlOptions.DEFAULT);
    }

    @Test
    void writesTheNativeModelWithKeywordsValuesAndNumbers() throws Exception {
        DicomObject obj = new DicomObject();
        obj.setString(Tag.ImageType, "ORIGINAL", "", "AXIAL");
        obj.setLong(Tag.Rows, 512);
        obj.setString(Tag.AccessionNumber);

        String xml = xml(obj);

        assertThat(xml).contains("<NativeDicomModel xmlns=\"http://dicom.nema.org/PS3.19/models/NativeDICOM\""
                        + " xml:space=\"preserve\">")
                .contains("<DicomAttribute tag=\"00080008\" vr=\"CS\" keyword=\"ImageType\">\n"
                        + "<Value number=\"1\">ORIGINAL</Value>\n<Value number=\"2\"></Value>\n"
                        + "<Value number=\"3\">AXIAL</Value>\n</DicomAttribute>")
                .contains("<DicomAttribute tag=\"00280010\" vr=\"US\" keyword=\"Rows\">\n"
                        + "<Value number=\"1\">512</Value>")
                .contains("<DicomAttribute tag=\"00080050\" vr=\"SH\" keyword=\"AccessionNumber\">\n</DicomAttribute>");
        assertThat(roundTrip(obj)).isEqualTo(obj);
    }

    @Test
    void personNameWithThreeGroupsHasComponentElements() throws Exception {
        DicomObject obj = new DicomObject();
        obj.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        obj.setString(Tag.PatientName, "Yamada^Tarou=山田^太郎=やまだ^たろう", "", "Doe^^^Dr");

        String xml = xml(obj);

        assertThat(xml).contains("<PersonName number=\"1\">\n<Alphabetic>\n<FamilyName>Yamada</FamilyName>\n"
                + "<GivenName>Tarou</GivenName>\n</Alphabetic>\n<Ideographic>\n<FamilyName>山田</FamilyName>\n"
                + "<GivenName>太郎</GivenName>\n</Ideographic>\n<Phonetic>\n<FamilyName>やまだ</FamilyName>\n"
                + "<GivenName>たろう</GivenName>\n</Phonetic>\n</PersonName>")
                .contains("<PersonName number=\"2\"></PersonName>")
                .contains("<FamilyName>Doe</FamilyName>\n<NamePrefix>Dr</NamePrefix>");
        assertThat(roundTrip(obj)).isEqualTo(obj);
    }

    @Test
    void privateElementsAreWrittenWithoutTheirBlockAndPlacedByTheirCreator() throws Exception {
        DicomObject obj = new DicomObject();
        obj.setString(0x00090011, VR.LO, "ACME 1.0");
        obj.setString(0x00091101, VR.SH, "abcd");

        String xml = xml(obj);

        assertThat(xml).contains("<DicomAttribute tag=\"00090011\" vr=\"LO\">")
                .contains("<DicomAttribute tag=\"00090001\" vr=\"SH\" privateCreator=\"ACME 1.0\">");
        assertThat(roundTrip(obj)).isEqualTo(obj);

        DicomObject orphan = DicomXml.fromXml("<NativeDicomModel><DicomAttribute tag=\"00090002\" vr=\"SH\""
                + " privateCreator=\"OTHER\"><Value number=\"1\">x</Value></DicomAttribute></NativeDicomModel>",
                XmlOptions.DEFAULT);
        assertThat(orphan.strings(0x00090010)).containsExactly("OTHER");
        assertThat(orphan.strings(0x00091002)).containsExactly("x");
    }

    @Test
    void sequencesBinaryAndAttributeTagsRoundTrip() throws Exception {
        DicomObject obj = new DicomObject();
        Sequence seq = obj.newSequence(Tag.ContentSequence);
        seq.addItem().newSequence(Tag.ContentSequence).addItem().setString(Tag.TextValue, "line 1\r\nline 2");
        seq.addItem();
        obj.put(Tag.FrameIncrementPointer, VR.AT, new byte[] {0x18, 0x00, 0x63, 0x10});
        obj.put(0x00091010, VR.OB, new byte[] {1, 2, 3, 4});
        Fragments f = new Fragments();
        f.add(new byte[0], -1);
        f.add(new byte[] {1, 2}, -1);
        obj.put(Tag.PixelData, VR.OB, f);

        String xml = xml(obj);

        assertThat(xml).contains("<Item number=\"2\">\n</Item>")
                .contains("<Value number=\"1\">00181063</Value>")
                .contains("<InlineBinary>AQIDBA==</InlineBinary>")
                .contains("line 1&#13;\nline 2");
        assertThat(roundTrip(obj)).isEqualTo(obj);
    }

    @Test
    void groupLengthsAreNotWritten() throws Exception {
        DicomObject obj = new DicomObject();
        obj.put(0x00080000, VR.UL, new byte[] {4, 0, 0, 0});
        obj.setString(Tag.Modality, "CT");

        assertThat(xml(obj)).doesNotContain("00080000").contains("00080060");
    }

    @Test
    void bulkDataBecomesUriAndOtherUrisBecomeReferences() throws Exception {
        DicomObject obj = new DicomObject();
        obj.put(Tag.PixelData, VR.OW, new BulkData("file:///a/b.dcm", 100, 2000, false));
        obj.put(0x00091010, VR.OB, new byte[40]);
        XmlOptions options = XmlOptions.DEFAULT.withBulkData(32, v -> v.value() instanceof BulkData b
                ? BulkDataUris.fileReference(b) : "urn:test:" + v.path());

        String xml = DicomXml.toXml(obj, options);

        assertThat(xml).contains("<BulkData uri=\"file:///a/b.dcm#offset=100&amp;length=2000\"/>")
                .contains("<BulkData uri=\"urn:test:00091010\"/>");
        ReadResult read = DicomXml.readWithReferences(new java.io.StringReader(xml), options);
        assertThat(read.dataset().findValue(Tag.PixelData)).contains(new BulkData("file:///a/b.dcm", 100, 2000, false));
        assertThat(read.references()).containsExactly(
                new BulkDataReference("00091010", 0x00091010, VR.OB, "urn:test:00091010"));
    }

    @Test
    void readsDcmtkOutputInItsDeclaredEncodingWithoutNamespace() throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<NativeDicomModel xml:space=\"preserve\">\n"
                + "<DicomAttribute tag=\"00080005\" vr=\"CS\" keyword=\"SpecificCharacterSet\">\n"
                + "<Value number=\"1\">ISO_IR 100</Value>\n</DicomAttribute>\n"
                + "<DicomAttribute tag=\"00100010\" vr=\"PN\" keyword=\"PatientName\">\n<PersonName number=\"1\">\n"
                + "<Alphabetic>\n<FamilyName>Äneas</FamilyName>\n<GivenName>Rüdiger</GivenName>\n</Alphabetic>\n"
                + "</PersonName>\n</DicomAttribute>\n</NativeDicomModel>\n";

        DicomObject obj = DicomXml.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.ISO_8859_1)),
                XmlOptions.DEFAULT);

        assertThat(obj.strings(Tag.PatientName)).containsExactly("Äneas^Rüdiger");
        assertThat(obj.findBytes(Tag.PatientName)).hasValueSatisfying(
                b -> assertThat(b).isEqualTo("Äneas^Rüdiger ".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void refusesDtdsSoExternalEntitiesAreNeverResolved() {
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE NativeDicomModel [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<NativeDicomModel><DicomAttribute tag=\"00100010\" vr=\"LO\"><Value number=\"1\">&xxe;</Value>"
                + "</DicomAttribute></NativeDicomModel>";

        assertThatThrownBy(() -> DicomXml.fromXml(doc, XmlOptions.DEFAULT))
                .isInstanceOf(DicomXmlException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }

    @Test
    void errorsNameThePathAndLine() {
        String doc = "<NativeDicomModel>\n<DicomAttribute tag=\"0040A730\" vr=\"SQ\">\n<Item number=\"1\"/>\n"
                + "<Item number=\"2\">\n<DicomAttribute tag=\"0040A043\" vr=\"US\"><Value number=\"1\">x</Value>"
                + "</DicomAttribute>\n</Item>\n</DicomAttribute>\n</NativeDicomModel>";

        assertThatThrownBy(() -> DicomXml.fromXml(doc, XmlOptions.DEFAULT))
                .isInstanceOf(DicomXmlException.class)
                .hasMessageStartingWith("0040A730/Item[2]/0040A043: US value 'x' is not a number");
        assertThatThrownBy(() -> DicomXml.fromXml("<NativeDicomModel><DicomAttribute tag=\"00100010\" vr=\"PN\">"
                + "<Value number=\"1\">Doe</Value></DicomAttribute></NativeDicomModel>", XmlOptions.DEFAULT))
                .hasMessageStartingWith("00100010: <Value> does not fit VR PN").hasMessageContaining("line 1");
        assertThatThrownBy(() -> DicomXml.fromXml("<NativeDicomModel><DicomAttribute tag=\"00100020\" vr=\"LO\">"
                + "<Value number=\"2\">A</Value></DicomAttribute></NativeDicomModel>", XmlOptions.DEFAULT))
                .hasMessageStartingWith("00100020: <Value number=\"2\"> out of order: expected number 1");
        assertThatThrownBy(() -> DicomXml.fromXml("<NativeDicomModel><Foo/></NativeDicomModel>", XmlOptions.DEFAULT))
                .hasMessageContaining("expected <DicomAttribute>, found <Foo>");
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() {
        StringBuilder doc = new StringBuilder("<NativeDicomModel>");
        for (int i = 0; i < 200; i++) {
            doc.append("<DicomAttribute tag=\"0040A730\" vr=\"SQ\"><Item number=\"1\">");
        }
        for (int i = 0; i < 200; i++) {
            doc.append("</Item></DicomAttribute>");
        }
        doc.append("</NativeDicomModel>");

        assertThatThrownBy(() -> DicomXml.fromXml(doc.toString(), XmlOptions.DEFAULT))
                .isInstanceOf(DicomXmlException.class)
                .hasMessageContaining("nested deeper than 128 levels");
    }

    @Test
    void controlCharactersThatXmlCannotHoldAreAnErrorNamingThePath() {
        DicomObject obj = new DicomObject();
        obj.putString(Tag.StudyDescription, VR.LO, "bell\u0007");

        assertThatThrownBy(() -> xml(obj)).isInstanceOf(DicomXmlException.class)
                .hasMessageContaining("00081030/Value[1]").hasMessageContaining("U+0007");
    }
}
