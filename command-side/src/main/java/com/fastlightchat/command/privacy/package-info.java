/**
 * Personal data of end users: their data keys (sealed with the secrets key, in {@code personal_data_keys}), the
 * cipher every event serialization of this service uses (event store, snapshots, Kafka), the internal endpoint that
 * serves keys to the query side and the edge, and erasure (crypto-shredding): deleting a user's key.
 */
package com.fastlightchat.command.privacy;
