package com.fastlightchat.command.user;

import com.fastlightchat.command.environment.EnvironmentKeys;
import com.fastlightchat.kernel.event.UserEvent.UserBooted;
import com.fastlightchat.kernel.event.UserEvent.UserErased;
import com.fastlightchat.kernel.event.UserEvent.UserIdentified;
import com.fastlightchat.kernel.event.UserEvent.UserMerged;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.web.Rejection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Which member each user is, whether it was merged and whether it was erased, kept in the command's transaction. One
 * member id of an environment belongs to one user: a second user identifying as the same member fails its whole
 * command. An erased user loses its member id, so the member can start again as a new user.
 */
@Component
@ProcessingGroup(EnvironmentKeys.PROCESSING_GROUP)
public class UserDirectory {

    /** What the command side knows of a user; {@code memberId} and {@code mergedInto} may be null. */
    public record Entry(UserId userId, OrganizationId organizationId, EnvironmentId environmentId, String memberId,
                        UserId mergedInto, boolean erased) {

        /** Neither identified nor merged nor erased: a visitor a device may go on being. */
        public boolean anonymous() {
            return memberId == null && mergedInto == null && !erased;
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

    @EventHandler
    void on(UserErased event) {
        jdbc.sql("""
                        update user_directory set member_id = null, erased_at = coalesce(erased_at, now())
                        where user_id = :user""")
                .param("user", event.userId().value())
                .update();
    }

    public Optional<Entry> find(UserId userId) {
        return jdbc.sql("""
                        select user_id, organization_id, environment_id, member_id, merged_into, erased_at is not null
                        from user_directory where user_id = :user""")
                .param("user", userId.value())
                .query((rs, n) -> new Entry(new UserId(rs.getString(1)), new OrganizationId(rs.getString(2)),
                        new EnvironmentId(rs.getString(3)), rs.getString(4),
                        rs.getString(5) == null ? null : new UserId(rs.getString(5)), rs.getBoolean(6)))
                .optional();
    }

    /** The users merged into {@code userId} (the anonymous users the member was before logging in), by id. */
    public List<UserId> mergedInto(UserId userId) {
        return jdbc.sql("select user_id from user_directory where merged_into = :user order by user_id")
                .param("user", userId.value())
                .query((rs, n) -> new UserId(rs.getString(1)))
                .list();
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
