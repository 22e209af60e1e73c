package io.sluice.catalog.database;

import java.lang.reflect.Array;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Rows to insert, bound as one array per column for a single {@code insert ... select from
 * unnest(cast(:names as text[]), ...)}: one statement for a whole batch instead of one per row (the
 * dispatch benchmark showed per-row statements as a large part of what a short execution costs).
 */
public final class ArrayColumns<T> {

  private final List<T> rows;
  private final Map<String, Object> arrays = new LinkedHashMap<>();

  public ArrayColumns(List<T> rows) {
    this.rows = rows;
  }

  /** The column {@code name}: {@code value} of every row, as an array of {@code type}. */
  public <V> ArrayColumns<T> column(
      String name, Class<V> type, Function<? super T, ? extends V> value) {
    @SuppressWarnings("unchecked")
    V[] array = (V[]) Array.newInstance(type, rows.size());
    for (int i = 0; i < array.length; i++) {
      array[i] = value.apply(rows.get(i));
    }
    arrays.put(name, array);
    return this;
  }

  /** A column of instants, as PostgreSQL reads a timestamptz (ISO-8601, UTC); null stays null. */
  public ArrayColumns<T> instants(String name, Function<? super T, Instant> value) {
    return column(
        name,
        String.class,
        row -> {
          Instant time = value.apply(row);
          return time == null ? null : time.toString();
        });
  }

  /** Binds every column to {@code statement} under its name. */
  public <S extends SqlStatement<S>> S bindTo(S statement) {
    arrays.forEach(statement::bind);
    return statement;
  }
}
