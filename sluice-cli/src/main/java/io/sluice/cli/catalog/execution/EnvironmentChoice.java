package io.sluice.cli.catalog.execution;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.environment.EnvironmentReference;
import io.sluice.cli.common.UsageException;
import java.util.List;

/**
 * {@code --environment NAME [--environment-folder F]}: the project's environment reference an
 * execution uses, found by the environment's name instead of the reference id.
 */
public final class EnvironmentChoice {

  private EnvironmentChoice() {}

  /** The id of the project's reference to that environment. */
  public static long referenceId(
      Catalog catalog,
      String folder,
      String project,
      String environment,
      String environmentFolderOrNull) {
    List<EnvironmentReference> matches =
        catalog.environments().listReferences(folder, project).stream()
            .filter(r -> r.environmentName().equalsIgnoreCase(environment))
            .filter(
                r ->
                    environmentFolderOrNull == null
                        || r.environmentFolder().equalsIgnoreCase(environmentFolderOrNull))
            .toList();
    if (matches.isEmpty()) {
      String where = environmentFolderOrNull == null ? "" : " in folder " + environmentFolderOrNull;
      throw new UsageException(
          "project " + project + " has no reference to environment " + environment + where,
          "add one with: sluice catalog references add --folder "
              + folder
              + " --project "
              + project
              + " --environment "
              + environment
              + (environmentFolderOrNull == null
                  ? ""
                  : " --environment-folder " + environmentFolderOrNull));
    }
    if (matches.size() > 1) {
      throw new UsageException(
          "project "
              + project
              + " references more than one environment named "
              + environment
              + " (in folders "
              + String.join(", ", matches.stream().map(r -> r.environmentFolder()).toList())
              + ")",
          "say which with --environment-folder, or give --reference ID (see: sluice catalog"
              + " references list)");
    }
    return matches.get(0).referenceId();
  }
}
