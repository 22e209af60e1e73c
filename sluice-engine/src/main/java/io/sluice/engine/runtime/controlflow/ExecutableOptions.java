package io.sluice.engine.runtime.controlflow;

import io.sluice.engine.runtime.task.TaskSettings;
import java.util.Set;

/**
 * Settings every executable has, as SSIS: how many errors it tolerates before it fails, whether its
 * failure fails its container or the whole package, and a result forced whatever happens.
 *
 * @param forceExecutionResult null when the real result is reported
 */
record ExecutableOptions(
    int maximumErrorCount,
    boolean failPackageOnFailure,
    boolean failParentOnFailure,
    ExecutionResult forceExecutionResult) {

  static final Set<String> KEYS =
      Set.of(
          "maximumErrorCount",
          "failPackageOnFailure",
          "failParentOnFailure",
          "forceExecutionResult");

  static ExecutableOptions read(TaskSettings settings) {
    int max = settings.integer("maximumErrorCount", 1);
    if (max < 0) {
      settings.problem("'maximumErrorCount' must be 0 or more (0 means no limit)");
    }
    boolean failPackage = settings.bool("failPackageOnFailure", false);
    boolean failParent = settings.bool("failParentOnFailure", false);
    String forced =
        settings.oneOf("forceExecutionResult", "none", "none", "success", "failure", "completion");
    ExecutionResult force =
        switch (forced) {
          case "success" -> ExecutionResult.SUCCESS;
          case "failure" -> ExecutionResult.FAILURE;
          case "completion" -> ExecutionResult.COMPLETION;
          default -> null;
        };
    // SSIS treats MaximumErrorCount 0 as "no limit"
    return new ExecutableOptions(
        max <= 0 ? Integer.MAX_VALUE : max, failPackage, failParent, force);
  }
}
