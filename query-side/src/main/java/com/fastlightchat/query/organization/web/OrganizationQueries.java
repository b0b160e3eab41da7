package com.fastlightchat.query.organization.web;

import com.fastlightchat.kernel.auth.AgentIdentity;
import com.fastlightchat.query.organization.Organizations;
import com.fastlightchat.query.organization.Organizations.Organization;
import com.fastlightchat.web.Rejection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own organization, for the dashboard ({@code Authorization: Bearer}, any role). */
@RestController
public class OrganizationQueries {

    private final Organizations organizations;

    public OrganizationQueries(Organizations organizations) {
        this.organizations = organizations;
    }

    /**
     * Name, teams (deleted teams are left out) and opening hours (null: none, always open); 404 until the
     * organization's first event is projected.
     */
    @GetMapping("/v1/organization")
    public Organization organization(AgentIdentity agent) {
        return organizations.find(agent.organizationId()).orElseThrow(() -> Rejection.notFound("organization"));
    }
}
