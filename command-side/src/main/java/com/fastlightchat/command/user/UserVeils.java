package com.fastlightchat.command.user;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.web.Rejection;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Which user a device's veil id stands for in an environment; one user per (environment, veil id). */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class UserVeils {

    private final JdbcClient jdbc;

    public UserVeils(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserBooted event) {
        int rows = jdbc.sql("""
                        insert into user_veils (environment_id, veil_id, user_id) values (:env, :veil, :user)
                        on conflict (environment_id, veil_id) do update set user_id = excluded.user_id
                        where user_veils.user_id = excluded.user_id""")
                .param("env", event.environmentId().value())
                .param("veil", event.veilId())
                .param("user", event.userId().value())
                .update();
        if (rows == 0) {
            throw Rejection.conflict("veilId", "this veil id already belongs to another user");
        }
    }

    /** The veil id a user booted with. */
    public Optional<String> veilOf(UserId userId) {
        return jdbc.sql("select veil_id from user_veils where user_id = :user")
                .param("user", userId.value())
                .query(String.class)
                .optional();
    }

    public Optional<UserId> find(EnvironmentId environmentId, String veilId) {
        return jdbc.sql("select user_id from user_veils where environment_id = :env and veil_id = :veil")
                .param("env", environmentId.value())
                .param("veil", veilId)
                .query((rs, n) -> new UserId(rs.getString(1)))
                .optional();
    }
}
