-- Sluice catalog, part 2: what runs. Operations (deploy, restore, execution, stop, cleanup ...), executions
-- with their parameter values, Scale Out workers and tasks, and the logs executions write.
--
-- Status codes, operation types and message types are SSIS's, so users moving off SSISDB read the same
-- numbers: status 1 created, 2 running, 3 canceled, 4 failed, 5 pending, 6 ended unexpectedly,
-- 7 succeeded, 8 stopping, 9 completed.

-- Every catalog action users may want to audit later. Few rows: one per deploy, execution, cleanup ...
create table operation (
    operation_id   bigint generated always as identity primary key,
    -- 2 retention cleanup, 101 deploy, 106 restore, 200 execution, 202 stop, 300 validate project,
    -- 301 validate package.
    operation_type smallint not null check (operation_type in (2, 101, 106, 200, 202, 300, 301)),
    -- What it acted on, as SSIS: 10 folder, 20 project, 30 package, 40 environment, 50 execution.
    -- Names are copied, not referenced: the history must survive deleting the object.
    object_type    smallint,
    object_id      bigint,
    object_name    text,
    status         smallint not null check (status between 1 and 9),
    created_time   timestamptz not null default now(),
    start_time     timestamptz,
    end_time       timestamptz,
    caller_name    text not null,
    machine_name   text not null
);

-- "Operations of the last day" and retention cleanup (which looks for old rows) both scan by time.
create index operation_created_time on operation (created_time);

create table worker_agent (
    worker_agent_id         uuid primary key,
    display_name            text not null default '',
    description             text not null default '',
    tags                    text[] not null default '{}',
    machine_name            text not null,
    -- A new worker registers itself disabled: an administrator enables it (SSIS does the same).
    enabled                 boolean not null default false,
    -- A worker IS its certificate: the master recognises it by this fingerprint.
    certificate_fingerprint text not null unique,
    last_online_time        timestamptz,
    registered_time         timestamptz not null default now()
);

-- An execution is an operation of type 200 and shares its id, as in SSIS.
-- No foreign keys to project, version or environment: they can be deleted or cleaned up while the
-- history of what ran must stay, so the names are copied here.
create table execution (
    execution_id             bigint primary key references operation (operation_id) on delete cascade,
    folder_name              text not null,
    project_name             text not null,
    project_version_id       bigint not null,
    package_name             text not null,
    -- The environment reference chosen at create, and the environment it pointed to then
    -- ('R' relative: the project's folder; 'A' absolute: the named folder).
    reference_id             bigint,
    environment_folder_name  text,
    environment_name         text,
    run_in_scale_out         boolean not null,
    -- With false, only the workers listed in execution_worker may run it.
    use_any_worker           boolean not null default true,
    logging_level            smallint not null check (logging_level between 0 and 3),
    status                   smallint not null default 1 check (status between 1 and 9),
    created_time             timestamptz not null default now(),
    start_time               timestamptz,
    end_time                 timestamptz,
    -- start_execution's retry count: a Scale Out task is tried at most retry_count + 1 times.
    retry_count              integer not null default 0 check (retry_count >= 0),
    executed_count           integer not null default 0,
    worker_agent_id          uuid,
    caller_name              text not null,
    check ((reference_id is null) = (environment_name is null))
);

-- "Executions of the last 24 hours" (dashboards, `executions list --since 24h`) reads newest first.
create index execution_created_time on execution (created_time);

-- What the master polls: executions waiting for or holding a runner. Partial, so it stays small however
-- long the history grows.
create index execution_active on execution (status, created_time) where status in (1, 2, 5, 8);

-- The parameter values of one execution: set by the user while it is created (source EXECUTION), then
-- completed by start from server values, environment variables and design defaults. Kept after the run
-- so users can see what it ran with.
create table execution_parameter_value (
    execution_id   bigint not null references execution (execution_id) on delete cascade,
    -- 20 project parameter, 30 package parameter, 50 system parameter (LOGGING_LEVEL ...).
    object_type    smallint not null check (object_type in (20, 30, 50)),
    parameter_name text not null,
    data_type      text not null,
    required       boolean not null default false,
    sensitive      boolean not null default false,
    -- Sensitive values live only in value_secret, encrypted with the catalog key.
    value          text,
    value_secret   bytea,
    value_set      boolean not null default false,
    -- Where the value came from; null while no value is known.
    source         text check (source in ('EXECUTION', 'SERVER', 'ENVIRONMENT', 'DESIGN')),
    primary key (execution_id, object_type, parameter_name),
    check (sensitive or value_secret is null),
    check (not sensitive or value is null)
);

-- add_execution_worker: the workers allowed to run an execution that may not run on any worker.
create table execution_worker (
    execution_id    bigint not null references execution (execution_id) on delete cascade,
    worker_agent_id uuid not null references worker_agent (worker_agent_id) on delete cascade,
    primary key (execution_id, worker_agent_id)
);

-- The Scale Out task of an execution (tables only for now: the master fills them in a later issue).
-- One row per execution, re-queued for retries. Lease rules (task-leases.md): every time here is the
-- catalog's clock (now()), and `attempt` is the fencing token a worker's reports must carry.
create table scale_out_task (
    task_id         bigint generated always as identity primary key,
    execution_id    bigint not null unique references execution (execution_id) on delete cascade,
    -- 0 until first handed out; +1 at every hand-out. Reports are accepted only for the current attempt.
    attempt         integer not null default 0 check (attempt >= 0),
    status          text not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'ENDED')),
    worker_agent_id uuid,
    max_attempts    integer not null check (max_attempts >= 1),
    created_time    timestamptz not null default now(),
    assigned_time   timestamptz,
    -- now() + lease interval, set at hand-out and by every heartbeat.
    expires_at      timestamptz,
    ended_time      timestamptz,
    result          text check (result in ('SUCCEEDED', 'FAILED', 'CANCELED', 'EXPIRED')),
    check ((status = 'ENDED') = (result is not null))
);

