package com.fastlightchat.web;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.kernel.auth.CallerAuthenticator;
import com.fastlightchat.kernel.auth.IntegrationIdentity;
import com.fastlightchat.kernel.auth.InvalidTokenException;
import com.fastlightchat.kernel.auth.SdkAuthenticator;
import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import com.fastlightchat.kernel.auth.SdkIdentity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Set;

/**
 * Lets a controller take its caller as a parameter, checked before the handler runs; a missing or wrong
 * credential is a 401 problem:
 * <ul>
 *   <li>{@link EnvironmentRef}: a valid {@code X-Plugin-Key} (SDK before boot);</li>
 *   <li>{@link SdkIdentity}: plugin key plus an {@code X-User-Token} issued for that environment (SDK);</li>
 *   <li>{@link AgentIdentity}: {@code Authorization: Bearer <access token>} (dashboard);</li>
 *   <li>{@link IntegrationIdentity}: {@code X-API-Key} + {@code X-API-Secret} (backend integrations).</li>
 * </ul>
 * The service provides the {@link SdkAuthenticator} and {@link CallerAuthenticator} beans with its own look-ups.
 * A resolved caller spends its budgets ({@link RateLimits}); a refused credential spends its client address's, so
 * that guessing credentials is rate limited too. A spent budget is a 429 problem with {@code Retry-After}.
 */
public class Callers implements WebMvcConfigurer {

    public static final String PLUGIN_KEY_HEADER = "X-Plugin-Key";
    public static final String USER_TOKEN_HEADER = "X-User-Token";
    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String API_SECRET_HEADER = "X-API-Secret";
    /** Request attribute holding the resolved caller, for auditing (e.g. command metadata). */
    public static final String CALLER_ATTRIBUTE = Callers.class.getName() + ".caller";
    private static final Set<Class<?>> CALLER_TYPES =
            Set.of(EnvironmentRef.class, SdkIdentity.class, AgentIdentity.class, IntegrationIdentity.class);

    private final ObjectProvider<SdkAuthenticator> sdk;
    private final ObjectProvider<CallerAuthenticator> callers;
    private final ObjectProvider<RateLimits> limits;

    public Callers(ObjectProvider<SdkAuthenticator> sdk, ObjectProvider<CallerAuthenticator> callers,
                   ObjectProvider<RateLimits> limits) {
        this.sdk = sdk;
        this.callers = callers;
        this.limits = limits;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return CALLER_TYPES.contains(parameter.getParameterType());
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
                Object caller = resolve(parameter.getParameterType(), request);
                limits.ifAvailable(budgets -> budgets.charge(caller));
                request.setAttribute(CALLER_ATTRIBUTE, caller, NativeWebRequest.SCOPE_REQUEST);
                return caller;
            }
        });
    }

    private Object resolve(Class<?> type, NativeWebRequest request) {
        try {
            if (type == EnvironmentRef.class) {
                return sdk.getObject().environment(request.getHeader(PLUGIN_KEY_HEADER));
            }
            if (type == SdkIdentity.class) {
                return sdk.getObject().authenticate(request.getHeader(PLUGIN_KEY_HEADER),
                        request.getHeader(USER_TOKEN_HEADER));
            }
            if (type == AgentIdentity.class) {
                return callers.getObject().agent(request.getHeader("Authorization"));
            }
            return callers.getObject().integration(request.getHeader(API_KEY_HEADER),
                    request.getHeader(API_SECRET_HEADER));
        } catch (InvalidTokenException e) {
            limits.ifAvailable(budgets -> budgets.chargeAddress(
                    request.getNativeRequest(HttpServletRequest.class) instanceof HttpServletRequest http
                            ? http.getRemoteAddr() : null));
            throw Rejection.unauthenticated(e.getMessage());
        }
    }
}
