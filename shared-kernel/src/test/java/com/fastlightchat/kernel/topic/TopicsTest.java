package com.fastlightchat.kernel.topic;

import com.fastlightchat.kernel.event.AggregateType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void givenAggregateTypes_whenMappedToTopics_thenEachHasItsOwnDeclaredTopic() {
        assertThat(Arrays.stream(AggregateType.values()).map(AggregateType::topic))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(AggregateType.CHAT.topic()).isEqualTo("chat-events");
    }

    @Test
    void givenDeclaredTopics_whenCheckingNames_thenKebabCase() {
        assertThat(Topics.ALL).isNotEmpty().allSatisfy(topic -> assertThat(topic).matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void givenPrefix_whenPrefixing_thenPrependedVerbatimAndAbsentPrefixLeavesNameAlone() {
        assertThat(Topics.prefixed("staging.", Topics.CHAT_EVENTS)).isEqualTo("staging.chat-events");
        assertThat(Topics.prefixed("", Topics.CHAT_EVENTS)).isEqualTo("chat-events");
        assertThat(Topics.prefixed(null, Topics.CHAT_EVENTS)).isEqualTo("chat-events");
    }
}
