-- SSIS catalog.execution_property_override_values: dtexec's /SET and /CONNECTION for one
-- execution (catalog.set_execution_property_override_value), applied to the package before it runs.
create table execution_property_override (
    override_id   bigint generated always as identity primary key,
    execution_id  bigint not null references execution (execution_id) on delete cascade,
    property_path text not null check (length(property_path) <= 4000),
    -- As the caller asked (dtexec's $Sensitive::): the run masks the whole value in its messages.
    sensitive     boolean not null default false,
    -- A value that may hold a secret (asked sensitive, or it sets a connection or a sensitive
    -- parameter) lives only in value_secret, encrypted with the catalog key.
    value         text,
    value_secret  bytea,
    check ((value is null) <> (value_secret is null)),
    check (not sensitive or value_secret is not null)
);

-- One row per path (a later value replaces it); rows apply in override_id order.
create unique index execution_property_override_path
    on execution_property_override (execution_id, property_path);
