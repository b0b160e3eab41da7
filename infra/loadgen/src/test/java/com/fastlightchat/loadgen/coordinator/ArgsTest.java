package com.fastlightchat.loadgen.coordinator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTest {

    @Test
    void givenOptionsInEveryForm_whenRead_thenValuesAndDefaults() {
        Args args = new Args(List.of("--users", "10k", "--hold=90s", "--no-reference", "--deflate", "--rates",
                "250,500,1000", "--edge-jvm", "-Xmx2g -XX:+UseParallelGC", "--edge-args",
                "--flc.edge.max-backlog=512 --spring.data.redis.timeout=5s"));
        assertThat(args.integer("users", 1)).isEqualTo(10_000);
        assertThat(args.duration("hold", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
        assertThat(args.flag("reference", true)).isFalse();
        assertThat(args.flag("deflate", false)).isTrue();
        assertThat(args.decimals("rates", List.of())).containsExactly(250.0, 500.0, 1000.0);
        assertThat(args.text("edge-jvm", "")).isEqualTo("-Xmx2g -XX:+UseParallelGC");
        assertThat(args.text("edge-args", "")).isEqualTo("--flc.edge.max-backlog=512 --spring.data.redis.timeout=5s");
        assertThat(args.integer("agents", 20)).isEqualTo(20);
        assertThat(args.unused()).isEmpty();
        assertThat(args.used()).containsEntry("users", 10_000).containsEntry("agents", 20);
    }

    @Test
    void givenOptionNobodyReads_whenAskedForUnused_thenNamed() {
        Args args = new Args(List.of("--usres", "5"));
        args.integer("users", 1);
        assertThat(args.unused()).containsExactly("usres");
    }

    @Test
    void givenDurations_whenParsed_thenUnitsUnderstood() {
        assertThat(Args.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Args.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Args.parseDuration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Args.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> Args.parseDuration("3d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenBareArgument_whenParsed_thenRejected() {
        assertThatThrownBy(() -> new Args(List.of("users"))).isInstanceOf(IllegalArgumentException.class);
    }
}
