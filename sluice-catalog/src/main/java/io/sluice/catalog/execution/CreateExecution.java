package io.sluice.catalog.execution;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What {@link Executions#create} needs (SSIS create_execution). Build it with {@link #of} and the
 * {@code with...} methods.
 *
 * @param referenceId the project's environment reference whose variables parameters may use
 * @param runInScaleOut empty: the catalog's DEFAULT_EXECUTION_MODE decides
 * @param useAnyWorker false: only the workers named here or with {@link Executions#addWorker} may
 *     run it
 * @param requiredWorkerTags Scale Out: only a worker that has every one of these tags may run it
 * @param workers Scale Out: workers named for it at once (as add_execution_worker would, in the
 *     same transaction), so a refused worker leaves no execution behind
 */
public record CreateExecution(
    String folder,
    String project,
    String packageName,
    OptionalLong referenceId,
    Optional<Boolean> runInScaleOut,
    boolean useAnyWorker,
    List<String> requiredWorkerTags,
    List<UUID> workers) {

  public CreateExecution {
    requiredWorkerTags = List.copyOf(requiredWorkerTags);
    workers = List.copyOf(workers);
  }

  public static CreateExecution of(String folder, String project, String packageName) {
    return new CreateExecution(
        folder,
        project,
        packageName,
        OptionalLong.empty(),
        Optional.empty(),
        true,
        List.of(),
        List.of());
  }

  public CreateExecution withReference(long referenceId) {
    return new CreateExecution(
        folder,
        project,
        packageName,
        OptionalLong.of(referenceId),
        runInScaleOut,
        useAnyWorker,
        requiredWorkerTags,
        workers);
  }

  public CreateExecution inScaleOut(boolean scaleOut) {
    return new CreateExecution(
        folder,
        project,
        packageName,
        referenceId,
        Optional.of(scaleOut),
        useAnyWorker,
        requiredWorkerTags,
        workers);
  }

  public CreateExecution withAnyWorker(boolean anyWorker) {
    return new CreateExecution(
        folder,
        project,
        packageName,
        referenceId,
        runInScaleOut,
        anyWorker,
        requiredWorkerTags,
        workers);
  }

  /** Scale Out: only workers that have all of {@code tags} may run it. */
  public CreateExecution withWorkerTags(List<String> tags) {
    return new CreateExecution(
        folder, project, packageName, referenceId, runInScaleOut, useAnyWorker, tags, workers);
  }

  /**
   * Scale Out: only these workers may run it (none: as before). Naming workers implies it may not
   * use any worker; a worker that does not exist or was removed is refused.
   */
  public CreateExecution withWorkers(List<UUID> onlyOn) {
    return new CreateExecution(
        folder,
        project,
        packageName,
        referenceId,
        runInScaleOut,
        useAnyWorker && onlyOn.isEmpty(),
        requiredWorkerTags,
        onlyOn);
  }
}
