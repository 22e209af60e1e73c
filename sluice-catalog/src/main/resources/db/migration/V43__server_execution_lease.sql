-- Sluice catalog, part 5: a lease on each server-mode execution a master runs, so that one whose master
-- died (killed, machine lost) does not stay 2 running forever. The same rules as a Scale Out task's
-- lease (task-leases.md): times are the catalog's clock; the holder renews it while it runs, stops its
-- run itself when it cannot, and the leading master ends an execution whose lease ran out (plus a
-- grace) as 6 ended unexpectedly.

-- The master that claimed the execution (master_node.master_name); kept after the run, to tell where
-- it ran. Null for executions run elsewhere (a CLI process, a Scale Out worker).
alter table execution add column server_lease_holder text;
-- now() + lease interval at the claim and at every renewal; null when no master holds it.
alter table execution add column server_lease_expires_at timestamptz;

-- The leader's look for lost server executions touches only the few running ones that are leased.
create index execution_server_lease on execution (server_lease_expires_at)
    where status in (2, 8) and server_lease_expires_at is not null;
