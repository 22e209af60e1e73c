package io.sluice.catalog;

import io.sluice.engine.project.InvisibleCharacters;
import io.sluice.engine.project.ObjectNames;

/**
 * Checks names and descriptions of new catalog objects before anything is stored: the engine's
 * rules ({@link ObjectNames}), so that the catalog, the master and the project format refuse the
 * same things in the same words.
 */
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
              throw CatalogException.invalid(problem, ObjectNames.hint(name));
            });
    return name;
  }

  /**
   * Refuses a text that names something without the SSIS name rule (a worker's display name, a
   * worker tag) if it holds a control or invisible character; null passes.
   *
   * @param what e.g. "worker tag", as the message shows it
   */
  public static String requireVisible(String what, String text) {
    InvisibleCharacters.problem(what, text)
        .ifPresent(
            problem -> {
              throw CatalogException.invalid(problem, ObjectNames.INVISIBLE_HINT);
            });
    return text;
  }

  /**
   * The description to store for a {@code kind} such as "folder": empty for none (null); refused
   * when longer than {@link ObjectNames#MAX_DESCRIPTION}.
   */
  public static String description(String kind, String description) {
    return description == null ? "" : requireDescription(kind, description);
  }

  /** Refuses a description longer than {@link ObjectNames#MAX_DESCRIPTION}; null passes. */
  public static String requireDescription(String kind, String description) {
    ObjectNames.descriptionProblem(kind, description)
        .ifPresent(
            problem -> {
              throw CatalogException.invalid(problem, ObjectNames.DESCRIPTION_HINT);
            });
    return description;
  }
}
