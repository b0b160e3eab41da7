package com.fastlightchat.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Brings the shared HTTP conventions into every service that has this module on its class path. */
@AutoConfiguration
@Import({ProblemResponses.class, Callers.class, ApiDocs.class, CrossOrigin.class})
public class SharedWebAutoConfiguration {
}
