package io.sluice.catalog.environment;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.folder.FolderLookup;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Finds an environment by folder and name. */
final class EnvironmentLookup {

  // FOR SHARE: the environment is not deleted under a change to its variables.
  private static final String ENVIRONMENT_ID =
      """
      select e.environment_id
        from environment e
        join folder f on f.folder_id = e.folder_id
       where f.name = :folder
         and e.name = :name
         for share of e
      """;

  private EnvironmentLookup() {}

  static Optional<Long> find(Handle h, String folder, String name) {
    return h.createQuery(ENVIRONMENT_ID)
        .bind("folder", folder)
        .bind("name", name)
        .mapTo(Long.class)
        .findOne();
  }

  static long requireId(Handle h, String folder, String name) {
    return find(h, folder, name).orElseThrow(() -> notFound(h, folder, name));
  }

  static CatalogException notFound(Handle h, String folder, String name) {
    FolderLookup.requireId(h, folder); // a missing folder is the better message
    return CatalogException.notFound(
        "environment '" + name + "' does not exist in folder '" + folder + "'",
        "list environments with: sluice catalog environments list --folder "
            + folder
            + ", or create it with: sluice catalog environments create --folder "
            + folder
            + " "
            + name);
  }
}
