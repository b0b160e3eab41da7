package com.fastlightchat.kernel.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OriginAllowlistTest {

    private static final List<String> SHOP = List.of("https://shop.example.com", "http://localhost:3000");

    @Test
    void givenAnEmptyAllowlist_whenAnyPageAsks_thenAllowed() {
        assertThat(OriginAllowlist.allows(List.of(), "https://anything.example")).isTrue();
        assertThat(OriginAllowlist.allows(List.of(), null)).isTrue();
    }

    @Test
    void givenAnAllowlist_whenPagesAsk_thenOnlyTheExactOriginsIgnoringCaseAreAllowed() {
        assertThat(OriginAllowlist.allows(SHOP, "https://shop.example.com")).isTrue();
        assertThat(OriginAllowlist.allows(SHOP, "HTTPS://SHOP.example.com")).isTrue();
        assertThat(OriginAllowlist.allows(SHOP, "http://localhost:3000")).isTrue();
        assertThat(OriginAllowlist.allows(SHOP, "http://shop.example.com")).isFalse();
        assertThat(OriginAllowlist.allows(SHOP, "https://shop.example.com.evil.example")).isFalse();
        assertThat(OriginAllowlist.allows(SHOP, "https://evil.example")).isFalse();
        assertThat(OriginAllowlist.allows(SHOP, "null")).isFalse();
        assertThat(OriginAllowlist.allows(SHOP, null)).isFalse();
    }

    @Test
    void givenAnAllowlist_whenStoredAndRead_thenTheSameListComesBack() {
        assertThat(OriginAllowlist.parse(OriginAllowlist.format(SHOP))).isEqualTo(SHOP);
        assertThat(OriginAllowlist.parse(OriginAllowlist.format(List.of()))).isEmpty();
        assertThat(OriginAllowlist.parse(null)).isEmpty();
    }
}
