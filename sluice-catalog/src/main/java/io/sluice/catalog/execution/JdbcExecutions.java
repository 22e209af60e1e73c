package io.sluice.catalog.execution;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.catalog.database.ArrayColumns;
import io.sluice.catalog.message.NewEventMessage;
import io.sluice.catalog.monitoring.ExecutionEvents;
import io.sluice.catalog.operation.OperationLog;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.operation.OperationTarget;
import io.sluice.catalog.operation.OperationType;
import io.sluice.catalog.property.CatalogSettings;
import io.sluice.catalog.retention.LogPartitions;
import io.sluice.engine.event.MessageType;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** {@link Executions} on the catalog database. */
public final class JdbcExecutions implements Executions {

  private final CatalogContext context;
  private final Jdbi jdbi;
  private final LogPartitions logPartitions;

  /**
   * @param logPartitions the catalog's one partition keeper, shared so that its once-a-day memo
   *     spares every later create the partition check
   */
  public JdbcExecutions(CatalogContext context, LogPartitions logPartitions) {
    this.context = context;
    this.jdbi = context.database().jdbi();
    this.logPartitions = logPartitions;
  }

  record Target(
      long projectId, String folderName, String projectName, long versionId, String packageName) {}

  record Environment(String folderName, String name) {}

  /** A project and, when its current version has it, the package a new execution names. */
  private record TargetRow(
      long projectId,
      Long currentVersionId,
      String folderName,
      String projectName,
      String packageName,
      boolean entryPoint) {}

  private static final RowMapper<TargetRow> TARGET_ROW =
      (rs, ctx) ->
          new TargetRow(
              rs.getLong("project_id"),
              rs.getObject("current_version_id", Long.class),
              rs.getString("folder_name"),
              rs.getString("project_name"),
              rs.getString("package_name"),
              rs.getBoolean("entry_point"));

  /** What setting a value needs to know of a designed parameter. */
  private record ParameterShape(String dataType, boolean required, boolean sensitive) {}

  @Override
  public Validation validate(
      String folder, String project, String packageOrNull, Long referenceIdOrNull) {
    requireName("folder", folder);
    requireName("project", project);
    return new ProjectValidation(context)
        .validate(folder, project, packageOrNull, referenceIdOrNull);
  }

  @Override
  public long create(CreateExecution request) {
    requireName("folder", request.folder());
    requireName("project", request.project());
    requireName("package", request.packageName());
    List<String> tags = WorkerTags.check(request.requiredWorkerTags());
    // The execution will log into today's partitions: make sure they exist (once a day).
    logPartitions.ensureAheadOrWarn();
    return jdbi.inTransaction(
        handle -> {
          Target target = target(handle, request);
          Optional<Environment> environment = environment(handle, target, request);
          CatalogSettings settings = CatalogSettings.read(handle);
          boolean scaleOut = request.runInScaleOut().orElse(settings.scaleOutByDefault());
          if (!tags.isEmpty() && !scaleOut) {
            throw CatalogException.invalid(
                "worker tags "
                    + String.join(", ", tags)
                    + " choose Scale Out workers, but this execution does not run in Scale Out",
                "add --scale-out, or leave out the worker tags");
          }
          if (!request.workers().isEmpty() && !scaleOut) {
            throw CatalogException.invalid(
                "the workers named for it choose Scale Out workers, but this execution does not"
                    + " run in Scale Out",
                "add --scale-out, or leave out the workers (--worker)");
          }
          if (!request.useAnyWorker() && !scaleOut) {
            throw CatalogException.invalid(
                "specific workers choose Scale Out workers, but this execution does not run in"
                    + " Scale Out",
                "add --scale-out, or leave out --specific-workers");
          }
          long executionId =
              insert(
                  handle,
                  target,
                  environment,
                  request,
                  scaleOut,
                  settings.serverLoggingLevel(),
                  context.caller(),
                  tags);
          for (UUID worker : request.workers()) {
            // Thrown inside the transaction: a refused worker leaves no execution behind.
            ExecutionWorkers.requireUsable(handle, worker);
            ExecutionWorkers.add(handle, executionId, worker);
          }
          return executionId;
        });
  }

