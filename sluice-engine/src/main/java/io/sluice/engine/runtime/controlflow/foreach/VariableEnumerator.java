package io.sluice.engine.runtime.controlflow.foreach;

import io.sluice.engine.runtime.variable.RowSet;
import io.sluice.engine.runtime.variable.Variables;
import java.util.ArrayList;
import java.util.List;

/**
 * SSIS's Foreach ADO enumerator: the rows of a full result set held in an Object variable (or any
 * list held there, one item per element).
 */
record VariableEnumerator(String variable) implements ForeachEnumerator {

  @Override
  public List<List<Object>> items(Variables scope) {
    Object value = scope.get(variable);
    if (value == null) {
      return List.of();
    }
    if (value instanceof RowSet rows) {
      return rows.rows();
    }
    if (value instanceof List<?> list) {
      List<List<Object>> items = new ArrayList<>();
      for (Object element : list) {
        items.add(element instanceof List<?> l ? new ArrayList<>(l) : listOf(element));
      }
      return items;
    }
    throw new IllegalArgumentException(
        "variable "
            + variable
            + " holds a "
            + value.getClass().getSimpleName()
            + ", not a result set; fill it with an Execute SQL task whose resultSet is"
            + " fullResultSet");
  }

  private static List<Object> listOf(Object element) {
    List<Object> single = new ArrayList<>();
    single.add(element);
    return single;
  }
}
