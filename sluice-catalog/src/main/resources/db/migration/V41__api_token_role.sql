-- What an API token may do on the management API: 'admin' reads and changes everything, 'read' only
-- reads (GET); a change with a read token is refused with 403. Existing tokens keep full rights.
alter table api_token add column role text not null default 'admin'
    check (role in ('admin', 'read'));
