package com.fastlightchat.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandSideApplication {

    static {
        // Axon's update checker reads only this system property (or AXONIQ_UPDATE_CHECKER_DISABLED), not Spring's
        // configuration: without it every instance calls AxonIQ's servers once a minute.
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