  /** The execution's row (1 created) and its operation (200); its id. */
  static long insert(
      Handle handle,
      Target target,
      Optional<Environment> environment,
      CreateExecution request,
      boolean scaleOut,
      int loggingLevel,
      String caller,
      List<String> tags) {
    long executionId =
        OperationLog.created(
            handle,
            OperationType.EXECUTION,
            OperationTarget.project(target.projectId(), target.projectName()),
            caller);
    handle
        .createUpdate(
            """
                  insert into execution (execution_id, folder_name, project_name, project_version_id,
                                         package_name, reference_id, environment_folder_name,
                                         environment_name, run_in_scale_out, use_any_worker,
                                         logging_level, caller_name, required_worker_tags)
                  values (:executionId, :folder, :project, :versionId,
                          :packageName, :referenceId, :environmentFolder,
                          :environmentName, :scaleOut, :anyWorker,
                          :loggingLevel, :caller, :tags)
                  """)
        .bind("executionId", executionId)
        .bind("folder", target.folderName())
        .bind("project", target.projectName())
        .bind("versionId", target.versionId())
        .bind("packageName", target.packageName())
        .bind(
            "referenceId",
            request.referenceId().isPresent() ? request.referenceId().getAsLong() : null)
        .bind("environmentFolder", environment.map(Environment::folderName).orElse(null))
        .bind("environmentName", environment.map(Environment::name).orElse(null))
        .bind("scaleOut", scaleOut)
        .bind("anyWorker", request.useAnyWorker())
        .bind("loggingLevel", loggingLevel)
        .bind("caller", caller)
        .bind("tags", tags.toArray(String[]::new))
        .execute();
    return executionId;
  }

  /** Throws NOT_FOUND naming the folder or project when either is missing, as create does. */
  static void projectOf(Handle handle, String folder, String project) {
    currentVersion(handle, CreateExecution.of(folder, project, ""));
  }

  /**
   * The request's project with its row for the request's package (null columns when there is no
   * such package): NOT_FOUND for a folder or project that does not exist, CONFLICT without a
   * current version.
   */
  private static TargetRow currentVersion(Handle handle, CreateExecution request) {
    Optional<TargetRow> row =
        handle
            .createQuery(
                """
                select p.project_id, p.current_version_id, f.name as folder_name,
                       p.name as project_name, k.name as package_name, k.entry_point
                from project p
                join folder f on f.folder_id = p.folder_id
                left join package k on k.version_id = p.current_version_id
                                   and k.name = :packageName
                where f.name = :folder and p.name = :project
                """)
            .bind("folder", request.folder())
            .bind("project", request.project())
            .bind("packageName", request.packageName())
            .map(TARGET_ROW)
            .findOne();
    if (row.isEmpty()) {
      boolean folderExists =
          handle
                  .createQuery("select count(*) from folder where name = :folder")
                  .bind("folder", request.folder())
                  .mapTo(int.class)
                  .one()
              > 0;
      throw folderExists
          ? CatalogException.notFound(
              "folder " + request.folder() + " has no project " + request.project(),
              "list its projects with: sluice catalog projects list --folder " + request.folder())
          : CatalogException.notFound(
              "folder " + request.folder() + " does not exist",
              "list folders with: sluice catalog folders list");
    }
    TargetRow found = row.get();
    if (found.currentVersionId() == null) {
      throw CatalogException.conflict(
          "project " + request.folder() + "/" + request.project() + " has no current version",
          "deploy the project again");
    }
    return found;
  }

  /**
   * The project (in its current version) and package the request names, checked. One query finds
   * both (the package joined to the project's current version); the error paths look further.
   */
  static Target target(Handle handle, CreateExecution request) {
    String where = request.folder() + "/" + request.project();
    TargetRow found = currentVersion(handle, request);
    if (found.packageName() == null) {
      throw CatalogException.notFound(
          "the current version of project " + where + " has no package " + request.packageName(),
          "list its packages with: sluice catalog packages --folder "
              + request.folder()
              + " --project "
              + request.project());
    }
    if (!found.entryPoint()) {
      throw CatalogException.invalid(
          "package "
              + request.packageName()
              + " of project "
              + where
              + " is not an entry point: it runs only from another package",
          "execute the package that calls it, or mark it as an entry point and deploy again");
    }
    // Names match without regard to case; the execution records them as they were created, which
    // is also how the package is named inside the archive the runner opens.
    return new Target(
        found.projectId(),
        found.folderName(),
        found.projectName(),
        found.currentVersionId(),
        found.packageName());
  }