-- The master hands out the oldest queued task, and looks for expired leases.
create index scale_out_task_queued on scale_out_task (created_time) where status = 'QUEUED';
create index scale_out_task_running on scale_out_task (expires_at) where status = 'RUNNING';

-- ---------------------------------------------------------------------------------------------------
-- The logs. These are the tables that grow: an SSIS catalog collects tens of millions of event messages,
-- and deleting old ones row by row is the cleanup that runs for hours. So each log table is partitioned
-- by day on its time column; retention cleanup DROPS whole days (instant, no bloat, no vacuum), and a
-- reader gives the time bounds of its execution so PostgreSQL opens only the partitions of those days.
--
-- Day partitions are made ahead of time by ensure_log_partitions (called when the catalog opens, when
-- an execution is created and by cleanup); the DEFAULT partition catches rows should that not have run,
-- and ensure_log_partitions moves them into their day when it creates it.
--
-- No foreign keys here, on purpose: a key would cost a lookup and a row lock on the referenced row for
-- every message inserted, and deleting an operation would probe every partition. Writers insert only
-- for an existing, running execution; cleanup removes the messages of the operations it deletes.
-- Ids come from sequences: PostgreSQL 14 does not allow identity columns on partitioned tables.
-- ---------------------------------------------------------------------------------------------------

-- Messages of operations (deploy, restore, cleanup ...): SSIS operation_messages.
create sequence operation_message_id_seq as bigint;

create table operation_message (
    operation_message_id bigint not null default nextval('operation_message_id_seq'),
    operation_id         bigint not null,
    message_time         timestamptz not null,
    -- Message types as event_message.
    message_type         smallint not null,
    -- 10 entry API (the catalog itself), 20 external process, 30 package, 40 task, 50 container,
    -- 60 data flow.
    message_source_type  smallint,
    message              text not null,
    primary key (operation_message_id, message_time)
) partition by range (message_time);

alter sequence operation_message_id_seq owned by operation_message.operation_message_id;

create index operation_message_of_operation
    on operation_message (operation_id, message_time, operation_message_id);

-- Messages packages write while they run: SSIS event_messages.
create sequence event_message_id_seq as bigint;

create table event_message (
    event_message_id    bigint not null default nextval('event_message_id_seq'),
    operation_id        bigint not null,
    -- The time the event happened, kept between the execution's creation and the catalog's clock
    -- at insert (see ExecutionRuntime), so "messages of execution N" can bound its partitions.
    message_time        timestamptz not null,
    -- 10 PreValidate, 20 PostValidate, 30 PreExecute, 40 PostExecute, 50 StatusChange, 60 Progress,
    -- 70 Information, 80 VariableValueChanged, 90 Diagnostic, 100 QueryCancel, 110 Warning, 120 Error,
    -- 130 TaskFailed, 140 DiagnosticEx, 200 Custom, 400 NonDiagnostic.
    message_type        smallint not null
        check (message_type in (10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 200, 400)),
    message_source_type smallint,
    message             text not null,
    package_name        text,
    event_name          text,
    message_source_name text,
    subcomponent_name   text,
    package_path        text,
    execution_path      text,
    thread_id           integer,
    message_code        integer,
    primary key (event_message_id, message_time)
) partition by range (message_time);

alter sequence event_message_id_seq owned by event_message.event_message_id;

-- "Messages of execution N" in time order: one range scan in each (pruned) partition.
create index event_message_of_operation on event_message (operation_id, message_time, event_message_id);

-- One row per executable (task, container, package) per run of it: SSIS executable_statistics.
create sequence executable_statistics_id_seq as bigint;

