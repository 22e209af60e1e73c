package io.sluice.catalog.folder;

import io.sluice.catalog.CatalogException;
import org.jdbi.v3.core.Handle;

/** Finds a folder by name for the operations of other areas, refusing with a hint when missing. */
public final class FolderLookup {

  static final String LIST_HINT = "list folders with: sluice catalog folders list";

  // FOR SHARE: the folder cannot be deleted or renamed until the caller's transaction ends.
  private static final String FOLDER_ID =
      """
      select folder_id
        from folder
       where name = :name
         for share
      """;

  private FolderLookup() {}

  /** The id of folder {@code name}, locked against deletion for the current transaction. */
  public static long requireId(Handle handle, String name) {
    return handle
        .createQuery(FOLDER_ID)
        .bind("name", name)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> notFound(name));
  }

  public static CatalogException notFound(String name) {
    return CatalogException.notFound("folder '" + name + "' does not exist", LIST_HINT);
  }
}
