package com.fastlightchat.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}) of a service, naming the three
 * ways callers authenticate so that the UI can send them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenAPI.class)
public class ApiDocs {

    @Bean
    OpenAPI fastLightChatApi(@Value("${spring.application.name:fast-light-chat}") String service) {
        return new OpenAPI()
                .info(new Info().title("Fast Light Chat — " + service).version("v1")
                        .description("Errors are RFC 9457 problems (application/problem+json) with a stable `type`; "
                                + "bad input names the field in `errors[].field`."))
                .components(new Components()
                        .addSecuritySchemes("pluginKey", header(Callers.PLUGIN_KEY_HEADER, "SDK: the environment's public plugin key"))
                        .addSecuritySchemes("userToken", header(Callers.USER_TOKEN_HEADER, "SDK: the user token issued by POST /v1/sdk/boot"))
                        .addSecuritySchemes("apiKey", header(Callers.API_KEY_HEADER, "Backend integration: API key"))
                        .addSecuritySchemes("apiSecret", header(Callers.API_SECRET_HEADER, "Backend integration: API secret"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT").description("Dashboard: agent access token")));
    }

    private static SecurityScheme header(String name, String description) {
        return new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(name)
                .description(description);
    }
}
