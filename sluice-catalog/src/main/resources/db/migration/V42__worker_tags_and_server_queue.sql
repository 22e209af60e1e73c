-- Sluice catalog, part 4: executions that require worker tags, and server-mode executions that any
-- master may pick up.

-- Tags an execution requires of the worker that runs it: every one of them must be among the
-- worker's tags (worker_agent.tags). Empty: any worker the other rules allow.
alter table execution add column required_worker_tags text[] not null default '{}';

-- Masters look for started server-mode executions (5 pending, not run in Scale Out) to run them
-- themselves; this keeps that look-up to the few pending ones.
create index execution_server_pending on execution (start_time, execution_id)
    where status = 5 and not run_in_scale_out;

-- A started server-mode execution wakes every master at once (as a queued task does), so it begins
-- within milliseconds instead of at the next periodic look.
create function notify_server_execution_pending() returns trigger
language plpgsql as $$
begin
    perform pg_notify('sluice_server_execution_pending', new.execution_id::text);
    return null;
end
$$;

create trigger execution_server_pending
    after update of status on execution
    for each row when (new.status = 5 and old.status <> 5 and not new.run_in_scale_out)
    execute function notify_server_execution_pending();
