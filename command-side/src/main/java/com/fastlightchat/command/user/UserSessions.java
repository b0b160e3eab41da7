package com.fastlightchat.command.user;

import com.fastlightchat.command.environment.MemberSecrets;
import com.fastlightchat.kernel.auth.SdkAuthenticator.EnvironmentRef;
import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.Ids;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.web.Rejection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides which user a booting device is:
 * <ul>
 *   <li>anonymous: the user of its veil id, or a new visitor (also when the veil id belongs to a member, so that a
 *       member's data never comes without a member hash);</li>
 *   <li>with a verified member hash: the member's one user; the device's anonymous user becomes that member when
 *       the member has no user yet ({@code UserIdentified}), or is merged into the member's user
 *       ({@code UserMerged}, its chats follow).</li>
 * </ul>
 * Two devices racing to create the same user or member lose nothing: the loser's command fails on the look-up
 * tables' uniqueness, and it decides again from what the winner wrote.
 */
@Component
public class UserSessions {

    /** The user a device is, and the veil id the device must keep from now on. */
    public record Session(UserId userId, String veilId) {
    }

    private final CommandGateway commands;
    private final UserVeils veils;
    private final UserDirectory directory;
    private final MemberSecrets memberSecrets;

    public UserSessions(CommandGateway commands, UserVeils veils, UserDirectory directory, MemberSecrets memberSecrets) {
        this.commands = commands;
        this.veils = veils;
        this.directory = directory;
        this.memberSecrets = memberSecrets;
    }

    /**
     * @param veilId     the device's veil id, or null on its first boot
     * @param memberId   the member the device claims to be, or null
     * @param memberHash hex HMAC-SHA256 of {@code memberId} under the environment's member secret
     */
    public Session boot(EnvironmentRef caller, String veilId, String memberId, String memberHash) {
        if (veilId != null && !Ids.FORMAT.matcher(veilId).matches()) {
            throw Rejection.invalid("veilId", "must be 1-64 letters, digits, '_' or '-'");
        }
        if (memberId == null) {
            if (memberHash != null) {
                throw Rejection.invalid("memberId", "is required with a memberHash");
            }
            return retryingOnce(() -> anonymous(caller, veilId));
        }
        if (!User.MEMBER_ID.matcher(memberId).matches()) {
            throw Rejection.invalid("memberId", "must be 1-128 visible ASCII characters without spaces");
        }
        if (!memberSecrets.verifies(new EnvironmentId(caller.environmentId()), memberId, memberHash)) {
            throw Rejection.unauthenticated("memberHash", "memberHash is missing or does not sign this memberId");
        }
        return retryingOnce(() -> member(caller, veilId, memberId));
    }

    private Session anonymous(EnvironmentRef caller, String veilId) {
        Optional<UserId> known = veilId == null ? Optional.empty() : anonymousUserOf(caller, veilId);
        if (known.isPresent()) {
            return new Session(known.get(), veilId);
        }
        String veil = veilId == null || veils.find(environment(caller), veilId).isPresent() ? Ids.random("veil") : veilId;
        return register(caller, veil, null);
    }

    private Session member(EnvironmentRef caller, String veilId, String memberId) {
        Optional<UserId> current = veilId == null ? Optional.empty() : anonymousUserOf(caller, veilId);
        Optional<UserId> member = directory.byMember(environment(caller), memberId);
        if (member.isPresent()) {
            current.filter(anonymous -> !anonymous.equals(member.get())).ifPresent(anonymous ->
                    commands.sendAndWait(new MergeUser(anonymous, organization(caller), environment(caller),
                            member.get(), memberId)));
            return new Session(member.get(), veils.veilOf(member.get()).orElseThrow());
        }
        if (current.isPresent()) {
            commands.sendAndWait(new IdentifyUser(current.get(), organization(caller), environment(caller), memberId));
            return new Session(current.get(), veilId);
        }
        boolean veilFree = veilId != null && veils.find(environment(caller), veilId).isEmpty();
        return register(caller, veilFree ? veilId : Ids.random("veil"), memberId);
    }

    private Session register(EnvironmentRef caller, String veilId, String memberId) {
        UserId userId = new UserId(Ids.random("usr"));
        commands.sendAndWait(new BootUser(userId, organization(caller), environment(caller), veilId, memberId));
        return new Session(userId, veilId);
    }

    /** The user of a veil id, if that user is still an anonymous visitor. */
    private Optional<UserId> anonymousUserOf(EnvironmentRef caller, String veilId) {
        return veils.find(environment(caller), veilId)
                .filter(user -> directory.find(user).map(UserDirectory.Entry::anonymous).orElse(true));
    }

    /** A lost race (another device wrote the same veil id or member first) is decided again from the winner's rows. */
    private static Session retryingOnce(Supplier<Session> decision) {
        try {
            return decision.get();
        } catch (RuntimeException e) {
            if (e instanceof Rejection rejection && rejection.kind() != Rejection.Kind.CONFLICT) {
                throw rejection;
            }
            return decision.get();
        }
    }

    private static OrganizationId organization(EnvironmentRef caller) {
        return new OrganizationId(caller.organizationId());
    }

    private static EnvironmentId environment(EnvironmentRef caller) {
        return new EnvironmentId(caller.environmentId());
    }
}
