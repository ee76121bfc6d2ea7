package io.toktik.server.realtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.toktik.core.events.EventBus;
import io.toktik.core.video.VideoRepository;
import io.toktik.server.config.ConditionalOnRole;
import io.toktik.server.config.TokTikProperties;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/** The realtime role: the WebSocket gateway at {@code /ws} and what it runs on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(ConditionalOnRole.REALTIME)
@EnableWebSocket
class RealtimeConfiguration {
    /** Room for plain HTTP (health checks, metrics, the api role) beside the WebSocket connections. */
    private static final int HTTP_CONNECTIONS = 1_000;
    private static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    private static final int WEBSOCKET_IO_BUFFER = 1024;
    private static final int BINARY_MESSAGE_BUFFER = 128;
    private static final int SOCKET_BUFFER_REALTIME_ONLY = 4096;

    /**
     * Writes frames to clients and closes connections: a virtual thread per busy client, since a write may block.
     * Unnamed: one is started for nearly every frame, and naming each would cost more than running it.
     */
    @Bean(destroyMethod = "close")
    ExecutorService realtimeSenders() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    /** Coalescing flushes and heartbeats. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService realtimeTimer() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("toktik-realtime-timer").daemon().factory());
    }

    @Bean
    TopicRegistry topicRegistry(EventBus bus, TokTikProperties props, ScheduledExecutorService realtimeTimer) {
        return new TopicRegistry(bus, props.realtime().coalesceInterval().toNanos(), realtimeTimer);
    }

    @Bean(destroyMethod = "shutdown")
    RealtimeGateway realtimeGateway(TopicRegistry registry, VideoRepository videos, JwtDecoder jwtDecoder,
            ExecutorService realtimeSenders, ScheduledExecutorService realtimeTimer, MeterRegistry meters, TokTikProperties props) {
        TokTikProperties.Realtime settings = props.realtime();
        RealtimeGateway gateway = new RealtimeGateway(registry, new TopicAccess(videos), new AccessTokens(jwtDecoder),
                realtimeSenders, meters, settings);
        long ping = settings.pingInterval().toMillis();
        realtimeTimer.scheduleWithFixedDelay(new Heartbeat(gateway::sessions, settings.idleTimeout()), ping, ping, TimeUnit.MILLISECONDS);
        Gauge.builder("toktik.realtime.connections", gateway, RealtimeGateway::connectionCount)
                .description("Open WebSocket connections").register(meters);
        Gauge.builder("toktik.realtime.topics", registry, TopicRegistry::topicCount)
                .description("Event-bus topics this node follows for its clients").register(meters);
        return gateway;
    }

    @Bean
    WebSocketConfigurer realtimeEndpoint(RealtimeGateway gateway, TokTikProperties props) {
        // Any origin: clients authenticate with a token they send, never with cookies, so no other site can act for them.
        return registry -> registry.addHandler(gateway, "/ws")
                .setHandshakeHandler(new UncompressedHandshake())
                .addInterceptors(new ConnectionLimit(gateway::connectionCount, props.realtime().maxConnections()))
                .setAllowedOriginPatterns("*");
    }

    /**
     * Inbound text messages larger than the limit close the connection with 1009. Tomcat allocates each buffer up
     * front for every connection, so the binary one (binary messages are refused anyway) is kept tiny.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer(TokTikProperties props) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize((int) props.realtime().maxMessageSize().toBytes());
        container.setMaxBinaryMessageBufferSize(BINARY_MESSAGE_BUFFER);
        return container;
    }

    /**
     * Tomcat gives every WebSocket connection three more 8 KiB buffers (reading, writing, encoding text); frames here
     * are a few hundred bytes, and a larger one is just written in more pieces. Set before Tomcat starts (a bean
     * factory post-processor runs before the web server is created), unless the JVM was started with the property.
     */
    @Bean
    static BeanFactoryPostProcessor smallTomcatWebSocketBuffers() {
        return beanFactory -> {
            if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
                System.setProperty(TOMCAT_WEBSOCKET_BUFFER, String.valueOf(WEBSOCKET_IO_BUFFER));
            }
        };
    }

    /**
     * Lets Tomcat accept as many connections as the gateway takes (its default stops at 8192). On a node without
     * the api role, which serves no large responses, each connection's socket buffers shrink from 8 KiB to 4 KiB.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> realtimeTomcatConnections(TokTikProperties props) {
        int wanted = props.realtime().maxConnections() + HTTP_CONNECTIONS;
        boolean realtimeOnly = props.roles() != null && !props.roles().isEmpty()
                && props.roles().stream().noneMatch(ConditionalOnRole.API::equalsIgnoreCase);
        class TomcatForManyConnections implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
            @Override
            public void customize(ConfigurableTomcatWebServerFactory factory) {
                factory.addConnectorCustomizers(connector -> { // connector customizers run after Boot's (and protocol ones)
                    if (connector.getProtocolHandler() instanceof AbstractProtocol<?> p && p.getMaxConnections() != -1
                            && p.getMaxConnections() < wanted) {
                        p.setMaxConnections(wanted);
                    }
                    if (realtimeOnly) {
                        connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER_REALTIME_ONLY));
                        connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER_REALTIME_ONLY));
                    }
                });
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE; // after Boot's own server.tomcat.* settings
            }
        }
        return new TomcatForManyConnections();
    }

    /**
     * Accepts no extension: permessage-deflate, which browsers ask for, would give every connection a zlib
     * compressor and decompressor (hundreds of KiB of native memory) to shrink frames of a few hundred bytes.
     */
    private static final class UncompressedHandshake extends DefaultHandshakeHandler {
        @Override
        protected List<WebSocketExtension> filterRequestedExtensions(ServerHttpRequest request, List<WebSocketExtension> requested,
                List<WebSocketExtension> supported) {
            return List.of();
        }
    }
}
