package com.fastlightchat.command.user;

import com.fastlightchat.kernel.id.EnvironmentId;
import com.fastlightchat.kernel.id.OrganizationId;
import com.fastlightchat.kernel.id.UserId;
import com.fastlightchat.web.Rejection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Erases a person: the user asked for and every user that is the same person through a merge (the anonymous users
 * a member was before logging in, whose chats moved to the member). Asked about a merged user, it erases the member's
 * user and all merged into it, since their data is one person's and their chats moved. Each user's erasure is its
 * own command (merged users first), each idempotent, so a failure half-way is completed by asking again.
 */
@Component
public class UserErasure {

    /** Who was erased: {@code userId} as asked, {@code erasedUserIds} every user of the person. */
    public record Result(String userId, List<String> erasedUserIds) {
    }

    private final CommandGateway commands;
    private final UserDirectory directory;
    private final UserChats chats;

    public UserErasure(CommandGateway commands, UserDirectory directory, UserChats chats) {
        this.commands = commands;
        this.directory = directory;
        this.chats = chats;
    }

    /**
     * @param organizationId the caller's organization; a user of another one is reported missing
     * @param environmentId  the caller's environment for a backend integration, null for the dashboard
     */
    public Result erase(UserId userId, OrganizationId organizationId, EnvironmentId environmentId) {
        UserDirectory.Entry entry = directory.find(userId)
                .filter(found -> found.organizationId().equals(organizationId))
                .filter(found -> environmentId == null || found.environmentId().equals(environmentId))
                .orElseThrow(() -> Rejection.notFound("user"));
        UserId person = entry.mergedInto() == null ? userId : entry.mergedInto();
        List<UserId> users = new ArrayList<>(directory.mergedInto(person));
        users.add(person);
        for (UserId user : users) {
            commands.sendAndWait(new EraseUser(user, organizationId, environmentId, chats.of(user)));
        }
        return new Result(userId.value(), users.stream().map(UserId::value).toList());
    }
}