  /** The environment the request's reference points to now: relative = the project's folder. */
  static Optional<Environment> environment(Handle handle, Target target, CreateExecution request) {
    if (request.referenceId().isEmpty()) {
      return Optional.empty();
    }
    long referenceId = request.referenceId().getAsLong();
    return Optional.of(
        handle
            .createQuery(
                """
                select reference_type, environment_folder, environment_name
                from environment_reference
                where reference_id = :referenceId and project_id = :projectId
                """)
            .bind("referenceId", referenceId)
            .bind("projectId", target.projectId())
            .map(
                (rs, ctx) ->
                    new Environment(
                        "R".equals(rs.getString("reference_type"))
                            ? target.folderName()
                            : rs.getString("environment_folder"),
                        rs.getString("environment_name")))
            .findOne()
            .orElseThrow(
                () ->
                    CatalogException.notFound(
                        "project "
                            + target.folderName()
                            + "/"
                            + target.projectName()
                            + " has no environment reference "
                            + referenceId,
                        "list its references with: sluice catalog references list --folder "
                            + target.folderName()
                            + " --project "
                            + target.projectName())));
  }

  @Override
  public void setParameterValue(long executionId, int objectType, String name, String value) {
    requireName("parameter", name);
    if (value == null) {
      throw CatalogException.invalid(
          "parameter " + name + " needs a value", "give the value after the name");
    }
    jdbi.useTransaction(
        handle -> {
          Execution execution =
              ExecutionRows.lockCreated(handle, executionId, "set a parameter value of");
          switch (objectType) {
            case SYSTEM_PARAMETER -> setSystemParameter(handle, execution, name, value);
            case PROJECT_PARAMETER, PACKAGE_PARAMETER ->
                setDesignedParameter(handle, execution, objectType, name, value);
            default ->
                throw CatalogException.invalid(
                    "object type " + objectType + " is not a kind of parameter",
                    "use 20 (project parameter), 30 (package parameter) or 50 (system parameter)");
          }
        });
  }

  @Override
  public void setPropertyOverride(
      long executionId, String propertyPath, String value, boolean sensitive) {
    jdbi.useTransaction(
        handle ->
            ExecutionOverrides.set(
                context,
                handle,
                ExecutionRows.lockCreated(handle, executionId, "set a property override of"),
                propertyPath,
                value,
                sensitive));
  }

  @Override
  public List<ExecutionPropertyOverride> propertyOverrides(long executionId) {
    return jdbi.withHandle(
        handle -> {
          ExecutionRows.get(handle, executionId);
          return ExecutionOverrides.shown(handle, executionId);
        });
  }

  private static void setSystemParameter(
      Handle handle, Execution execution, String name, String value) {
    String stored = SystemParameters.normalize(name, value);
    upsertExecutionValue(
        handle,
        execution.executionId(),
        SYSTEM_PARAMETER,
        name,
        SystemParameters.dataType(name),
        false,
        false,
        stored,
        null);
    if (name.equals(SystemParameters.LOGGING_LEVEL)) {
      handle
          .createUpdate(
              "update execution set logging_level = :level where execution_id = :executionId")
          .bind("level", Integer.parseInt(stored))
          .bind("executionId", execution.executionId())
          .execute();
    }
  }

  private void setDesignedParameter(
      Handle handle, Execution execution, int objectType, String name, String value) {
    String kind = objectType == PROJECT_PARAMETER ? "project" : "package";
    ParameterShape definition =
        handle
            .createQuery(
                """
                select data_type, required, sensitive from parameter
                where version_id = :versionId and object_type = :objectType and name = :name
                  and (object_type = 20 or object_name = :packageName)
                """)
            .bind("versionId", execution.projectVersionId())
            .bind("objectType", objectType)
            .bind("name", name)
            .bind("packageName", execution.packageName())
            .map(ConstructorMapper.of(ParameterShape.class))
            .findOne()
            .orElseThrow(() -> unknownParameter(handle, execution, objectType, kind, name));
    String dataType = definition.dataType();
    TypedValues.problem(dataType, value, definition.sensitive())
        .ifPresent(
            problem -> {
              throw CatalogException.invalid(
                  "cannot set " + kind + " parameter " + name + ": " + problem,
                  "give a value of its type, " + dataType);
            });
    long executionId = execution.executionId();
    boolean sensitive = definition.sensitive();
    upsertExecutionValue(
        handle,
        executionId,
        objectType,
        name,
        dataType,
        definition.required(),
        sensitive,
        sensitive ? null : value,
        sensitive ? context.cipher().encrypt(value) : null);
  }

