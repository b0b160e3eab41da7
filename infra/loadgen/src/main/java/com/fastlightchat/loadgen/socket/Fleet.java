package com.fastlightchat.loadgen.socket;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketClientExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilter;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilterProvider;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateClientExtensionHandshaker;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many {@link Connection}s from one process to one destination address: opened with at most {@code concurrency}
 * handshakes and joins in flight at a time, then held. Counts everything the scenarios report: sockets connected
 * and ready, failures, unexpected disconnects, benchmark messages delivered (first copies), duplicates, gaps, and
 * the latencies of connecting, joining and delivery.
 *
 * <p>Like a browser, each socket offers {@code permessage-deflate} when {@code deflate} is on: the server decides
 * whether to compress what it sends. This client never compresses what it sends (it sends only pongs and joins).
 */
public final class Fleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Fleet.class);
    /** Largest frame accepted (a catch-up of a long chat can be big). */
    private static final int MAX_FRAME = 1 << 20;

    private final String address;
    private final boolean deflate;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Queue<SocketSpec> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile int concurrency = 1;

    private final LongAdder attempted = new LongAdder();
    private final LongAdder connectedTotal = new LongAdder();
    private final AtomicInteger connectedNow = new AtomicInteger();
    private final LongAdder readyTotal = new LongAdder();
    private final LongAdder setupFailures = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder joinFailures = new LongAdder();
    private final LongAdder joinRetries = new LongAdder();
    private final LongAdder unexpectedDisconnects = new LongAdder();
    private final LongAdder closedOnPurpose = new LongAdder();
    private final LongAdder resyncs = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder signals = new LongAdder();
    private final LongAdder otherEvents = new LongAdder();
    private final Map<SocketSpec.Kind, LongAdder> delivered = counters();
    private final Map<SocketSpec.Kind, LongAdder> duplicates = counters();
    private final Map<SocketSpec.Kind, LongAdder> benchDuplicates = counters();
    private final Map<SocketSpec.Kind, LatencyLog> latency = logs();
    private final Map<SocketSpec.Kind, LatencyLog> sinceOccurred = logs();
    private final LatencyLog connectLatency = new LatencyLog();
    private final LatencyLog joinLatency = new LatencyLog();
    private final Map<String, LongAdder> failureReasons = new ConcurrentHashMap<>();
    /** Ids of the sockets that failed to set up or dropped (the first few thousand). */
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    private static final int MAX_LOST_IDS = 5000;

    /**
     * @param address the destination address every socket connects to (one of 127.0.0.x, so that several
     *                processes do not share one range of client ports)
     * @param deflate offer {@code permessage-deflate} as browsers do
     * @param threads event-loop threads
     */
    public Fleet(String address, boolean deflate, int threads) {
        this.address = address;
        this.deflate = deflate;
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, io);
        this.bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
        log.info("fleet to {} on {} ({} threads), deflate offered: {}", address, epoll ? "epoll" : "nio", threads,
                deflate);
    }

    /** Starts opening the sockets; returns at once. */
    public void open(List<SocketSpec> specs, int maxInFlight) {
        concurrency = Math.max(1, maxInFlight);
        pending.addAll(specs);
        startMore();
    }

    /** True when every socket asked for is ready or failed. */
    public boolean settled() {
        return pending.isEmpty() && inFlight.get() == 0;
    }

    private void startMore() {
        // A slot is taken before a socket leaves the queue, so that settled() never sees both empty in between.
        while (inFlight.incrementAndGet() <= concurrency) {
            SocketSpec spec = pending.poll();
            if (spec == null) {
                inFlight.decrementAndGet();
                return;
            }
            connect(spec);
        }
        inFlight.decrementAndGet();
    }

    private void connect(SocketSpec spec) {
        attempted.increment();
        Connection connection = new Connection(spec, this);
        URI uri = URI.create("ws://" + address + ":" + spec.port() + "/socket.io/?EIO=4&transport=websocket");
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .allowExtensions(deflate)
                .customHeaders(new DefaultHttpHeaders())
                .maxFramePayloadLength(MAX_FRAME)
                .handshakeTimeoutMillis(30_000)
                .dropPongFrames(true)
                .build();
        Bootstrap socket = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                var pipeline = channel.pipeline();
                pipeline.addLast(new HttpClientCodec());
                pipeline.addLast(new HttpObjectAggregator(8192));
                if (deflate) {
                    pipeline.addLast(new WebSocketClientExtensionHandler(new PerMessageDeflateClientExtensionHandshaker(
                            6, false, 15, false, false, NEVER_COMPRESS)));
                }
                pipeline.addLast(new WebSocketClientProtocolHandler(config));
                pipeline.addLast(new WebSocketFrameAggregator(MAX_FRAME));
                pipeline.addLast(connection);
            }
        });
        open.add(connection);
        ChannelFuture future = socket.connect(address, spec.port());
        connection.attach(future.channel());
        future.addListener(done -> {
            if (!done.isSuccess()) {
                open.remove(connection);
                connection.connectFailed(done.cause().getClass().getSimpleName() + " " + done.cause().getMessage());
            }
        });
    }

    /** What this client sends (pongs, joins) stays uncompressed: no deflater per socket on this side. */
    private static final WebSocketExtensionFilterProvider NEVER_COMPRESS = new WebSocketExtensionFilterProvider() {
        @Override
        public WebSocketExtensionFilter encoderFilter() {
            return WebSocketExtensionFilter.ALWAYS_SKIP;
        }

        @Override
        public WebSocketExtensionFilter decoderFilter() {
            return WebSocketExtensionFilter.NEVER_SKIP;
        }
    };

    void connected(Connection connection, long nanos) {
        connectedTotal.increment();
        connectedNow.incrementAndGet();
        connectLatency.record(nanos / 1_000);
    }

    void joined(long nanos, int retries) {
        joinLatency.record(nanos / 1_000);
        joinRetries.add(retries);
    }

    void ready(Connection connection) {
        readyTotal.increment();
        settle();
    }

    void failed(Connection connection, String reason) {
        setupFailures.increment();
        remember(connection);
        String kind = reason.length() > 80 ? reason.substring(0, 80) : reason;
        failureReasons.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (failureReasons.size() < 20) {
            log.debug("socket setup failed: {}", reason);
        }
        settle();
    }

    private void settle() {
        inFlight.decrementAndGet();
        startMore();
    }

    void rejected(String reason) {
        rejected.increment();
    }

    void joinFailed(String answer) {
        joinFailures.increment();
    }

    void closed(Connection connection, boolean wasConnected, boolean onPurpose) {
        open.remove(connection);
        if (!wasConnected) {
            return;
        }
        connectedNow.decrementAndGet();
        if (onPurpose) {
            closedOnPurpose.increment();
        } else {
            unexpectedDisconnects.increment();
            remember(connection);
        }
        gapsOfClosed.add(connection.gaps());
    }

    private final LongAdder gapsOfClosed = new LongAdder();

    private void remember(Connection connection) {
        if (lost.size() < MAX_LOST_IDS) {
            lost.add(connection.spec().id());
        }
    }

    void delivered(SocketSpec.Kind kind, long micros, long sinceOccurredMicros) {
        delivered.get(kind).increment();
        latency.get(kind).record(micros);
        if (sinceOccurredMicros >= 0) {
            sinceOccurred.get(kind).record(sinceOccurredMicros);
        }
    }

    void duplicate(SocketSpec.Kind kind, boolean benchMessage) {
        duplicates.get(kind).increment();
        if (benchMessage) {
            benchDuplicates.get(kind).increment();
        }
    }

    void resyncRequired() {
        resyncs.increment();
    }

    void signal() {
        signals.increment();
    }

    void otherEvent() {
        otherEvents.increment();
    }

    void malformed() {
        malformed.increment();
    }

    void error(Throwable cause) {
        errors.increment();
        log.debug("socket error", cause);
    }

    /** Counters and histograms; {@code reset} starts the latency histograms afresh (counters never reset). */
    public Map<String, Object> stats(boolean reset) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("attempted", attempted.sum());
        stats.put("connectedNow", connectedNow.get());
        stats.put("connectedTotal", connectedTotal.sum());
        stats.put("ready", readyTotal.sum());
        stats.put("setupFailures", setupFailures.sum());
        stats.put("rejected", rejected.sum());
        stats.put("joinFailures", joinFailures.sum());
        stats.put("joinRetries", joinRetries.sum());
        stats.put("unexpectedDisconnects", unexpectedDisconnects.sum());
        stats.put("closedOnPurpose", closedOnPurpose.sum());
        stats.put("resyncRequired", resyncs.sum());
        stats.put("malformed", malformed.sum());
        stats.put("errors", errors.sum());
        stats.put("signals", signals.sum());
        stats.put("otherEvents", otherEvents.sum());
        long gaps = gapsOfClosed.sum();
        for (Connection connection : open) {
            gaps += connection.gaps();
        }
        stats.put("gaps", gaps);
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (SocketSpec.Kind kind : SocketSpec.Kind.values()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("delivered", delivered.get(kind).sum());
            k.put("duplicates", duplicates.get(kind).sum());
            k.put("benchDuplicates", benchDuplicates.get(kind).sum());
            k.put("latency", LatencyLog.encode(latency.get(kind).total()));
            k.put("sinceOccurred", LatencyLog.encode(sinceOccurred.get(kind).total()));
            byKind.put(kind.name().toLowerCase(), k);
        }
        stats.put("kinds", byKind);
        stats.put("connectLatency", LatencyLog.encode(connectLatency.total()));
        stats.put("joinLatency", LatencyLog.encode(joinLatency.total()));
        Map<String, Long> reasons = new LinkedHashMap<>();
        failureReasons.forEach((reason, count) -> reasons.put(reason, count.sum()));
        stats.put("failureReasons", reasons);
        stats.put("lostSockets", List.copyOf(lost));
        if (reset) {
            latency.values().forEach(LatencyLog::reset);
            sinceOccurred.values().forEach(LatencyLog::reset);
        }
        return stats;
    }

    /** A short progress view: counters and the latency of the last interval. */
    public Map<String, Object> progress() {
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("connectedNow", connectedNow.get());
        progress.put("ready", readyTotal.sum());
        progress.put("setupFailures", setupFailures.sum());
        progress.put("unexpectedDisconnects", unexpectedDisconnects.sum());
        long deliveredAll = delivered.values().stream().mapToLong(LongAdder::sum).sum();
        progress.put("delivered", deliveredAll);
        Histogram interval = new Histogram(3);
        latency.values().forEach(l -> interval.add(l.interval()));
        progress.put("intervalCount", interval.getTotalCount());
        progress.put("intervalP50", interval.getValueAtPercentile(50));
        progress.put("intervalP99", interval.getValueAtPercentile(99));
        progress.put("intervalMax", interval.getMaxValue());
        return progress;
    }

    /** Closes every socket on purpose and waits (up to a minute) until they are closed. */
    public void closeAll() {
        pending.clear();
        for (Connection connection : new ArrayList<>(open)) {
            connection.close();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closeAll();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static Map<SocketSpec.Kind, LongAdder> counters() {
        Map<SocketSpec.Kind, LongAdder> map = new EnumMap<>(SocketSpec.Kind.class);
        for (SocketSpec.Kind kind : SocketSpec.Kind.values()) {
            map.put(kind, new LongAdder());
        }
        return map;
    }

    private static Map<SocketSpec.Kind, LatencyLog> logs() {
        Map<SocketSpec.Kind, LatencyLog> map = new EnumMap<>(SocketSpec.Kind.class);
        for (SocketSpec.Kind kind : SocketSpec.Kind.values()) {
            map.put(kind, new LatencyLog());
        }
        return map;
    }
}
