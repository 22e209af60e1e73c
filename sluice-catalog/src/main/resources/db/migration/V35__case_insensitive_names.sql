-- Names users type to find things (folders, projects, packages, environments and their variables)
-- compare without regard to case, as in SSISDB, whose default collation is case-insensitive: a folder
-- created as "Finance" is found as "finance", and "FINANCE" cannot be created next to it. Names keep the
-- case they were created with for display.
--
-- A nondeterministic ICU collation does this for "=", unique constraints and joins with no change to
-- the queries. It needs a PostgreSQL built with ICU (the embedded server, Debian/Ubuntu/RHEL packages
-- and the official images all are). Every column that is compared with one of these names gets the same
-- collation: PostgreSQL refuses to compare two columns of different implicit collations.
--
-- Parameter names stay case-sensitive: packages refer to them in expressions (@[$Project::Name]),
-- where case matters.
create collation sluice_name (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

alter table folder alter column name type text collate sluice_name;
alter table project alter column name type text collate sluice_name;
alter table package alter column name type text collate sluice_name;
alter table parameter alter column object_name type text collate sluice_name;
alter table parameter alter column referenced_variable type text collate sluice_name;
alter table environment alter column name type text collate sluice_name;
alter table environment_variable alter column name type text collate sluice_name;
alter table environment_reference alter column environment_folder type text collate sluice_name;
alter table environment_reference alter column environment_name type text collate sluice_name;
alter table execution alter column folder_name type text collate sluice_name;
alter table execution alter column project_name type text collate sluice_name;
alter table execution alter column package_name type text collate sluice_name;
alter table execution alter column environment_folder_name type text collate sluice_name;
alter table execution alter column environment_name type text collate sluice_name;