  private static CatalogException unknownParameter(
      Handle handle, Execution execution, int objectType, String kind, String name) {
    List<String> known =
        handle
            .createQuery(
                """
                select name from parameter
                where version_id = :versionId and object_type = :objectType
                  and (object_type = 20 or object_name = :packageName)
                order by name
                """)
            .bind("versionId", execution.projectVersionId())
            .bind("objectType", objectType)
            .bind("packageName", execution.packageName())
            .mapTo(String.class)
            .list();
    String owner =
        objectType == PROJECT_PARAMETER
            ? "project " + execution.folderName() + "/" + execution.projectName()
            : "package " + execution.packageName();
    return CatalogException.notFound(
        owner + " has no " + kind + " parameter " + name,
        known.isEmpty()
            ? "it has no " + kind + " parameters at all"
            : "its " + kind + " parameters are: " + String.join(", ", known));
  }

  private static void upsertExecutionValue(
      Handle handle,
      long executionId,
      int objectType,
      String name,
      String dataType,
      boolean required,
      boolean sensitive,
      String value,
      byte[] secret) {
    handle
        .createUpdate(
            """
            insert into execution_parameter_value (execution_id, object_type, parameter_name,
                                                   data_type, required, sensitive, value,
                                                   value_secret, value_set, source)
            values (:executionId, :objectType, :name, :dataType, :required, :sensitive, :value,
                    :secret, true, 'EXECUTION')
            on conflict (execution_id, object_type, parameter_name) do update
            set value = excluded.value, value_secret = excluded.value_secret,
                value_set = true, source = 'EXECUTION'
            """)
        .bind("executionId", executionId)
        .bind("objectType", objectType)
        .bind("name", name)
        .bind("dataType", dataType)
        .bind("required", required)
        .bind("sensitive", sensitive)
        .bind("value", value)
        .bind("secret", secret)
        .execute();
  }

  @Override
  public void addWorker(long executionId, UUID workerAgentId) {
    if (workerAgentId == null) {
      throw CatalogException.invalid("a worker id is needed", "give the worker agent's id");
    }
    jdbi.useTransaction(
        handle -> {
          Execution execution = ExecutionRows.lockCreated(handle, executionId, "add a worker to");
          if (!execution.runInScaleOut()) {
            throw CatalogException.conflict(
                "execution " + executionId + " does not run in Scale Out, so it has no workers",
                "create the execution with --scale-out to run it on workers");
          }
          if (execution.useAnyWorker()) {
            throw CatalogException.conflict(
                "execution "
                    + executionId
                    + " may run on any worker, so naming a worker would change nothing",
                "create the execution with --specific-workers to choose its workers");
          }
          ExecutionWorkers.requireUsable(handle, workerAgentId);
          ExecutionWorkers.add(handle, executionId, workerAgentId);
        });
  }

