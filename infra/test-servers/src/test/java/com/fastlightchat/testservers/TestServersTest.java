package com.fastlightchat.testservers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestServersTest {

    @Test
    void givenTestClassName_whenSlugged_thenKebabCase() {
        assertThat(TestServers.slug("ChatProjectionIT")).isEqualTo("chat-projection-it");
        assertThat(TestServers.slug("HTTPErrorsIT")).isEqualTo("http-errors-it");
        assertThat(TestServers.slug("Outer$Inner_Case")).isEqualTo("outer-inner-case");
    }

    @Test
    void givenOddName_whenSlugged_thenSafeForEveryServer() {
        assertThat(TestServers.slug("  ")).isEqualTo("test");
        assertThat(TestServers.slug("--Über schön!--")).isEqualTo("ber-sch-n");
        assertThat(TestServers.slug("AVeryLongTestClassNameThatGoesOnAndOnForeverIT"))
                .hasSizeLessThanOrEqualTo(30)
                .doesNotEndWith("-")
                .matches("[a-z0-9-]+");
    }
}
