package com.fastlightchat.command.environment;

import com.fastlightchat.kernel.auth.OriginAllowlist;
import com.fastlightchat.kernel.event.EnvironmentEvent.AllowedOriginsChanged;
import com.fastlightchat.kernel.event.EnvironmentEvent.ApiKeyRotated;
import com.fastlightchat.kernel.event.EnvironmentEvent.EnvironmentCreated;
import com.fastlightchat.kernel.event.EnvironmentEvent.PluginKeyRotated;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which environment a plugin key or API key belongs to. Kept by a subscribing handler inside the transaction
 * that stores the event, so a key works exactly from the moment its event is stored.
 *
 * <p>Every SDK request names a plugin key, so the owners of known plugin keys are remembered for
 * {@link #PLUGIN_KEY_MEMORY} (unknown keys never are: a new environment's key works at once on every instance).
 * The instance that stores a rotation forgets at once; another instance may accept a rotated-out plugin key for at
 * most that long (plugin keys are public, embedded in web pages; API keys, which are secrets, are always read).
 */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class EnvironmentKeys {

    public static final String PROCESSING_GROUP = "command-lookups";

    /** The owner of a key. */
    public record KeyOwner(OrganizationId organizationId, EnvironmentId environmentId, String apiSecretHash) {
    }

    /** How long a plugin key's owner is remembered. */
    public static final Duration PLUGIN_KEY_MEMORY = Duration.ofSeconds(10);
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(KeyOwner owner, long until) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Remembered> pluginKeys = new ConcurrentHashMap<>();

    public EnvironmentKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EnvironmentCreated event) {
        jdbc.sql("""
                        insert into environment_keys (environment_id, organization_id, plugin_key, api_key, api_secret_hash)
                        values (:env, :org, :pluginKey, :apiKey, :secretHash)
                        on conflict (environment_id) do update set plugin_key = excluded.plugin_key,
                          api_key = excluded.api_key, api_secret_hash = excluded.api_secret_hash""")
                .param("env", event.environmentId().value())
                .param("org", event.organizationId().value())
                .param("pluginKey", event.pluginKey())
                .param("apiKey", event.apiKey())
                .param("secretHash", event.apiSecretHash())
                .update();
    }

    /** The old key is overwritten, so it stops authenticating in the very transaction that stores the event. */
    @EventHandler
    void on(ApiKeyRotated event) {
        jdbc.sql("update environment_keys set api_key = :apiKey, api_secret_hash = :secretHash where environment_id = :env")
                .param("apiKey", event.apiKey())
                .param("secretHash", event.apiSecretHash())
                .param("env", event.environmentId().value())
                .update();
    }

    @EventHandler
    void on(PluginKeyRotated event) {
        forgetPluginKeys();
        jdbc.sql("update environment_keys set plugin_key = :pluginKey where environment_id = :env")
                .param("pluginKey", event.pluginKey())
                .param("env", event.environmentId().value())
                .update();
    }

    @EventHandler
    void on(AllowedOriginsChanged event) {
        jdbc.sql("update environment_keys set allowed_origins = :origins where environment_id = :env")
                .param("origins", OriginAllowlist.format(event.allowedOrigins()))
                .param("env", event.environmentId().value())
                .update();
    }

    /** Forgets the remembered plugin keys now and again once the transaction committed (a read racing with it). */
    private void forgetPluginKeys() {
        pluginKeys.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    pluginKeys.clear();
                }
            });
        }
    }

    /** The allowed origins of the plugin key's environment (empty: any site); empty when no environment has it. */
    public Optional<List<String>> allowedOrigins(String pluginKey) {
        if (!plausible(pluginKey)) {
            return Optional.empty();
        }
        return jdbc.sql("select allowed_origins from environment_keys where plugin_key = :key")
                .param("key", pluginKey)
                .query((rs, n) -> OriginAllowlist.parse(rs.getString(1)))
                .optional();
    }

    public Optional<KeyOwner> byPluginKey(String pluginKey) {
        long now = System.nanoTime();
        Remembered remembered = pluginKey == null ? null : pluginKeys.get(pluginKey);
        if (remembered != null && now - remembered.until() < 0) {
            return Optional.of(remembered.owner());
        }
        Optional<KeyOwner> owner = find("plugin_key", pluginKey);
        owner.ifPresent(found -> {
            if (pluginKeys.size() >= MAX_REMEMBERED) {
                pluginKeys.clear();
            }
            pluginKeys.put(pluginKey, new Remembered(found, now + PLUGIN_KEY_MEMORY.toNanos()));
        });
        return owner;
    }

    public Optional<KeyOwner> byApiKey(String apiKey) {
        return find("api_key", apiKey);
    }

    private Optional<KeyOwner> find(String column, String key) {
        if (!plausible(key)) {
            return Optional.empty();
        }
        return jdbc.sql("select organization_id, environment_id, api_secret_hash from environment_keys where "
                        + column + " = :key")
                .param("key", key)
                .query((rs, n) -> new KeyOwner(new OrganizationId(rs.getString(1)),
                        new EnvironmentId(rs.getString(2)), rs.getString(3)))
                .optional();
    }

    private static boolean plausible(String key) {
        return key != null && !key.isBlank() && key.length() <= 128;
    }
}
