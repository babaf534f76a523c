package org.kerma.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;

class DicomJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(DicomObject obj, JsonOptions options) throws Exception {
        return MAPPER.readTree(DicomJson.toJson(obj, options));
    }

    private static JsonNode json(DicomObject obj) throws Exception {
        return json(obj, JsonOptions.DEFAULT);
    }

    private static DicomObject roundTrip(DicomObject obj) throws Exception {
        return DicomJson.fromJson(DicomJson.toJson(obj, JsonOptions.DEFAULT), JsonOptions.DEFAULT);
    }

    @Test
    void writesPersonNameWithThreeGroupsAsObject() throws Exception {
        DicomObject obj = new DicomObject();
        obj.setString(Tag.SpecificCharacterSet, "ISO 2022 IR 6", "ISO 2022 IR 87");
        obj.setString(Tag.PatientName, "Yamada^Tarou=山田^太郎=やまだ^たろう");

        JsonNode pn = json(obj).get("00100010");

        assertThat(pn.get("vr").asText()).isEqualTo("PN");
        assertThat(pn.get("Value").get(0).get("Alphabetic").asText()).isEqualTo("Yamada^Tarou");
        assertThat(pn.get("Value").get(0).get("Ideographic").asText()).isEqualTo("山田^太郎");
        assertThat(pn.get("Value").get(0).get("Phonetic").asText()).isEqualTo("やまだ^たろう");
        assertThat(roundTrip(obj)).isEqualTo(obj);
    }

    @Test
    void personNameWithOnlyIdeographicKeepsTheEmptyAlphabeticGroup() throws Exception {
        DicomObject obj = new DicomObject();
        obj.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        obj.setString(Tag.PatientName, "=王^小東", "Wang^XiaoDong");

        JsonNode values = json(obj).get("00100010").get("Value");

        assertThat(values.get(0).has("Alphabetic")).isFalse();
        assertThat(values.get(0).get("Ideographic").asText()).isEqualTo("王^小東");
        assertThat(values.get(1).get("Alphabetic").asText()).isEqualTo("Wang^XiaoDong");
        assertThat(roundTrip(obj).strings(Tag.PatientName)).containsExactly("=王^小東", "Wang^XiaoDong");
    }

    @Test
    void decimalStringThatIsNotAJsonNumberIsWrittenAsStringAndReadBackEitherWay() throws Exception {
        DicomObject obj = new DicomObject();
        obj.setString(Tag.PixelSpacing, "+0.5", "007");
        obj.setString(Tag.SliceThickness, "8.664e-005");
        obj.setString(Tag.KVP, "120.0");

        JsonNode root = json(obj);

        assertThat(root.get("00280030").get("Value").get(0).isTextual()).isTrue();
        assertThat(root.get("00280030").get("Value").get(0).asText()).isEqualTo("+0.5");
        assertThat(root.get("00280030").get("Value").get(1).asText()).isEqualTo("007");
        assertThat(root.get("00180050").get("Value").get(0).isNumber()).isTrue();
        assertThat(DicomJson.toJson(obj, JsonOptions.DEFAULT)).contains("[8.664e-005]").contains("[120.0]");
        assertThat(roundTrip(obj)).isEqualTo(obj);

        DicomObject fromNumbers = DicomJson.fromJson(
                "{\"00280030\":{\"vr\":\"DS\",\"Value\":[0.5,\"0.25\"]}}", JsonOptions.DEFAULT);
        assertThat(fromNumbers.strings(Tag.PixelSpacing)).containsExactly("0.5", "0.25");
    }

    @Test
    void emptyValuesAreNullAndEmptyAttributesHaveNoValue() throws Exception {
        DicomObject obj = new DicomObject();
        obj.setString(Tag.ImageType, "ORIGINAL", "", "AXIAL");
        obj.setString(Tag.AccessionNumber);
        obj.put(Tag.PatientBirthDate, VR.DA, new byte[0]);
        obj.newSequence(Tag.ReferencedImageSequence);
        obj.put(0x00091010, VR.OB, new byte[0]);

        JsonNode root = json(obj);

        assertThat(root.get("00080008").get("Value").get(1).isNull()).isTrue();
        assertThat(root.get("00080050").has("Value")).isFalse();
        assertThat(root.get("00100030").has("Value")).isFalse();
        assertThat(root.get("00081140").has("Value")).isFalse();
        assertThat(root.get("00091010").has("InlineBinary")).isFalse();
        DicomObject back = roundTrip(obj);
        assertThat(back).isEqualTo(obj);
        assertThat(back.strings(Tag.ImageType)).containsExactly("ORIGINAL", "", "AXIAL");
    }

    @Test
    void nestedSequencesKeepItemsAndInheritTheCharacterSet() throws Exception {
        DicomObject obj = new DicomObject();
        obj.setString(Tag.SpecificCharacterSet, "ISO_IR 100");
        Sequence content = obj.newSequence(Tag.ContentSequence);
        DicomObject item = content.addItem();
        item.setString(Tag.RelationshipType, "CONTAINS");
        DicomObject inner = item.newSequence(Tag.ContentSequence).addItem();
        inner.setString(Tag.TextValue, "Größe");
        content.addItem();

        JsonNode root = json(obj);

        JsonNode items = root.get("0040A730").get("Value");
        assertThat(items).hasSize(2);
        assertThat(items.get(1).size()).isZero();
        assertThat(items.get(0).get("0040A730").get("Value").get(0).get("0040A160").get("Value").get(0).asText())
                .isEqualTo("Größe");
        DicomObject back = roundTrip(obj);
        assertThat(back).isEqualTo(obj);
        assertThat(back.items(Tag.ContentSequence).get(0).items(Tag.ContentSequence).get(0).findBytes(Tag.TextValue))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo("Größe ".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void binaryBelowTheThresholdIsInlineAndAboveIsABulkDataUri() throws Exception {
        DicomObject obj = new DicomObject();
        obj.put(0x00091010, VR.OB, new byte[] {1, 2, 3, 4});
        obj.put(Tag.PixelData, VR.OW, new byte[64]);
        JsonOptions options = JsonOptions.DEFAULT.withBulkData(16, v -> "https://pacs.example/bulk/" + v.path());

        JsonNode root = json(obj, options);

        assertThat(root.get("00091010").get("InlineBinary").asText()).isEqualTo("AQIDBA==");
        assertThat(root.get("7FE00010").get("BulkDataURI").asText()).isEqualTo("https://pacs.example/bulk/7FE00010");
        assertThat(root.get("7FE00010").has("InlineBinary")).isFalse();

        ReadResult read = DicomJson.readWithReferences(new java.io.StringReader(root.toString()), options);
        assertThat(read.references()).containsExactly(new BulkDataReference("7FE00010", Tag.PixelData, VR.OW,
                "https://pacs.example/bulk/7FE00010"));
        assertThat(read.dataset().findBytes(Tag.PixelData)).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThatThrownBy(() -> DicomJson.fromJson(root.toString(), options))
                .isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("7FE00010")
                .hasMessageContaining("readWithReferences");
    }

    @Test
    void bulkDataLeftInAFileBecomesAFileReferenceAndComesBack() throws Exception {
        DicomObject obj = new DicomObject();
        BulkData pixels = new BulkData("file:///archive/ct.dcm", 1234, 524288, false);
        obj.put(Tag.PixelData, VR.OW, pixels);
        obj.put(0x60003000, VR.OW, new BulkData("file:///archive/be.dcm", 10, 20, true));

        JsonNode root = json(obj);

        assertThat(root.get("7FE00010").get("BulkDataURI").asText())
                .isEqualTo("file:///archive/ct.dcm#offset=1234&length=524288");
        assertThat(root.get("60003000").get("BulkDataURI").asText())
                .isEqualTo("file:///archive/be.dcm#offset=10&length=20&endian=big");
        assertThat(roundTrip(obj)).isEqualTo(obj);
    }

    @Test
    void encapsulatedPixelDataIsInlineInItsEncapsulatedFormAndReadBackAsFragments() throws Exception {
        DicomObject obj = new DicomObject();
        Fragments f = new Fragments();
        f.add(new byte[0], -1);
        f.add(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, -1);
        obj.put(Tag.PixelData, VR.OB, f);

        JsonNode root = json(obj);

        byte[] inline = java.util.Base64.getDecoder().decode(root.get("7FE00010").get("InlineBinary").asText());
        assertThat(inline).containsExactly(0xFE, 0xFF, 0x00, 0xE0, 0, 0, 0, 0,
                0xFE, 0xFF, 0x00, 0xE0, 4, 0, 0, 0, 0xFF, 0xD8, 0xFF, 0xD9);
        DicomObject back = roundTrip(obj);
        assertThat(back).isEqualTo(obj);
        assertThat(back.findValue(Tag.PixelData)).containsInstanceOf(Fragments.class);
    }

    @Test
    void attributeTagsAreHexStrings() throws Exception {
        DicomObject obj = new DicomObject();
        obj.put(Tag.FrameIncrementPointer, VR.AT, new byte[] {0x18, 0x00, 0x63, 0x10, 0x54, 0x00, 0x10, 0x00});

        JsonNode root = json(obj);

        assertThat(root.get("00280009").get("Value").get(0).asText()).isEqualTo("00181063");
        assertThat(root.get("00280009").get("Value").get(1).asText()).isEqualTo("00540010");
        assertThat(roundTrip(obj)).isEqualTo(obj);
    }

    @Test
    void binaryNumbersAreJsonNumbersAndKeepTheirBits() throws Exception {
        DicomObject obj = new DicomObject();
        obj.setLong(Tag.Rows, 65535);
        obj.put(0x00091001, VR.UV, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1});
        obj.put(0x00091002, VR.FL, java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putFloat(0.1f).putFloat(Float.NaN).array());
        obj.put(0x00091003, VR.FD, java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putDouble(-1.0e-300).array());
        obj.put(0x00091004, VR.SS, new byte[] {0, (byte) 0x80});

        String text = DicomJson.toJson(obj, JsonOptions.DEFAULT);

        assertThat(text).contains("\"00280010\":{\"vr\":\"US\",\"Value\":[65535]}")
                .contains("[18446744073709551615]").contains("[0.1,\"NaN\"]").contains("[-1.0E-300]")
                .contains("[-32768]");
        assertThat(DicomJson.fromJson(text, JsonOptions.DEFAULT)).isEqualTo(obj);
    }

    @Test
    void privateAttributesKeepTheirVr() throws Exception {
        DicomObject obj = new DicomObject();
        obj.setString(0x00090010, VR.LO, "GEMS_IDEN_01");
        obj.setString(0x00091002, VR.SH, "CT01");
        obj.put(0x00091027, VR.SL, new byte[] {1, 0, 0, 0});
        obj.put(0x00111001, VR.UN, new byte[] {1, 2});

        JsonNode root = json(obj);

        assertThat(root.get("00091002").get("vr").asText()).isEqualTo("SH");
        assertThat(root.get("00091027").get("vr").asText()).isEqualTo("SL");
        assertThat(root.get("00111001").get("vr").asText()).isEqualTo("UN");
        assertThat(roundTrip(obj)).isEqualTo(obj);
    }

    @Test
    void malformedInputNamesTheJsonPath() {
        String json = "{\"0040A730\":{\"vr\":\"SQ\",\"Value\":[{},{},"
                + "{\"0040A043\":{\"vr\":\"SQ\",\"Value\":[{\"00080100\":{\"vr\":\"XX\"}}]}}]}}";

        assertThatThrownBy(() -> DicomJson.fromJson(json, JsonOptions.DEFAULT))
                .isInstanceOf(DicomJsonException.class)
                .hasMessageStartingWith("0040A730.Value[2].0040A043.Value[0].00080100.vr: unknown VR 'XX'")
                .hasMessageContaining("line 1")
                .extracting(e -> ((DicomJsonException) e).path())
                .isEqualTo("0040A730.Value[2].0040A043.Value[0].00080100.vr");
    }

    @Test
    void wrongValueTypesAndUnknownFieldsAreErrorsWithTheirPath() {
        assertThatThrownBy(() -> DicomJson.fromJson("{\"00100010\":{\"vr\":\"PN\",\"Value\":[\"Doe^John\"]}}",
                JsonOptions.DEFAULT)).hasMessageStartingWith("00100010.Value[0]: a PN value must be an object");
        assertThatThrownBy(() -> DicomJson.fromJson("{\"00280010\":{\"vr\":\"US\",\"Value\":[70000]}}",
                JsonOptions.DEFAULT)).hasMessageContaining("00280010").hasMessageContaining("outside 0..65535");
        assertThatThrownBy(() -> DicomJson.fromJson("{\"00080060\":{\"vr\":\"CS\",\"Value\":[1]}}",
                JsonOptions.DEFAULT)).hasMessageStartingWith("00080060.Value[0]: a CS value must be a string");
        assertThatThrownBy(() -> DicomJson.fromJson("{\"00080060\":{\"vr\":\"CS\",\"value\":[\"CT\"]}}",
                JsonOptions.DEFAULT)).hasMessageStartingWith("00080060.value: unknown field 'value'");
        assertThatThrownBy(() -> DicomJson.fromJson("{\"0008006\":{\"vr\":\"CS\"}}", JsonOptions.DEFAULT))
                .hasMessageStartingWith("0008006: attribute key '0008006' is not a tag");
        assertThatThrownBy(() -> DicomJson.fromJson("{\"00080060\":{\"Value\":[\"CT\"]}}", JsonOptions.DEFAULT))
                .hasMessageStartingWith("00080060: the attribute has no \"vr\"");
        assertThatThrownBy(() -> DicomJson.fromJson("{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]}",
                JsonOptions.DEFAULT)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> DicomJson.fromJson("{\"00080060\":{\"vr\":\"CS\"},\"00080060\":{\"vr\":\"CS\"}}",
                JsonOptions.DEFAULT)).hasMessageContaining("00080060").hasMessageContaining("Duplicate");
    }

    @Test
    void aValueThatTheDeclaredCharacterSetCannotEncodeNamesTheTag() {
        String json = "{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 100\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"山田\"}]}}";

        assertThatThrownBy(() -> DicomJson.fromJson(json, JsonOptions.DEFAULT))
                .isInstanceOf(DicomJsonException.class)
                .hasMessageStartingWith("00100010: (0010,0010) PatientName");
    }

    @Test
    void characterSetIsAppliedWhateverTheKeyOrder() throws Exception {
        String json = "{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Müller\"}]},"
                + "\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 100\"]}}";

        DicomObject obj = DicomJson.fromJson(json, JsonOptions.DEFAULT);

        assertThat(obj.findBytes(Tag.PatientName)).hasValueSatisfying(
                b -> assertThat(b).isEqualTo("Müller".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() {
        StringBuilder json = new StringBuilder();
        int depth = 200;
        for (int i = 0; i < depth; i++) {
            json.append("{\"0040A730\":{\"vr\":\"SQ\",\"Value\":[");
        }
        json.append("{}");
        for (int i = 0; i < depth; i++) {
            json.append("]}}");
        }

        assertThatThrownBy(() -> DicomJson.fromJson(json.toString(), JsonOptions.DEFAULT))
                .isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("nested deeper than 128 levels");
        assertThatCode(() -> DicomJson.fromJson(json.toString(), JsonOptions.DEFAULT.withMaxDepth(300)))
                .doesNotThrowAnyException();
    }

    @Test
    void invalidInlineBinaryIsAnError() {
        assertThatThrownBy(() -> DicomJson.fromJson("{\"00091010\":{\"vr\":\"OB\",\"InlineBinary\":\"AQ*D\"}}",
                JsonOptions.DEFAULT)).hasMessageStartingWith("00091010.InlineBinary: not base64");
    }

    @Test
    void emptyValueArraysAndNullItemsFollowTheStandard() throws Exception {
        DicomObject obj = DicomJson.fromJson("{\"00081140\":{\"vr\":\"SQ\",\"Value\":[{}]},"
                + "\"00100020\":{\"vr\":\"LO\",\"Value\":[null]}}", JsonOptions.DEFAULT);

        assertThat(obj.items(Tag.ReferencedImageSequence)).hasSize(1);
        assertThat(obj.items(Tag.ReferencedImageSequence).get(0).isEmpty()).isTrue();
        assertThat(obj.findBytes(Tag.PatientID)).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(List.of(obj.size())).containsExactly(2);
    }
}
