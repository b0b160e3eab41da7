package com.fastlightchat.query.rebuild;

import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A read model stored in one MongoDB collection. Its fresh storage is a new database on the same server, where the
 * same projection code runs against another {@link MongoTemplate}.
 *
 * @param projector builds the projection over a given template (creating its indexes there)
 */
public record MongoReadModel(String name, List<String> topics, String collection, MongoClient client,
                             MongoTemplate liveTemplate,
                             Function<MongoTemplate, Consumer<ConsumerRecord<String, byte[]>>> projector)
        implements ReadModel {

    @Override
    public Projection live() {
        return projection(liveTemplate);
    }

    @Override
    public Fresh fresh(String suffix) {
        String database = liveTemplate.getDb().getName() + "_rebuild_" + suffix;
        MongoTemplate template = new MongoTemplate(client, database);
        return new FreshStorage(projection(template), "mongodb database " + database, () -> template.getDb().drop());
    }

    private Projection projection(MongoTemplate template) {
        return Projection.of(projector.apply(template), () -> {
            Map<String, String> sums = new LinkedHashMap<>();
            for (Document doc : template.getCollection(collection).find()) {
                sums.put(String.valueOf(doc.get("_id")), Checksums.of(doc));
            }
            return sums;
        });
    }
}