create table executable_statistics (
    statistics_id    bigint not null default nextval('executable_statistics_id_seq'),
    execution_id     bigint not null,
    executable_name  text not null,
    executable_path  text not null,
    -- The path of this run of it: loops make several runs of one executable.
    execution_path   text,
    start_time       timestamptz not null,
    end_time         timestamptz,
    duration_ms      bigint,
    -- 0 success, 1 failure, 2 completion, 3 cancelled.
    execution_result smallint not null check (execution_result between 0 and 3),
    execution_value  text,
    primary key (statistics_id, start_time)
) partition by range (start_time);

alter sequence executable_statistics_id_seq owned by executable_statistics.statistics_id;

create index executable_statistics_of_execution on executable_statistics (execution_id, start_time);

-- Rows sent along each data-flow path (logging level Verbose): SSIS execution_data_statistics.
create sequence execution_data_statistics_id_seq as bigint;

create table execution_data_statistics (
    data_stats_id              bigint not null default nextval('execution_data_statistics_id_seq'),
    execution_id               bigint not null,
    package_name               text not null,
    task_name                  text not null,
    dataflow_path_id_string    text not null,
    dataflow_path_name         text,
    source_component_name      text,
    destination_component_name text,
    rows_sent                  bigint not null check (rows_sent >= 0),
    created_time               timestamptz not null,
    primary key (data_stats_id, created_time)
) partition by range (created_time);

alter sequence execution_data_statistics_id_seq owned by execution_data_statistics.data_stats_id;

create index execution_data_statistics_of_execution
    on execution_data_statistics (execution_id, created_time);

-- The safety nets: rows whose day partition does not exist yet land here instead of failing.
create table operation_message_default partition of operation_message default;
create table event_message_default partition of event_message default;
create table executable_statistics_default partition of executable_statistics default;
create table execution_data_statistics_default partition of execution_data_statistics default;

-- The day-partitioned log tables and their partition key, in one place for the two routines below.
create function log_tables() returns table (table_name text, time_column text)
language sql immutable as $$
    values ('operation_message', 'message_time'),
           ('event_message', 'message_time'),
           ('executable_statistics', 'start_time'),
           ('execution_data_statistics', 'created_time')
$$;

-- Makes sure every log table has a partition for each UTC day from first_day to last_day; returns how
-- many it created. Partitions are named <table>_pYYYYMMDD. Rows that fell into the DEFAULT partition for
-- a day being created are moved into it (otherwise PostgreSQL would refuse to create the partition).
create function ensure_log_partitions(first_day date, last_day date) returns integer
language plpgsql as $$
declare
    log_table      record;
    day            date;
    partition_name text;
    day_start      timestamptz;
    day_end        timestamptz;
    created        integer := 0;
begin
    -- Two processes opening the catalog at once would otherwise race to create the same partition.
    perform pg_advisory_xact_lock(hashtext('sluice.ensure_log_partitions'));
    for log_table in select * from log_tables() loop
        day := first_day;
        while day <= last_day loop
            partition_name := format('%s_p%s', log_table.table_name, to_char(day, 'YYYYMMDD'));
            if to_regclass(partition_name) is null then
                day_start := day::timestamp at time zone 'UTC';
                day_end := (day + 1)::timestamp at time zone 'UTC';
                execute format('create table %I (like %I including defaults including constraints)',
                               partition_name, log_table.table_name);
                execute format('with moved as (delete from %I where %I >= $1 and %I < $2 returning *)'
                               ' insert into %I select * from moved',
                               log_table.table_name || '_default', log_table.time_column,
                               log_table.time_column, partition_name)
                    using day_start, day_end;
                execute format('alter table %I attach partition %I for values from (%L) to (%L)',
                               log_table.table_name, partition_name, day_start, day_end);
                created := created + 1;
            end if;
            day := day + 1;
        end loop;
    end loop;
    return created;
end
$$;

-- Drops the day partitions of every log table whose whole day lies before cutoff_day; returns how many.
-- Dropping a partition is instant and leaves nothing to vacuum, unlike deleting its rows.
create function drop_log_partitions_before(cutoff_day date) returns integer
language plpgsql as $$
declare
    old_partition record;
    dropped       integer := 0;
begin
    perform pg_advisory_xact_lock(hashtext('sluice.ensure_log_partitions'));
    for old_partition in
        select child.relname as partition_name
        from pg_inherits
        join pg_class child on child.oid = pg_inherits.inhrelid
        join pg_class parent on parent.oid = pg_inherits.inhparent
        where parent.relname in (select table_name from log_tables())
          and parent.relnamespace = child.relnamespace
          and child.relname ~ '_p[0-9]{8}$'
          and to_date(right(child.relname, 8), 'YYYYMMDD') < cutoff_day
        order by child.relname
    loop
        execute format('drop table %I', old_partition.partition_name);
        dropped := dropped + 1;
    end loop;
    return dropped;
end
$$;
