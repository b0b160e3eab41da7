package com.fastlightchat.examples.analytics;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Taps the Fast Light Chat event stream with nothing but {@code kafka-clients} and a JSON parser, and prints live
 * figures every few seconds:
 * <pre>
 * java -jar analytics-consumer-example.jar --bootstrap-servers localhost:19092 [--topic-prefix staging.]
 *      [--from latest] [--every 5]
 * </pre>
 * It joins no shared consumer group (a fresh group id, nothing committed), reads {@code chat-events} from the first
 * event ({@code --from earliest}, default) or from now on, and needs no credentials of ours: only the topics.
 */
public final class AnalyticsConsumer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final LiveMetrics metrics;

    public AnalyticsConsumer(String bootstrapServers, String topicPrefix, String from, LiveMetrics metrics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "analytics-example-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, from);
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        this.consumer.subscribe(List.of(topicPrefix + "chat-events"));
        this.metrics = metrics;
    }

    /** Reads what arrived within {@code timeout} into the metrics; returns how many records were read. */
    public int poll(Duration timeout) {
        int count = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            count++;
            try {
                metrics.accept(JSON.readTree(record.value()));
            } catch (JacksonException | IllegalArgumentException e) {
                System.err.println("skipping an unreadable record at " + record.topic() + "-" + record.partition()
                        + "@" + record.offset() + ": " + e.getMessage());
            }
        }
        return count;
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) {
        String bootstrap = option(args, "--bootstrap-servers", "localhost:19092");
        String prefix = option(args, "--topic-prefix", "");
        String from = option(args, "--from", "earliest");
        long every = Long.parseLong(option(args, "--every", "5"));
        LiveMetrics metrics = new LiveMetrics();
        PrintStream out = System.out;
        try (AnalyticsConsumer consumer = new AnalyticsConsumer(bootstrap, prefix, from, metrics)) {
            Runtime.getRuntime().addShutdownHook(new Thread(consumer.consumer::wakeup));
            long nextPrint = 0;
            while (true) {
                consumer.poll(Duration.ofMillis(500));
                if (System.nanoTime() >= nextPrint) {
                    out.print(metrics.render());
                    out.println();
                    nextPrint = System.nanoTime() + Duration.ofSeconds(every).toNanos();
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException stopped) {
            out.println("stopped");
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
