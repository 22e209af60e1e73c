package io.sluice.catalog;

import io.sluice.engine.project.ObjectNames;

/** Checks names of new catalog objects against the SSIS naming rule before anything is stored. */
public final class CatalogNames {

  private CatalogNames() {}

  /**
   * Refuses {@code name} with the rule it breaks.
   *
   * @param kind what is being named, e.g. "folder", as the message shows it
   */
  public static String require(String kind, String name) {
    ObjectNames.problem(kind, name)
        .ifPresent(
            problem -> {
              throw CatalogException.invalid(
                  problem,
                  "names are 1 to "
                      + ObjectNames.MAX_LENGTH
                      + " characters, without control characters, a leading @, or any of \" < > |");
            });
    return name;
  }

  /** Descriptions are optional; null means none. */
  public static String description(String description) {
    return description == null ? "" : description;
  }
}
