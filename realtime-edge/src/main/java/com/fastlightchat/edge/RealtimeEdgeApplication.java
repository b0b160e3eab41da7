package com.fastlightchat.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RealtimeEdgeApplication {
    public static void main(String[] args) {
        SpringApplication.run(RealtimeEdgeApplication.class, args);
    }
}
