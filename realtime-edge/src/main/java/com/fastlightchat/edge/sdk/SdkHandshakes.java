package com.fastlightchat.edge.sdk;

import com.corundumstudio.socketio.HandshakeData;
import com.fastlightchat.edge.sdk.access.PluginKeys;
import com.fastlightchat.kernel.auth.AccessTokens;
import com.fastlightchat.kernel.auth.InvalidTokenException;
import com.fastlightchat.kernel.auth.OriginAllowlist;
import com.fastlightchat.kernel.auth.TokenClaims;
import com.fastlightchat.kernel.id.Ids;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the credentials of an {@code /sdk} handshake into an {@link SdkSession}.
 *
 * <p>Credentials are read from the Socket.IO v4 {@code auth} payload {@code {pluginKey, userToken}}; a field missing
 * there is taken from the query parameter of the same name. The user token is verified here (signature, expiry,
 * kind {@code USER}, an environment present), then the plugin key must be one an environment has now
 * ({@link PluginKeys}: the query side, remembered in Redis for a minute) of the environment the token was issued
 * in, and a browser's {@code Origin} must be among that environment's allowed origins when it has any
 * ({@link OriginAllowlist}). When the query side cannot tell, the
 * connection is let in: the query side checks key and token together on every {@code chat:join}, so no chat is
 * ever joined with a key that does not match the token.
 */
public final class SdkHandshakes {

    public static final String PLUGIN_KEY = "pluginKey";
    public static final String USER_TOKEN = "userToken";

    /** Printable ASCII without spaces: the key is sent on as an HTTP header value. */
    private static final Pattern PLUGIN_KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private static final Logger log = LoggerFactory.getLogger(SdkHandshakes.class);

    private final AccessTokens tokens;
    private final PluginKeys pluginKeys;

    public SdkHandshakes(AccessTokens tokens, PluginKeys pluginKeys) {
        this.tokens = tokens;
        this.pluginKeys = pluginKeys;
    }

    /**
     * @param authPayload the {@code auth} object of the CONNECT packet as parsed (usually a {@code Map}), or null
     * @param handshake   the Engine.IO handshake, for the query parameter fallback
     * @throws InvalidTokenException if the credentials are missing or invalid; its message is safe to show
     */
    public SdkSession authenticate(Object authPayload, HandshakeData handshake) {
        String pluginKey = credential(authPayload, handshake, PLUGIN_KEY);
        String userToken = credential(authPayload, handshake, USER_TOKEN);
        if (pluginKey == null || !PLUGIN_KEY_FORMAT.matcher(pluginKey).matches()) {
            throw new InvalidTokenException("plugin key is missing or malformed");
        }
        SdkSession session = session(pluginKey, userToken);
        PluginKeys.Answer answer = pluginKeys.check(pluginKey);
        switch (answer.verdict()) {
            case KNOWN -> {
                if (!answer.environmentId().equals(session.environmentId())) {
                    throw new InvalidTokenException("plugin key does not belong to the token's environment");
                }
                String origin = handshake == null ? null : handshake.getHttpHeaders().get(HttpHeaderNames.ORIGIN);
                if (origin != null && !OriginAllowlist.allows(answer.allowedOrigins(), origin)) {
                    throw new InvalidTokenException("origin is not allowed for this plugin key");
                }
            }
            case UNKNOWN -> throw new InvalidTokenException("plugin key is unknown");
            case UNAVAILABLE -> log.warn("plugin key not verified (query side unavailable), letting {} in", session);
        }
        return session;
    }

    /** Verifies a session's token again, e.g. before an action long after the handshake. */
    public void reverify(SdkSession session) {
        session(session.pluginKey(), session.userToken());
    }

    private SdkSession session(String pluginKey, String userToken) {
        TokenClaims claims = tokens.verify(userToken, TokenClaims.Kind.USER);
        if (claims.environmentId() == null || !Ids.FORMAT.matcher(claims.subject()).matches()) {
            throw new InvalidTokenException("token is malformed");
        }
        return new SdkSession(claims.organizationId(), claims.environmentId(), claims.subject(), pluginKey, userToken);
    }

    private static String credential(Object authPayload, HandshakeData handshake, String name) {
        if (authPayload instanceof Map<?, ?> auth && auth.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        String param = handshake == null ? null : handshake.getSingleUrlParam(name);
        return param == null || param.isBlank() ? null : param;
    }
}
