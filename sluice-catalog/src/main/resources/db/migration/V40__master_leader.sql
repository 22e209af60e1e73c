-- Sluice catalog, part 5: the masters' leader lease.
-- Every master serves workers and the API, but some work must happen once, not once per master:
-- expiring lost task leases, task timeouts, cleanup of ended tasks, the retention cleanup. The master
-- holding this lease does it. A master takes the lease by a conditional UPDATE decided by its row
-- count: renew only while it still holds an unexpired term, acquire only once the lease has run out.
-- Times are the catalog's (now()), so masters whose clocks disagree still agree on expiry. Each new
-- term increments epoch, so a term is named by (holder, epoch) and a stale holder can be told apart.

create table leader_lease (
    name        text primary key,
    holder      text,                                        -- the master's name; null before any term
    epoch       bigint not null default 0,                   -- +1 at every new term
    acquired_at timestamptz,                                 -- start of the current term
    expires_at  timestamptz not null default '-infinity'     -- the term ends here unless renewed
);

insert into leader_lease (name) values ('master');

-- The retention cleanup now has a schedule: the leading master runs it (retentionCleanupInterval).
update catalog_property
set description = 'Whether the retention cleanup runs: daily on the leading master, and by sluice catalog cleanup.'
where name = 'OPERATION_CLEANUP_ENABLED';

-- The leader asks "when did the last retention cleanup start?" every minute; this answers it from the index.
create index operation_of_type on operation (operation_type, created_time);
