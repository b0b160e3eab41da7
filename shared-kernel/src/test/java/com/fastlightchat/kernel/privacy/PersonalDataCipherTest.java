package com.fastlightchat.kernel.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    private static final String JONAS = "usr_8f49d09d45bf47009d5eee32f32e02db";
    private static final String MIA = "usr_2b6c1e0f9a8d4c3b8e7f6a5d4c3b2a19";

    private final TestSubjectKeys keys = new TestSubjectKeys();
    private final PersonalDataCipher cipher = new PersonalDataCipher(keys);

    @ParameterizedTest
    @ValueSource(strings = {"Where is my order?", " ", "  ", "émoji 🙂 und Umlaute äöü", "enc:v0:not really sealed",
            "[erased]", "a\nmulti-line\ttext with \"quotes\""})
    void givenText_whenSealedAndOpened_thenTheSameTextComesBack(String text) {
        String sealed = cipher.seal(JONAS, text);

        assertThat(sealed).startsWith("enc:v1:" + JONAS + ":");
        assertThat(sealed.substring(sealed.lastIndexOf(':'))).doesNotContain(text.strip().isEmpty() ? "\u0000" : text);
        assertThat(PersonalDataCipher.isSealed(sealed)).isTrue();
        assertThat(PersonalDataCipher.subjectOf(sealed)).contains(JONAS);
        assertThat(cipher.open(sealed)).isEqualTo(text);
    }

    @Test
    void givenEmptyOrNoText_whenSealed_thenItStaysAsItIsAndNoKeyIsMade() {
        assertThat(cipher.seal(JONAS, "")).isEmpty();
        assertThat(cipher.seal(JONAS, null)).isNull();
        assertThat(cipher.sealValue(JONAS, "")).isEqualTo("");
        assertThat(keys.lookups()).isZero();
    }

    @Test
    void givenTheSameTextTwice_whenSealed_thenTheCiphertextsDiffer() {
        assertThat(cipher.seal(JONAS, "hello")).isNotEqualTo(cipher.seal(JONAS, "hello"));
    }

    @Test
    void givenScalars_whenSealedAsValues_thenTheirJsonTypesComeBack() {
        assertThat(cipher.openValue(cipher.sealValue(JONAS, 12L))).isEqualTo(12L);
        assertThat(cipher.openValue(cipher.sealValue(JONAS, 49.5))).isEqualTo(49.5);
        assertThat(cipher.openValue(cipher.sealValue(JONAS, false))).isEqualTo(false);
        assertThat(cipher.openValue(cipher.sealValue(JONAS, "pro"))).isEqualTo("pro");
    }

    @Test
    void givenValuesThatAreNotSealed_whenOpened_thenTheyPassThroughUnchanged() {
        assertThat(cipher.open("plain text")).isEqualTo("plain text");
        assertThat(cipher.open(null)).isNull();
        assertThat(cipher.openValue(42L)).isEqualTo(42L);
        assertThat(keys.lookups()).isZero();
    }

    @Test
    void givenErasedSubject_whenItsSealedValuesAreOpened_thenTheyReadAsErasedNeverFailing() {
        String text = cipher.seal(JONAS, "call me at +43 660 1234567");
        String number = cipher.sealValue(JONAS, 12L);
        String other = cipher.seal(MIA, "still here");

        keys.erase(JONAS);

        assertThat(cipher.open(text)).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(cipher.openValue(number)).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(cipher.open(other)).isEqualTo("still here");
    }

    @Test
    void givenErasedSubject_whenNewDataIsSealed_thenOnlyThePlaceholderIsWrittenAndNoKeyIsCreated() {
        keys.erase(JONAS);

        assertThat(cipher.seal(JONAS, "new secret")).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(keys.subjects()).doesNotContain(JONAS);
    }

    @Test
    void givenSealedValueWithAFlippedCiphertextBit_whenOpened_thenTamperingIsDetected() {
        String sealed = cipher.seal(JONAS, "Where is my order?");
        byte[] body = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        body[body.length - 20] ^= 0x01;
        String tampered = "enc:v1:" + JONAS + ":" + Base64.getEncoder().encodeToString(body);

        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(TamperedPersonalDataException.class)
                .hasMessageContaining(JONAS);
    }

    @Test
    void givenSealedValueRelabelledWithAnotherSubject_whenOpened_thenItDoesNotOpen() {
        cipher.seal(MIA, "create Mia's key");
        String sealed = cipher.seal(JONAS, "Jonas's secret");
        String moved = sealed.replace(JONAS, MIA);

        assertThatThrownBy(() -> cipher.open(moved)).isInstanceOf(TamperedPersonalDataException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"enc:v1:", "enc:v1:usr_1", "enc:v1:usr_1:", "enc:v1:usr_1:not base64!",
            "enc:v1:usr_1:AAAA", "enc:v1:bad subject:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void givenMalformedSealedValue_whenOpened_thenTamperingIsReported(String value) {
        assertThatThrownBy(() -> cipher.open(value)).isInstanceOf(TamperedPersonalDataException.class);
    }

    @Test
    void givenKeysThatCannotBeFetched_whenOpened_thenTheFailureIsTransientNotAnErasure() {
        String sealed = cipher.seal(JONAS, "hello");
        PersonalDataCipher unavailable = new PersonalDataCipher((SubjectKeys.OpeningOnly) subject -> {
            throw new KeysUnavailableException("key service down", null);
        });

        assertThatThrownBy(() -> unavailable.open(sealed)).isInstanceOf(KeysUnavailableException.class);
    }

    @Test
    void givenTreeWithSealedStringsAnywhere_whenAllOpened_thenPlainValuesAndPlaceholdersAppear() {
        JsonMapper json = JsonMapper.builder().build();
        String tree = """
                {"payload":{"content":{"text":"%s","attachments":[{"fileName":"%s","size":12}]},
                 "attributes":{"values":{"seats":"%s"}},"other":"%s"}}"""
                .formatted(cipher.seal(JONAS, "hi"), cipher.seal(JONAS, "passport.pdf"), cipher.sealValue(JONAS, 12L),
                        cipher.seal(MIA, "mia"));
        keys.erase(MIA);

        JsonNode opened = cipher.openAll(json.readTree(tree));

        assertThat(opened.toString()).isEqualTo("""
                {"payload":{"content":{"text":"hi","attachments":[{"fileName":"passport.pdf","size":12}]},\
                "attributes":{"values":{"seats":12}},"other":"[erased]"}}""");
    }

    @Test
    void givenSubjectIdThatCouldBreakTheFormat_whenSealing_thenRefused() {
        assertThatThrownBy(() -> cipher.seal("usr:1", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.seal(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenSealedValue_whenInspected_thenNoPlaintextBytesAreInIt() {
        String text = "Jonas Berger, Hauptstraße 1";
        String sealed = cipher.seal(JONAS, text);
        byte[] body = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));

        assertThat(new String(body, StandardCharsets.ISO_8859_1)).doesNotContain("Jonas").doesNotContain("Berger");
        assertThat(body).hasSize(12 + text.getBytes(StandardCharsets.UTF_8).length + 2 + 16);
    }

    @Test
    void givenSerializedEvent_whenItsSealedSubjectsAreRead_thenEverySubjectWithASealedValueIsFoundAndNothingElse() {
        String json = "{\"text\":\"" + cipher.seal(JONAS, "hello") + "\",\"files\":[\""
                + cipher.seal(MIA, "a.pdf") + "\",\"" + cipher.seal(JONAS, "b.pdf") + "\"],"
                + "\"note\":\"enc:v1:\",\"other\":\"enc:v1:no-colon\",\"plain\":\"usr_x\"}";

        Set<String> subjects = PersonalDataCipher.sealedSubjects(json.getBytes(StandardCharsets.UTF_8),
                new LinkedHashSet<>());

        assertThat(subjects).containsExactly(JONAS, MIA);
        assertThat(PersonalDataCipher.sealedSubjects("{}".getBytes(StandardCharsets.UTF_8), new LinkedHashSet<>()))
                .isEmpty();
    }
}
