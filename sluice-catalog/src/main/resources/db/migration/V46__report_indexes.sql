-- Sluice catalog, part 8: indexes for the reads behind the operations console and SSIS's standard
-- reports (CatalogReports, the executions list's filters), so each stays well under 200 ms with a
-- million executions and fifty million messages (bench/console measures them). Each names the read
-- it serves; all are b-trees the planner reads newest first.

-- The executions list by folder/project/package (any prefix of them), Execution Performance and the
-- dashboard's busiest packages: one range of one package's executions in created order.
create index execution_by_package
    on execution (folder_name, project_name, package_name, created_time);

-- The executions list by status (e.g. the failed ones of a month) and the dashboard's recent failures.
create index execution_by_status on execution (status, created_time);

-- One package's executions of one status (its failures; Execution Performance's successful runs):
-- with the start and end times in the index, the average and deviation of a package's runs over three
-- months read the index only (measured: 167 ms reading 20,000 scattered rows, 29 ms from the index).
create index execution_by_package_status
    on execution (folder_name, project_name, package_name, status, created_time)
    include (start_time, end_time);

-- A package's name decides its project and folder: without this, PostgreSQL multiplies the three
-- names' selectivities, thinks a package has a handful of executions, and reads the messages of one
-- package by scanning every execution (300 ms) instead of the newest messages (17 ms).
create statistics execution_package_dependencies (dependencies)
    on folder_name, project_name, package_name from execution;

-- The executions list by who created them, and by the worker that ran them.
create index execution_by_caller on execution (caller_name, created_time);
create index execution_by_worker on execution (worker_agent_id, created_time)
    where worker_agent_id is not null;

-- The executions list by start time ("started after/before").
create index execution_by_start_time on execution (start_time) where start_time is not null;

-- All Validations and All Operations by type.
create index operation_by_type on operation (operation_type, created_time);

-- All Messages across executions, newest first: without it, the newest messages of a day would mean
-- sorting the whole day's partition.
create index event_message_by_time on event_message (message_time, event_message_id);

-- Error Messages (and warnings, task failures): few among many, so a partial index of just them.
create index event_message_problems on event_message (message_type, message_time, event_message_id)
    where message_type in (110, 120, 130);

-- The Connections report: the engine gives a connection that failed to open SSIS's code
-- DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER (0xC020801C as a signed 32-bit number).
create index event_message_connection_failures on event_message (message_time)
    where message_code = -1071611876;
