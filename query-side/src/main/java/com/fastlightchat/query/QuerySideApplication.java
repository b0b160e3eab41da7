package com.fastlightchat.query;

import com.fastlightchat.query.rebuild.RebuildCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class QuerySideApplication {
    /** Runs the service; {@code rebuild <read-model>} as first argument runs a rebuild instead and exits. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("rebuild")) {
            System.exit(RebuildCommand.run(args, System.out));
        }
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
