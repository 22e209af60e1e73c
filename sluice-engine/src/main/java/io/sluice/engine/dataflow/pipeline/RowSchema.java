package io.sluice.engine.dataflow.pipeline;

import io.sluice.engine.project.InvisibleCharacters;
import io.sluice.engine.project.ObjectNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of the rows on a path (column i of the schema is column i of every buffer) and, when
 * known, the order the rows arrive in (SSIS's IsSorted/SortKeyPosition).
 */
public record RowSchema(List<Column> columns, List<SortKey> sortedBy) {

  public RowSchema {
    columns = List.copyOf(columns);
    sortedBy = List.copyOf(sortedBy);
  }

  public static RowSchema of(List<Column> columns) {
    return new RowSchema(columns, List.of());
  }

  public int width() {
    return columns.size();
  }

  public Column column(int index) {
    return columns.get(index);
  }

  /** Column names match case-insensitively, as in SSIS expressions. */
  public Optional<Integer> find(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The index of a column, or a planning error listing the columns there are. */
  public int indexOf(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new PlanningException(
                    "column '" + name + "' does not exist; the input has " + names()));
  }

  public String names() {
    return columns.stream().map(Column::name).collect(Collectors.joining(", ", "[", "]"));
  }

  /** This schema plus columns appended at the end (Derived Column, Lookup, Data Conversion). */
  public RowSchema plus(List<Column> added) {
    List<Column> all = new ArrayList<>(columns);
    for (Column c : added) {
      InvisibleCharacters.problem("column name", c.name())
          .ifPresent(
              why -> {
                throw new PlanningException(why + "; " + ObjectNames.INVISIBLE_HINT);
              });
      if (find(c.name()).isPresent()) {
        throw new PlanningException(
            "column '" + c.name() + "' already exists; choose another name or replace it");
      }
      all.add(c);
    }
    return new RowSchema(all, sortedBy);
  }

  public RowSchema withColumn(int index, Column column) {
    List<Column> all = new ArrayList<>(columns);
    all.set(index, column);
    return new RowSchema(all, sortedBy);
  }

  public RowSchema withSortedBy(List<SortKey> keys) {
    return new RowSchema(columns, keys);
  }

  public boolean isSortedBy(List<SortKey> keys) {
    return sortedBy.size() >= keys.size() && sortedBy.subList(0, keys.size()).equals(keys);
  }
}
