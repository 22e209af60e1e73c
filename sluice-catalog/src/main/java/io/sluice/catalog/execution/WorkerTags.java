package io.sluice.catalog.execution;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.CatalogNames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The worker tags an execution may require: checked once, when it is created. */
final class WorkerTags {

  private static final int MAX_TAGS = 50;
  private static final int MAX_LENGTH = 200;

  private WorkerTags() {}

  /** The tags, without repeats, in the order given; refuses blank, overlong or too many. */
  static List<String> check(List<String> tags) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String tag : tags) {
      if (tag == null || tag.isBlank()) {
        throw CatalogException.invalid(
            "a required worker tag is empty", "give tags such as --worker-tag etl");
      }
      CatalogNames.requireVisible("worker tag", tag);
      if (tag.length() > MAX_LENGTH) {
        throw CatalogException.invalid(
            "the worker tag '" + tag.substring(0, 20) + "...' is too long", "keep tags short");
      }
      distinct.add(tag);
    }
    if (distinct.size() > MAX_TAGS) {
      throw CatalogException.invalid(
          "an execution can require at most " + MAX_TAGS + " worker tags", "give fewer tags");
    }
    return List.copyOf(distinct);
  }
}
