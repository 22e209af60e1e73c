-- Sluice catalog, part 1: what users define and deploy.
-- Folders hold projects and environments. A project is versioned on every deploy; each version keeps the
-- deployed archive, its packages and its parameters (with their server values), so `restore` is a pointer
-- move. Sensitive values are never stored in clear: *_secret columns hold AES-256-GCM ciphertext made with
-- the catalog key, which lives outside the database.

create table catalog_property (
    name        text primary key,
    value       text not null,
    description text not null
);

insert into catalog_property (name, value, description) values
    ('RETENTION_WINDOW', '365', 'Days that operation records and messages are kept before cleanup removes them.'),
    ('OPERATION_CLEANUP_ENABLED', 'true', 'Whether the retention cleanup runs on its schedule.'),
    ('MAX_PROJECT_VERSIONS', '10', 'Versions of each project kept; older ones are removed by version cleanup.'),
    ('VERSION_CLEANUP_ENABLED', 'true', 'Whether version cleanup runs after every deploy.'),
    ('SERVER_LOGGING_LEVEL', '1', 'Default logging level of executions: 0 None, 1 Basic, 2 Performance, 3 Verbose.'),
    ('DEFAULT_EXECUTION_MODE', 'SERVER', 'SERVER runs executions in-process; SCALE_OUT hands them to workers.'),
    ('ENCRYPTION_ALGORITHM', 'AES_256_GCM', 'Cipher of sensitive values (read only).');

create table folder (
    folder_id    bigint generated always as identity primary key,
    name         text not null unique,
    description  text not null default '',
    created_by   text not null,
    created_time timestamptz not null default now()
);

create table project (
    project_id         bigint generated always as identity primary key,
    folder_id          bigint not null references folder (folder_id),
    name               text not null,
    description        text not null default '',
    -- The version executions use; restore moves it. Null only inside the deploy transaction.
    current_version_id bigint,
    created_time       timestamptz not null default now(),
    last_deployed_time timestamptz not null default now(),
    unique (folder_id, name)
);

create table project_version (
    version_id     bigint generated always as identity primary key,
    project_id     bigint not null references project (project_id) on delete cascade,
    version_number integer not null,
    description    text not null default '',
    archive        bytea not null,
    archive_sha256 text not null,
    deployed_by    text not null,
    deployed_time  timestamptz not null default now(),
    unique (project_id, version_number)
);

alter table project
    add constraint project_current_version_fk
    foreign key (current_version_id) references project_version (version_id) deferrable initially deferred;

create table package (
    package_id   bigint generated always as identity primary key,
    version_id   bigint not null references project_version (version_id) on delete cascade,
    name         text not null,
    description  text not null default '',
    entry_point  boolean not null default true,
    unique (version_id, name)
);

-- object_type as SSIS: 20 project parameter, 30 package parameter (object_name = package name).
-- value_type: 'V' literal server value, 'R' reference to an environment variable (referenced_variable).
create table parameter (
    parameter_id            bigint generated always as identity primary key,
    version_id              bigint not null references project_version (version_id) on delete cascade,
    object_type             smallint not null check (object_type in (20, 30)),
    object_name             text not null,
    name                    text not null,
    data_type               text not null,
    required                boolean not null default false,
    sensitive               boolean not null default false,
    description             text not null default '',
    design_default_value    text,
    design_default_secret   bytea,
    value_type              char(1) check (value_type in ('V', 'R')),
    server_value            text,
    server_value_secret     bytea,
    referenced_variable     text,
    unique (version_id, object_type, object_name, name)
);

create table environment (
    environment_id bigint generated always as identity primary key,
    folder_id      bigint not null references folder (folder_id),
    name           text not null,
    description    text not null default '',
    unique (folder_id, name)
);

create table environment_variable (
    variable_id    bigint generated always as identity primary key,
    environment_id bigint not null references environment (environment_id) on delete cascade,
    name           text not null,
    data_type      text not null check (data_type in ('Boolean', 'Byte', 'DateTime', 'Double', 'Int16', 'Int32',
                                                      'Int64', 'Single', 'String', 'UInt32', 'UInt64')),
    sensitive      boolean not null default false,
    value          text,
    value_secret   bytea,
    description    text not null default '',
    unique (environment_id, name)
);

-- 'R' relative: the environment in the project's own folder; 'A' absolute: environment_folder names it.
create table environment_reference (
    reference_id       bigint generated always as identity primary key,
    project_id         bigint not null references project (project_id) on delete cascade,
    reference_type     char(1) not null check (reference_type in ('R', 'A')),
    environment_folder text,
    environment_name   text not null,
    check ((reference_type = 'R') = (environment_folder is null))
);

create unique index environment_reference_unique
    on environment_reference (project_id, reference_type, coalesce(environment_folder, ''), environment_name);
