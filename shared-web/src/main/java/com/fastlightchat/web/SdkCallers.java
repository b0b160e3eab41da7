package com.fastlightchat.web;

import com.fastlightchat.kernel.auth.InvalidTokenException;
import com.fastlightchat.kernel.auth.SdkAuthenticator;
import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import com.fastlightchat.kernel.auth.SdkIdentity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Lets a controller take the SDK caller as a parameter: {@link EnvironmentRef} needs a valid {@code X-Plugin-Key},
 * {@link SdkIdentity} also a user token in {@code X-User-Token} issued for that environment. Checked with the
 * service's {@link SdkAuthenticator} bean before the handler runs; a missing or wrong credential is a 401 problem.
 */

public class SdkCallers implements WebMvcConfigurer {

    public static final String PLUGIN_KEY_HEADER = "X-Plugin-Key";
    public static final String USER_TOKEN_HEADER = "X-User-Token";

    private final ObjectProvider<SdkAuthenticator> authenticator;

    public SdkCallers(ObjectProvider<SdkAuthenticator> authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                Class<?> type = parameter.getParameterType();
                return type == EnvironmentRef.class || type == SdkIdentity.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
                SdkAuthenticator sdk = authenticator.getObject();
                String pluginKey = request.getHeader(PLUGIN_KEY_HEADER);
                try {
                    return parameter.getParameterType() == EnvironmentRef.class
                            ? sdk.environment(pluginKey)
                            : sdk.authenticate(pluginKey, request.getHeader(USER_TOKEN_HEADER));
                } catch (InvalidTokenException e) {
                    throw Rejection.unauthenticated(e.getMessage());
                }
            }
        });
    }
}
