-- Sluice catalog, part 3: what the Scale Out master keeps. Workers that were removed, attempts' event
-- sequence numbers (so a repeated batch is stored once), the masters themselves, API tokens, and the
-- notifications that wake long polls the moment a task is queued.

-- A worker's max task count as it last reported it, shown by `sluice workers list`.
alter table worker_agent add column max_tasks integer;
-- A removed worker keeps its row: its certificate must be refused from then on, not registered anew.
alter table worker_agent add column removed_time timestamptz;

-- The sequence of the last event batch stored for the CURRENT attempt (0: none yet). A batch is stored
-- only when it is the next one; a repeat is acknowledged without storing it again.
alter table scale_out_task add column last_event_sequence bigint not null default 0;
-- The attempt whose result was last applied (0: none), so a worker repeating its result after a lost
-- answer is told ACCEPTED, while a lost attempt's late result is refused.
alter table scale_out_task add column result_attempt integer not null default 0;

-- Masters serving this catalog (SSIS master_properties), one row each, refreshed by its heartbeat.
create table master_node (
    master_name             text primary key,
    machine_name            text not null,
    address                 text not null,
    port                    integer not null,
    certificate_fingerprint text not null,
    started_time            timestamptz not null default now(),
    last_online_time        timestamptz not null default now()
);

-- API tokens for the management API. Only the SHA-256 of a token is kept: the token itself is shown
-- once, when it is created.
create table api_token (
    token_name   text primary key,
    token_sha256 text not null unique,
    created_time timestamptz not null default now(),
    created_by   text not null,
    last_used_time timestamptz
);

-- Long polls wait for this channel: whoever queues a task (start_execution in any process, a master
-- re-queueing a retry) wakes every master's waiting polls at once, so dispatch takes milliseconds.
create function notify_task_queued() returns trigger
language plpgsql as $$
begin
    perform pg_notify('sluice_task_queued', new.task_id::text);
    return null;
end
$$;

create trigger scale_out_task_queued
    after insert or update of status on scale_out_task
    for each row when (new.status = 'QUEUED')
    execute function notify_task_queued();

-- An enabled worker may now take tasks that were waiting for it.
create function notify_worker_enabled() returns trigger
language plpgsql as $$
begin
    perform pg_notify('sluice_task_queued', 'worker ' || new.worker_agent_id::text);
    return null;
end
$$;

create trigger worker_agent_enabled
    after update of enabled on worker_agent
    for each row when (new.enabled and not old.enabled)
    execute function notify_worker_enabled();