  @Override
  public Execution start(long executionId, int retryCount) {
    if (retryCount < 0) {
      throw CatalogException.invalid(
          "the retry count cannot be negative (" + retryCount + ")", "give 0 or more");
    }
    return jdbi.inTransaction(
        handle -> {
          // Claiming the execution first makes a second start fail here, however close in time.
          // The claim moves its operation along and returns the row as it now is: one statement.
          Optional<Execution> claimed =
              handle
                  .createQuery(
                      """
                      with claimed as (
                          update execution
                          set status = 5, start_time = now(), retry_count = :retries
                          where execution_id = :executionId and status = 1
                          returning *
                      ), operation_pending as (
                          update operation set status = 5, start_time = now()
                          where operation_id in (select execution_id from claimed)
                      )
                      select %s from claimed
                      """
                          .formatted(ExecutionRows.columns("claimed")))
                  .bind("retries", retryCount)
                  .bind("executionId", executionId)
                  .map(ExecutionRows.MAPPER)
                  .findOne();
          if (claimed.isEmpty()) {
            Execution current = ExecutionRows.get(handle, executionId);
            throw CatalogException.conflict(
                "execution "
                    + executionId
                    + " cannot start: it is "
                    + OperationStatus.display(current.status())
                    + "; an execution starts only once, from 1 created",
                "create a new execution of package " + current.packageName());
          }
          Execution execution = claimed.get();
          ParameterResolution.Outcome outcome =
              new ParameterResolution(handle, context.cipher()).resolve(execution);
          List<String> problems = new java.util.ArrayList<>(outcome.problems());
          List<String> fixes = new java.util.ArrayList<>();
          if (!problems.isEmpty()) {
            fixes.add(
                "set values with: sluice catalog executions set-parameter "
                    + executionId
                    + " NAME VALUE (or give the parameters server values, or the execution an"
                    + " environment that has them)");
          }
          if (execution.runInScaleOut()
              && !execution.useAnyWorker()
              && !hasWorkers(handle, execution)) {
            problems.add("it may run only on workers named for it, and none is");
            fixes.add(
                "name one with: sluice catalog executions add-worker "
                    + executionId
                    + " WORKER (sluice workers list shows them)");
          }
          if (!problems.isEmpty()) {
            // Thrown inside the transaction: the claim above is rolled back, nothing changes.
            throw CatalogException.invalid(
                "execution "
                    + executionId
                    + " cannot start, "
                    + problems.size()
                    + (problems.size() == 1 ? " problem: " : " problems: ")
                    + String.join("; ", problems),
                String.join("; ", fixes) + "; nothing was changed");
          }
          storeResolvedValues(handle, executionId, outcome.values());
          storeSystemDefaults(handle, execution);
          if (execution.runInScaleOut()) {
            handle
                .createUpdate(
                    """
                    insert into scale_out_task (execution_id, max_attempts)
                    values (:executionId, :maxAttempts)
                    """)
                .bind("executionId", executionId)
                .bind("maxAttempts", retryCount + 1)
                .execute();
            recordWaitReasons(handle, execution);
          }
          return execution;
        });
  }

  /**
   * Puts in the execution's messages why it cannot run as it stands (its workers are disabled, no
   * enabled worker has its tags), where users look when it waits: SSIS records such operation
   * messages too. A worker merely offline for now is not recorded; {@link #warnings} says it.
   */
  private static void recordWaitReasons(Handle handle, Execution execution) {
    List<NewEventMessage> messages =
        ExecutionWorkers.reasons(handle, execution).stream()
            .filter(ExecutionWorkers.WaitReason::lasting)
            .map(
                r ->
                    new NewEventMessage(
                        null,
                        MessageType.WARNING.code(),
                        null,
                        r.message(),
                        execution.packageName(),
                        null,
                        "Scale Out",
                        null,
                        null,
                        null,
                        null,
                        null))
            .toList();
    ExecutionRuntime.recordEvents(
        handle, execution.executionId(), execution.createdTime(), messages);
  }

  @Override
  public List<String> warnings(long executionId) {
    return jdbi.withHandle(
        handle ->
            ExecutionWorkers.reasons(handle, ExecutionRows.get(handle, executionId)).stream()
                .map(ExecutionWorkers.WaitReason::message)
                .toList());
  }

  private static boolean hasWorkers(Handle handle, Execution execution) {
    return handle
            .createQuery("select count(*) from execution_worker where execution_id = :executionId")
            .bind("executionId", execution.executionId())
            .mapTo(int.class)
            .one()
        > 0;
  }

  private static final HexFormat HEX = HexFormat.of();

  private static final String INSERT_PARAMETER_VALUES =
      """
      insert into execution_parameter_value (execution_id, object_type, parameter_name,
                                             data_type, required, sensitive, value,
                                             value_secret, value_set, source)
      select :executionId, v.object_type, v.name, v.data_type, v.required, v.sensitive,
             v.value, decode(v.secret, 'hex'), v.source is not null, v.source
      from unnest(cast(:objectTypes as integer[]), cast(:names as text[]),
                  cast(:dataTypes as text[]), cast(:required as boolean[]),
                  cast(:sensitive as boolean[]), cast(:values as text[]),
                  cast(:secrets as text[]), cast(:sources as text[]))
           as v(object_type, name, data_type, required, sensitive, value, secret, source)
      """;

