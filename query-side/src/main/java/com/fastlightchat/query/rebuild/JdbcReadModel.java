package com.fastlightchat.query.rebuild;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A read model stored in one PostgreSQL table. Its fresh storage is a new schema in the same database, created by
 * the service's own Flyway migrations, where the same projection code runs against a connection whose search path
 * is that schema.
 *
 * @param keyColumn the primary key column, the checksums' key
 * @param projector builds the projection over a given {@link JdbcClient}
 */
public record JdbcReadModel(String name, List<String> topics, String table, String keyColumn, JdbcClient liveClient,
                            DataSourceProperties dataSource,
                            Function<JdbcClient, Consumer<ConsumerRecord<String, byte[]>>> projector)
        implements ReadModel {

    @Override
    public Projection live() {
        return projection(liveClient);
    }

    @Override
    public Fresh fresh(String suffix) {
        String schema = "rebuild_" + name.replaceAll("[^a-z0-9_]", "_") + "_" + suffix;
        String separator = dataSource.getUrl().contains("?") ? "&" : "?";
        // one connection for the whole replay: a connection per statement would dominate the rebuild's time
        var schemaSource = new SingleConnectionDataSource(dataSource.getUrl() + separator + "currentSchema=" + schema,
                dataSource.getUsername(), dataSource.getPassword(), true);
        Flyway.configure().dataSource(schemaSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").load().migrate();
        return new FreshStorage(projection(JdbcClient.create(schemaSource)), "postgresql schema " + schema,
                () -> {
                    schemaSource.destroy();
                    liveClient.sql("drop schema if exists " + schema + " cascade").update();
                });
    }

    private Projection projection(JdbcClient client) {
        return Projection.of(projector.apply(client), () -> {
            Map<String, String> sums = new LinkedHashMap<>();
            client.sql("select " + keyColumn + ", md5(row_to_json(t)::text) from " + table + " t")
                    .query((rs, n) -> sums.put(rs.getString(1), rs.getString(2)))
                    .list();
            return sums;
        });
    }
}
