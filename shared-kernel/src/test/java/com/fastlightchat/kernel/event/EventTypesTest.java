package com.fastlightchat.kernel.event;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypesTest {

    /** {@code <aggregate>.<kebab-case fact>}: lower-case words joined by single hyphens. */
    private static final Pattern NAME = Pattern.compile("([a-z]+)\\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)");

    static Stream<Arguments> samples() {
        return EventSamples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void givenCompiledKernel_whenScanningForEventClasses_thenEveryConcreteOneIsRegistered() {
        // Found from the class files, independently of the sealed-hierarchy walk the registry itself does.
        List<Class<?>> concrete = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.fastlightchat.kernel")
                .stream()
                .filter(c -> c.isAssignableTo(DomainEvent.class))
                .filter(c -> !c.isInterface())
                .<Class<?>>map(JavaClass::reflect)
                .toList();

        assertThat(concrete).hasSizeGreaterThanOrEqualTo(8);
        assertThat(EventTypes.all()).containsExactlyInAnyOrderElementsOf(concrete);
    }

    @Test
    void givenRegistry_whenListingAll_thenEveryEntryIsAnAnnotatedRecordAndLooksUpBothWays() {
        assertThat(EventTypes.all()).isNotEmpty().allSatisfy(type -> {
            EventType annotation = type.getAnnotation(EventType.class);
            assertThat(type.isRecord()).as("%s is a record", type).isTrue();
            assertThat(annotation).as("%s carries @EventType", type).isNotNull();
            EventTypes.Key key = EventTypes.typeOf(type);
            assertThat(key).isEqualTo(new EventTypes.Key(annotation.name(), annotation.version()));
            assertThat(EventTypes.classOf(key.name(), key.version())).contains(type.asSubclass(DomainEvent.class));
        });
    }

    @Test
    void givenRegistry_whenComparingNames_thenNoTwoTypesShareOne() {
        Map<String, Long> counts = EventTypes.all().stream()
                .map(type -> EventTypes.typeOf(type).name())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counts).isNotEmpty().allSatisfy((name, count) ->
                assertThat(count).as("records published as %s", name).isEqualTo(1L));
    }

    @Test
    void givenRegistry_whenCheckingVersions_thenEveryVersionIsPositive() {
        assertThat(EventTypes.all()).isNotEmpty()
                .allSatisfy(type -> assertThat(EventTypes.typeOf(type).version()).as("%s", type).isPositive());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void givenEventRecord_whenReadingItsName_thenItIsAggregateDotKebabCaseFactOfItsOwnAggregate(
            String typeKey, DomainEvent event) {
        String name = EventTypes.typeOf(event.getClass()).name();

        var matcher = NAME.matcher(name);

        assertThat(matcher.matches()).as("'%s' is <aggregate>.<kebab-case>", name).isTrue();
        assertThat(matcher.group(1)).isEqualTo(event.aggregateType().wireName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void givenEventRecord_whenAskedForItsAggregate_thenIdAndTypeAreThoseOfItsAggregate(
            String typeKey, DomainEvent event) {
        record Aggregate(AggregateType type, String id) {
        }
        Aggregate expected = switch (event) {
            case OrganizationEvent e -> new Aggregate(AggregateType.ORGANIZATION, e.organizationId().value());
            case EnvironmentEvent e -> new Aggregate(AggregateType.ENVIRONMENT, e.environmentId().value());
            case AgentEvent e -> new Aggregate(AggregateType.AGENT, e.agentId().value());
            case UserEvent e -> new Aggregate(AggregateType.USER, e.userId().value());
            case ChatEvent e -> new Aggregate(AggregateType.CHAT, e.chatId().value());
        };

        assertThat(event.aggregateId()).isEqualTo(expected.id());
        assertThat(event.aggregateType()).isEqualTo(expected.type());
    }

    @Test
    void givenChatEventAboutAUser_whenAskedForItsAggregateId_thenItIsTheChatNotTheUser() {
        ChatEvent.ChatOpened opened = new ChatEvent.ChatOpened(EventSamples.ORGANIZATION, EventSamples.CHAT,
                EventSamples.ENVIRONMENT, EventSamples.USER, Actor.user(EventSamples.USER.value()));

        assertThat(opened.aggregateId()).isEqualTo("ch_9faf070f060c46508ae2f156de276396");
        assertThat(opened.aggregateType().topic()).isEqualTo("chat-events");
    }

    @Test
    void givenUnregisteredNameOrVersion_whenLookingUpClass_thenEmpty() {
        assertThat(EventTypes.classOf("chat.reaction-added", 1)).isEmpty();
        assertThat(EventTypes.classOf("chat.opened", 2)).isEmpty();
        assertThat(EventTypes.classOf("chat.opened", 1)).contains(ChatEvent.ChatOpened.class);
    }

    @Test
    void givenClassThatIsNotAnEvent_whenLookingUpType_thenRejected() {
        assertThatThrownBy(() -> EventTypes.typeOf(Actor.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Actor.class.getName());
        assertThatThrownBy(() -> EventTypes.typeOf(ChatEvent.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenRegistryList_whenModified_thenRejected() {
        List<Class<?>> all = EventTypes.all();

        assertThatThrownBy(() -> all.add(String.class)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(EventTypes.all()).doesNotContain(String.class);
    }

    @Test
    void givenAggregateTypes_whenReadingWireNames_thenLowerCaseAndReversible() {
        assertThat(AggregateType.values()).allSatisfy(type -> {
            assertThat(type.wireName()).matches("[a-z]+");
            assertThat(AggregateType.fromWireName(type.wireName())).isEqualTo(type);
        });
        assertThat(AggregateType.CHAT.wireName()).isEqualTo("chat");
    }
}