  /** The resolved values in one statement over arrays (a row per value), not one per value. */
  private static void storeResolvedValues(
      Handle handle, long executionId, List<ParameterResolution.Value> values) {
    if (values.isEmpty()) {
      return;
    }
    new ArrayColumns<>(values)
        .column("objectTypes", Integer.class, ParameterResolution.Value::objectType)
        .column("names", String.class, ParameterResolution.Value::name)
        .column("dataTypes", String.class, ParameterResolution.Value::dataType)
        .column("required", Boolean.class, ParameterResolution.Value::required)
        .column("sensitive", Boolean.class, ParameterResolution.Value::sensitive)
        .column("values", String.class, ParameterResolution.Value::value)
        // bytea travels as hex text inside the array: decode() turns it back into the same bytes.
        .column("secrets", String.class, v -> v.secret() == null ? null : HEX.formatHex(v.secret()))
        .column("sources", String.class, ParameterResolution.Value::source)
        .bindTo(handle.createUpdate(INSERT_PARAMETER_VALUES))
        .bind("executionId", executionId)
        .execute();
  }

  /** System parameters the user did not set take the catalog's defaults: one statement. */
  private static void storeSystemDefaults(Handle handle, Execution execution) {
    handle
        .createUpdate(
            """
            insert into execution_parameter_value (execution_id, object_type, parameter_name,
                                                   data_type, value, value_set, source)
            values (:executionId, 50, :loggingLevel, 'Int32', :loggingLevelValue, true, 'SERVER'),
                   (:executionId, 50, :dumpOnError, 'Boolean', 'false', true, 'DESIGN'),
                   (:executionId, 50, :synchronized, 'Boolean', 'false', true, 'DESIGN')
            on conflict (execution_id, object_type, parameter_name) do nothing
            """)
        .bind("executionId", execution.executionId())
        .bind("loggingLevel", SystemParameters.LOGGING_LEVEL)
        .bind("loggingLevelValue", String.valueOf(execution.loggingLevel()))
        .bind("dumpOnError", SystemParameters.DUMP_ON_ERROR)
        .bind("synchronized", SystemParameters.SYNCHRONIZED)
        .execute();
  }

  @Override
  public Execution stop(long executionId) {
    return jdbi.inTransaction(
        handle -> {
          Execution before = ExecutionRows.get(handle, executionId);
          OperationStatus after = requestStop(handle, executionId);
          long stopId =
              OperationLog.begin(
                  handle,
                  OperationType.STOP,
                  OperationTarget.execution(executionId, before.packageName()),
                  context.caller());
          OperationLog.message(
              handle,
              stopId,
              MessageType.INFORMATION,
              "execution "
                  + executionId
                  + ": "
                  + OperationStatus.display(before.status())
                  + " -> "
                  + after.display());
          OperationLog.finish(handle, stopId, OperationStatus.SUCCEEDED);
          return ExecutionRows.get(handle, executionId);
        });
  }

