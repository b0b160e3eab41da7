package com.fastlightchat.query.webclient.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static clients under {@code classpath:/static/}: {@code /console/} and {@code /demo/} answer their
 * {@code index.html}; the bare paths and {@code /} redirect there. The widget's files, the modules it shares with the console and the vendored Socket.IO
 * client may be loaded by any site (the widget imports the client as an ES module, which browsers fetch with CORS);
 * they are public, read-only files, fetched without credentials.
 */
@Configuration(proxyBeanMethods = false)
public class WebClientResources implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/console/");
        for (String client : new String[]{"console", "demo"}) {
            registry.addRedirectViewController("/" + client, "/" + client + "/");
            registry.addViewController("/" + client + "/").setViewName("forward:/" + client + "/index.html");
        }
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        for (String path : new String[]{"/widget/**", "/shared/**", "/vendor/**"}) {
            registry.addMapping(path).allowedOriginPatterns("*").allowedMethods("GET", "HEAD")
                    .allowCredentials(false).maxAge(3600);
        }
    }
}
