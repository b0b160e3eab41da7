package com.fastlightchat.loadgen.socket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FramesTest {

    @Test
    void givenNamespaceAndAuth_whenEncodingConnect_thenEngineMessageWithSocketConnect() {
        assertThat(Frames.connect("/sdk", "{\"pluginKey\":\"pk\"}")).isEqualTo("40/sdk,{\"pluginKey\":\"pk\"}");
        assertThat(Frames.connect("/", null)).isEqualTo("40");
    }

    @Test
    void givenAckId_whenEncodingEvent_thenIdPrecedesArguments() {
        assertThat(Frames.event("/agent", 7, "[\"chat:join\",{}]")).isEqualTo("42/agent,7[\"chat:join\",{}]");
        assertThat(Frames.event("/sdk", -1, "[\"typing\"]")).isEqualTo("42/sdk,[\"typing\"]");
    }

    @Test
    void givenEngineFrames_whenParsing_thenTypeAndData() {
        assertThat(Frames.parse("2").engineType()).isEqualTo(Frames.PING);
        Frames.Inbound open = Frames.parse("0{\"sid\":\"abc\",\"pingInterval\":25000}");
        assertThat(open.engineType()).isEqualTo(Frames.OPEN);
        assertThat(open.data()).isEqualTo("{\"sid\":\"abc\",\"pingInterval\":25000}");
    }

    @Test
    void givenEventOfNamespace_whenParsing_thenNamespaceAndArguments() {
        Frames.Inbound event = Frames.parse("42/sdk,[\"chat.event\",{\"sequence\":12}]");
        assertThat(event.engineType()).isEqualTo(Frames.MESSAGE);
        assertThat(event.socketType()).isEqualTo(Frames.EVENT);
        assertThat(event.namespace()).isEqualTo("/sdk");
        assertThat(event.ackId()).isEqualTo(-1);
        assertThat(event.data()).isEqualTo("[\"chat.event\",{\"sequence\":12}]");
    }

    @Test
    void givenAck_whenParsing_thenAckId() {
        Frames.Inbound ack = Frames.parse("43/agent,12[{\"ok\":true}]");
        assertThat(ack.socketType()).isEqualTo(Frames.ACK);
        assertThat(ack.namespace()).isEqualTo("/agent");
        assertThat(ack.ackId()).isEqualTo(12);
        assertThat(ack.data()).isEqualTo("[{\"ok\":true}]");
    }

    @Test
    void givenConnectErrorAndConnectOfRootNamespace_whenParsing_thenBothRecognised() {
        Frames.Inbound error = Frames.parse("44/sdk,{\"message\":\"plugin key is unknown\"}");
        assertThat(error.socketType()).isEqualTo(Frames.CONNECT_ERROR);
        assertThat(error.data()).isEqualTo("{\"message\":\"plugin key is unknown\"}");
        Frames.Inbound connect = Frames.parse("40{\"sid\":\"x\"}");
        assertThat(connect.namespace()).isEqualTo("/");
        assertThat(connect.socketType()).isEqualTo(Frames.CONNECT);
    }

    @Test
    void givenBrokenFrames_whenParsing_thenRejected() {
        assertThatThrownBy(() -> Frames.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frames.parse("4")).isInstanceOf(IllegalArgumentException.class);
    }
}