  /**
   * Moves the execution towards its end by optimistic updates; each is decided by its row count, so
   * a status that changes meanwhile (pending to running) is simply tried again.
   */
  private static OperationStatus requestStop(Handle handle, long executionId) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<ExecutionEvents.EndedExecution> canceled =
          handle
              .createQuery(
                  "update execution set status = 3, end_time = now()"
                      + " where execution_id = :executionId and status in (1, 5) returning "
                      + ExecutionEvents.ENDED_COLUMNS)
              .bind("executionId", executionId)
              .map((rs, ctx) -> ExecutionEvents.endedRow(rs))
              .findOne();
      if (canceled.isPresent()) {
        setOperationStatus(handle, executionId, OperationStatus.CANCELED, true);
        ExecutionEvents.ended(handle, canceled.get());
        // A queued Scale Out task must not be handed out any more.
        handle
            .createUpdate(
                """
                update scale_out_task set status = 'ENDED', result = 'CANCELED', ended_time = now()
                where execution_id = :executionId and status = 'QUEUED'
                """)
            .bind("executionId", executionId)
            .execute();
        return OperationStatus.CANCELED;
      }
      int stopping =
          handle
              .createUpdate(
                  "update execution set status = 8 where execution_id = :executionId and status = 2")
              .bind("executionId", executionId)
              .execute();
      if (stopping == 1) {
        setOperationStatus(handle, executionId, OperationStatus.STOPPING, false);
        return OperationStatus.STOPPING;
      }
      OperationStatus now = ExecutionRows.get(handle, executionId).state();
      if (now == OperationStatus.STOPPING) {
        return now;
      }
      if (now.isFinal()) {
        throw CatalogException.conflict(
            "execution " + executionId + " has already ended: it is " + now.display(),
            "there is nothing to stop");
      }
    }
    throw CatalogException.conflict(
        "execution " + executionId + " kept changing status while being stopped",
        "run the stop again");
  }

  static void setOperationStatus(
      Handle handle, long operationId, OperationStatus status, boolean ended) {
    handle
        .createUpdate(
            """
            update operation
            set status = :status,
                end_time = case when :ended then now() else end_time end
            where operation_id = :operationId
            """)
        .bind("status", status.code())
        .bind("ended", ended)
        .bind("operationId", operationId)
        .execute();
  }

  @Override
  public List<Execution> list(ExecutionFilter filter) {
    return jdbi.withHandle(handle -> ExecutionListing.list(handle, filter));
  }

  @Override
  public ExecutionStatistics statistics(long executionId) {
    return jdbi.withHandle(
        handle -> {
          ExecutionRows.get(handle, executionId);
          // Statistics are stamped between the execution's creation and its end (the runtime
          // clamps them; the hour is slack), which bounds the day partitions read.
          List<ExecutableStatistic> executables =
              handle
                  .createQuery(
                      """
                      select s.executable_name, s.executable_path, s.execution_path, s.start_time,
                             s.end_time, s.duration_ms, s.execution_result, s.execution_value
                      from execution e
                      join executable_statistics s on s.execution_id = e.execution_id
                      where e.execution_id = :executionId
                        and s.start_time >= e.created_time
                        and s.start_time < coalesce(e.end_time, now()) + interval '1 hour'
                      order by s.start_time, s.statistics_id
                      """)
                  .bind("executionId", executionId)
                  .map(ConstructorMapper.of(ExecutableStatistic.class))
                  .list();
          List<DataFlowStatistic> dataFlows =
              handle
                  .createQuery(
                      """
                      select d.package_name, d.task_name, d.dataflow_path_id_string,
                             d.dataflow_path_name, d.source_component_name,
                             d.destination_component_name, d.rows_sent, d.created_time
                      from execution e
                      join execution_data_statistics d on d.execution_id = e.execution_id
                      where e.execution_id = :executionId
                        and d.created_time >= e.created_time
                        and d.created_time < coalesce(e.end_time, now()) + interval '1 hour'
                      order by d.created_time, d.data_stats_id
                      """)
                  .bind("executionId", executionId)
                  .map(ConstructorMapper.of(DataFlowStatistic.class))
                  .list();
          return new ExecutionStatistics(executionId, executables, dataFlows);
        });
  }

  @Override
  public Execution get(long executionId) {
    return jdbi.withHandle(handle -> ExecutionRows.get(handle, executionId));
  }

  @Override
  public List<ExecutionParameterValue> parameterValues(long executionId) {
    return jdbi.withHandle(
        handle -> {
          ExecutionRows.get(handle, executionId);
          return handle
              .createQuery(
                  """
                  select object_type, parameter_name, data_type, required, sensitive,
                         case when sensitive then null else value end as value,
                         value_set, source
                  from execution_parameter_value
                  where execution_id = :executionId
                  order by object_type, parameter_name
                  """)
              .bind("executionId", executionId)
              .map(ConstructorMapper.of(ExecutionParameterValue.class))
              .list();
        });
  }

  private static void requireName(String what, String name) {
    if (name == null || name.isBlank()) {
      throw CatalogException.invalid("the " + what + " name is missing", "give the " + what);
    }
  }
}
