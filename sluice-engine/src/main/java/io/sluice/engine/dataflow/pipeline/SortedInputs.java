package io.sluice.engine.dataflow.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that an input arrives sorted by given columns (IsSorted metadata), for Merge and Merge
 * Join.
 */
public final class SortedInputs {

  private SortedInputs() {}

  /**
   * The sort keys of {@code input} on {@code columns}, in that order and ascending.
   *
   * @throws PlanningException when the input is not sorted so
   */
  public static List<SortKey> require(RowSchema input, List<String> columns, String which) {
    List<SortKey> keys = new ArrayList<>();
    for (String name : columns) {
      keys.add(new SortKey(input.indexOf(name), false));
    }
    if (!input.isSortedBy(keys)) {
      throw new PlanningException(
          which
              + " is not sorted by "
              + columns
              + "; put a Sort before it, or declare 'sortedBy'"
              + " on a source whose rows already come in that order");
    }
    return keys;
  }

  /** The names of the columns an input is sorted by. */
  public static List<String> names(RowSchema input) {
    return input.sortedBy().stream().map(k -> input.column(k.column()).name()).toList();
  }
}
