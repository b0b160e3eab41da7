-- Read model: every published event, verbatim, for audits. Owned by AuditProjector.
create table audit_events (
    event_id        varchar(64)  not null primary key,
    organization_id varchar(64)  not null,
    aggregate_type  varchar(32)  not null,
    aggregate_id    varchar(64)  not null,
    sequence        bigint       not null,
    type            varchar(100) not null,
    version         integer      not null,
    occurred_at     timestamptz  not null,
    causation_id    varchar(64),
    correlation_id  varchar(64),
    envelope        jsonb        not null,
    constraint uk_audit_aggregate_sequence unique (aggregate_id, sequence)
);
create index ix_audit_organization_time on audit_events (organization_id, aggregate_type, occurred_at, event_id);
