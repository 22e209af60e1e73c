package io.sluice.master.catalogapi;

import io.sluice.catalog.environment.ReferenceType;
import java.util.List;
import java.util.UUID;

/**
 * The JSON bodies the catalog API reads (answers are the catalog's own records, as they are). The
 * master reads them strictly: an unknown field is a 400. Shared with the CLI's remote client, so
 * both ends agree by construction.
 */
public final class CatalogRequests {

  private CatalogRequests() {}

  /** POST /folders. */
  public record NewFolder(String name, String description) {}

  /** POST /folders/{folder}/environments. */
  public record NewEnvironment(String name, String description) {}

  /** PATCH of a folder or an environment. */
  public record Description(String description) {}

  /**
   * PUT of a parameter's server value: either a literal {@code value} or a {@code reference} to an
   * environment variable.
   */
  public record ParameterValue(String value, String reference) {}

  /** PUT /folders/{folder}/environments/{environment}/variables/{name}. */
  public record VariableValue(String type, String value, boolean sensitive, String description) {}

  /** POST /folders/{folder}/projects/{project}/references; environmentFolder for ABSOLUTE only. */
  public record NewReference(
      ReferenceType type, String environmentFolder, String environmentName) {}

  /**
   * POST /executions. Null {@code runInScaleOut}: the catalog's DEFAULT_EXECUTION_MODE decides;
   * null {@code useAnyWorker}: true. Scale Out: {@code requiredWorkerTags}, tags the worker must
   * all have; {@code workerAgentIds}, the only workers that may run it (a worker that does not
   * exist or was removed is refused and nothing is created). Null lists: none.
   */
  public record NewExecution(
      String folder,
      String project,
      String packageName,
      Long referenceId,
      Boolean runInScaleOut,
      Boolean useAnyWorker,
      List<String> requiredWorkerTags,
      List<UUID> workerAgentIds) {}

  /**
   * POST /validations (SSIS validate_project / validate_package): {@code packageName} null
   * validates every entry point of the project's current version; {@code referenceId} an
   * environment reference whose variables the parameters may take.
   */
  public record NewValidation(
      String folder, String project, String packageName, Long referenceId) {}

  /**
   * The answer to POST /executions; {@code warnings}: why it could not run as it stands (its
   * workers are disabled, no enabled worker has its tags, none has been online), else empty.
   */
  public record ExecutionCreated(long executionId, List<String> warnings) {}

  /** POST /executions/{id}/parameter-values; objectType 20 project, 30 package, 50 system. */
  public record ExecutionParameter(Integer objectType, String name, String value) {}

  /**
   * POST /executions/{id}/property-overrides (SSIS set_execution_property_override_value); {@code
   * sensitive} may be left out (false).
   */
  public record ExecutionOverride(String propertyPath, String value, Boolean sensitive) {}

  /** POST /executions/{id}/workers. */
  public record ExecutionWorker(UUID workerAgentId) {}

  /** POST /executions/{id}/start (the body may be left out: no retries). */
  public record StartExecution(int retryCount) {}

  /** PUT /properties/{name}. */
  public record PropertyValue(String value) {}
}
