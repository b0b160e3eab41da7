package com.fastlightchat.kernel.id;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdsTest {

    static Stream<Arguments> typedIds() {
        return Stream.of(
                Arguments.of("organizationId", (Function<String, TypedId>) OrganizationId::new),
                Arguments.of("environmentId", (Function<String, TypedId>) EnvironmentId::new),
                Arguments.of("agentId", (Function<String, TypedId>) AgentId::new),
                Arguments.of("userId", (Function<String, TypedId>) UserId::new),
                Arguments.of("chatId", (Function<String, TypedId>) ChatId::new),
                Arguments.of("messageId", (Function<String, TypedId>) MessageId::new),
                Arguments.of("clientMessageId", (Function<String, TypedId>) ClientMessageId::new),
                Arguments.of("teamId", (Function<String, TypedId>) TeamId::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "7", "ch_9faf070f060c46508ae2f156de276396", "external-user-42", "A_b-C",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void givenWellFormedId_whenValidated_thenReturnedUnchanged(String value) {
        assertThat(Ids.require(value, "chatId")).isEqualTo(value);
        assertThat(new ChatId(value).value()).isEqualTo(value);
    }

    @Test
    void givenIdOfExactly64Characters_whenValidated_thenAccepted() {
        String max = "a".repeat(64);

        assertThat(new UserId(max).value()).hasSize(64);
    }

    @Test
    void givenIdOf65Characters_whenValidated_thenRejected() {
        String tooLong = "a".repeat(65);

        assertThatThrownBy(() -> new UserId(tooLong))
                .isInstanceOfSatisfying(InvalidIdException.class, e -> assertThat(e.field()).isEqualTo("userId"))
                .hasMessageContaining("1-64");
    }

    @Test
    void givenHugeValue_whenValidated_thenMessageGivesItsLengthInsteadOfEchoingIt() {
        String huge = "x".repeat(10_000);

        assertThatThrownBy(() -> new UserId(huge))
                .isInstanceOf(InvalidIdException.class)
                .hasMessageContaining("10000 characters")
                .hasMessageNotContaining(huge);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "ch 1", " ch_1", "ch_1 ", "ch_1\n", "\tch_1", "-ch_1", "_ch_1", "ch.1", "ch/1",
            "ch:1", "café", "чат", "ｃｈ１", "ch_1\u00A0", "ch_😀", "ch_1;drop", "../ch_1", "ch%201"})
    void givenMalformedId_whenValidated_thenInvalidIdExceptionNamingTheField(String value) {
        InvalidIdException thrown = catchThrowableOfType(InvalidIdException.class,
                () -> Ids.require(value, "messageId"));

        assertThat(thrown).isNotNull();
        assertThat(thrown.field()).isEqualTo("messageId");
        assertThat(thrown).hasMessageStartingWith("messageId ");
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenNoValue_whenValidated_thenMessageSaysNothingWasGiven() {
        assertThatThrownBy(() -> new AgentId(null))
                .isInstanceOf(InvalidIdException.class)
                .hasMessageContaining("got nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedIds")
    void givenTypedIdRecord_whenConstructedWithInvalidValue_thenExceptionNamesItsOwnField(
            String field, Function<String, TypedId> constructor) {
        InvalidIdException thrown = catchThrowableOfType(InvalidIdException.class,
                () -> constructor.apply("has space"));

        assertThat(thrown).isNotNull();
        assertThat(thrown.field()).isEqualTo(field);
        assertThat(thrown).hasMessageContaining("'has space'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedIds")
    void givenTypedIdRecord_whenConstructedWithValidValue_thenValueAndEqualityAreByValue(
            String field, Function<String, TypedId> constructor) {
        TypedId id = constructor.apply("x_42");

        assertThat(id.value()).isEqualTo("x_42");
        assertThat(id).isEqualTo(constructor.apply("x_42")).isNotEqualTo(constructor.apply("x_43"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedIds")
    void givenTypedIdRecord_whenPrinted_thenToStringIsThePlainValue(
            String field, Function<String, TypedId> constructor) {
        assertThat(constructor.apply("ch_9faf070f").toString()).isEqualTo("ch_9faf070f");
    }

    @ParameterizedTest
    @ValueSource(strings = {"org", "env", "ag", "usr", "ch", "msg", "cm"})
    void givenPrefix_whenGeneratingRandomId_thenPrefixUnderscoreAnd32LowerHexDigits(String prefix) {
        String id = Ids.random(prefix);

        assertThat(id).matches(prefix + "_[0-9a-f]{32}");
        assertThat(Ids.FORMAT.matcher(id).matches()).isTrue();
        assertThat(Ids.require(id, "id")).isEqualTo(id);
    }

    @Test
    void givenManyRandomIds_whenGenerated_thenAllDistinct() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> ids.add(Ids.random("ch")));

        assertThat(ids).hasSize(1_000);
    }

    @Test
    void givenLongestPrefixInUse_whenGeneratingRandomId_thenIdFitsTheFormat() {
        assertThat(new ClientMessageId(Ids.random("cm")).value()).startsWith("cm_");
        assertThat(new EnvironmentId(Ids.random("env")).value()).startsWith("env_");
        assertThat(new MessageId(Ids.random("msg")).value()).startsWith("msg_");
    }
}
