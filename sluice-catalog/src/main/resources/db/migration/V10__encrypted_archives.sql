-- A project whose files give a sensitive parameter a design default carries that secret in clear inside
-- its archive. Such archives are stored encrypted with the catalog key (like every other sensitive value);
-- this flag says which. Read archives through Projects.archive / StoredArchives, never the column alone.
alter table project_version
    add column archive_encrypted boolean not null default false;
