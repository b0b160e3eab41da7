package com.fastlightchat.edge.agent;

import com.corundumstudio.socketio.SocketIOServer;
import com.fastlightchat.edge.delivery.ChatDelivery;
import com.fastlightchat.edge.live.Typing;
import com.fastlightchat.edge.sdk.SdkNamespace;
import com.fastlightchat.edge.socket.ChatRequestHandlers;
import com.fastlightchat.edge.socket.SocketRateLimit;
import com.fastlightchat.edge.unread.QuerySideUnread;
import com.fastlightchat.edge.unread.UnreadBadges;
import com.fastlightchat.kernel.auth.AccessTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AgentConfiguration {

    @Bean
    AgentNamespace agentNamespace(SocketIOServer server, AccessTokens tokens, ChatDelivery delivery,
                                  SdkNamespace.Limits limits) {
        return new AgentNamespace(server, tokens, delivery, limits);
    }

    @Bean
    ChatRequestHandlers agentRequests(AgentNamespace namespace, ChatDelivery delivery, Typing typing,
                                      UnreadBadges badges, QuerySideUnread querySideUnread,
                                      SocketRateLimit.Settings limits) {
        return new ChatRequestHandlers(namespace.namespace(), delivery, typing, badges, querySideUnread, limits);
    }
}
