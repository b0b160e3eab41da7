package com.fastlightchat.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/**
 * No string in a request body may contain the NUL character: nobody types it, PostgreSQL cannot store it in text and
 * MongoDB cannot search for it. A body with one is refused as bad input naming the field (422), before the handler
 * runs, instead of failing deep inside. Bodies are records, lists and maps of them; the walk goes as deep as they do.
 */
@ControllerAdvice
public class InputStrings extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "");
        return body;
    }

    private static void check(Object value, String path) {
        switch (value) {
            case null -> {
            }
            case String text -> {
                if (text.indexOf('\u0000') >= 0) {
                    throw Rejection.invalid(path.isEmpty() ? "body" : path, "must not contain the NUL character");
                }
            }
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    try {
                        var accessor = component.getAccessor();
                        accessor.trySetAccessible();
                        check(accessor.invoke(record), join(path, component.getName()));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + component, e);
                    }
                }
            }
            case Collection<?> items -> {
                int index = 0;
                for (Object item : items) {
                    check(item, path + "[" + index++ + "]");
                }
            }
            case Map<?, ?> map -> map.forEach((key, item) -> {
                check(key, path);
                check(item, join(path, String.valueOf(key)));
            });
            default -> {
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
