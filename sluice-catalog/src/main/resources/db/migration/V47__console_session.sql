-- Sign-ins of the web console (sluice-console): kept in the catalog so that any master behind a load
-- balancer knows the session. The browser holds a random 256-bit session id; only its SHA-256 is
-- stored, so a catalog backup gives no way in. A session signed in with an API token names the token
-- by its hash (ON DELETE CASCADE: revoking the token ends its sessions at once) and takes the token's
-- current role on every request. Times come from the console's clock: a session ends at expires_time,
-- or when idle since last_seen_time for longer than the console's idle time-out.
create table console_session (
    session_sha256   text primary key,
    caller_name      text not null,            -- as operations record it: CN or token:NAME
    role             text not null check (role in ('admin', 'read')),
    api_token_sha256 text references api_token (token_sha256) on delete cascade,
    csrf_token       text not null,            -- sent back with every change (form field or header)
    created_time     timestamptz not null,
    last_seen_time   timestamptz not null,
    expires_time     timestamptz not null
);
create index console_session_expires on console_session (expires_time);

-- When each worker's certificate expires, recorded from the certificate it presents (a worker IS its
-- certificate: the value never changes for a row), so operators see a renewal coming (the console's
-- Scale Out Manager, GET /api/v1/workers). Null until the worker next reaches a master.
alter table worker_agent add column certificate_expires_time timestamptz;
