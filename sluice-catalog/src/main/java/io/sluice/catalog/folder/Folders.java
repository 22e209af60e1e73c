package io.sluice.catalog.folder;

import java.util.List;

/** Catalog folders: the top level that holds projects and environments (SSIS catalog folders). */
public interface Folders {

  /** Creates an empty folder; CONFLICT if the name is taken, INVALID if it breaks the rule. */
  Folder create(String name, String description);

  /** Every folder, by name. */
  List<Folder> list();

  /** The folder named {@code name}; NOT_FOUND if there is none. */
  Folder get(String name);

  Folder setDescription(String name, String description);

  /** Deletes an empty folder; CONFLICT while it still holds projects or environments. */
  void delete(String name);
}
