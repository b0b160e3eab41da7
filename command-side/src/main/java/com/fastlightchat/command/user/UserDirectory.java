package com.fastlightchat.command.user;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.event.UserEvent.UserIdentified;
import com.fastlightchat.kernel.event.UserEvent.UserMerged;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.web.Rejection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which member each user is and whether it was merged, kept in the command's transaction. One member id of an
 * environment belongs to one user: a second user identifying as the same member fails its whole command.
 */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class UserDirectory {

    /** What the command side knows of a user; {@code memberId} and {@code mergedInto} may be null. */
    public record Entry(UserId userId, String memberId, UserId mergedInto) {

        /** Neither identified nor merged. */
        public boolean anonymous() {
            return memberId == null && mergedInto == null;
        }
    }

    private final JdbcClient jdbc;

    public UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserBooted event) {
        jdbc.sql("""
                        insert into user_directory (user_id, organization_id, environment_id) values (:user, :org, :env)
                        on conflict (user_id) do nothing""")
                .param("user", event.userId().value())
                .param("org", event.organizationId().value())
                .param("env", event.environmentId().value())
                .update();
    }

    @EventHandler
    void on(UserIdentified event) {
        try {
            jdbc.sql("update user_directory set member_id = :member where user_id = :user")
                    .param("member", event.memberId())
                    .param("user", event.userId().value())
                    .update();
        } catch (DuplicateKeyException e) {
            throw Rejection.conflict("memberId", "this member already has a user");
        }
    }

    @EventHandler
    void on(UserMerged event) {
        jdbc.sql("update user_directory set merged_into = :into where user_id = :user")
                .param("into", event.mergedInto().value())
                .param("user", event.userId().value())
                .update();
    }

    public Optional<Entry> find(UserId userId) {
        return jdbc.sql("select user_id, member_id, merged_into from user_directory where user_id = :user")
                .param("user", userId.value())
                .query((rs, n) -> new Entry(new UserId(rs.getString(1)), rs.getString(2),
                        rs.getString(3) == null ? null : new UserId(rs.getString(3))))
                .optional();
    }

    /** The user of a member, if the member has one. */
    public Optional<UserId> byMember(EnvironmentId environmentId, String memberId) {
        return jdbc.sql("select user_id from user_directory where environment_id = :env and member_id = :member")
                .param("env", environmentId.value())
                .param("member", memberId)
                .query((rs, n) -> new UserId(rs.getString(1)))
                .optional();
    }
}
