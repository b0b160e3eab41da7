package com.fastlightchat.edge.socket;

import com.corundumstudio.socketio.SocketIOServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** {@code flc_edge_connections{namespace}}: the sockets connected to this instance, per namespace (Grafana panel). */
@Configuration(proxyBeanMethods = false)
public class SocketMetrics {

    static final List<String> NAMESPACES = List.of("/sdk", "/agent");

    @Bean
    List<Gauge> socketConnectionGauges(SocketIOServer server, MeterRegistry registry) {
        return NAMESPACES.stream()
                .map(namespace -> Gauge.builder("flc.edge.connections", server,
                                s -> s.getNamespace(namespace) == null ? 0 : s.getNamespace(namespace).getAllClients().size())
                        .description("Socket.IO clients connected to this edge instance")
                        .tag("namespace", namespace.substring(1))
                        .register(registry))
                .toList();
    }
}
