package com.fastlightchat.web;

import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.util.List;

/**
 * No string in a request body may contain the NUL character: nobody types it, PostgreSQL cannot store it in text and
 * MongoDB cannot search for it. Such a body is refused as bad input (400 naming the field, by {@link ProblemResponses})
 * instead of failing deep inside. Only the request bodies' mapper is changed; events and other JSON are not.
 */
public class InputStrings implements WebMvcConfigurer {

    /** Strings as usual, refusing NUL. */
    static final class NoNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw context.weirdStringException(value, String.class, "must not contain the NUL character");
            }
            return value;
        }
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof JacksonJsonHttpMessageConverter json) {
                converters.set(i, new JacksonJsonHttpMessageConverter(json.getMapper().rebuild()
                        .addModule(new SimpleModule("no-nul-strings").addDeserializer(String.class, new NoNul()))
                        .build()));
            }
        }
    }
}
