package io.sluice.engine.dataflow.transform.lookup;

import io.sluice.engine.dataflow.jdbc.JdbcTypes;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads reference rows of the Lookup's query into a map from key (converted to the input columns'
 * types, so that an input row's values find it) to the returned columns. Every cache mode reads its
 * rows here, so they all match the same way.
 */
final class ReferenceRows {

  private final LookupType.Plan plan;
  private final RowSchema input;

  ReferenceRows(LookupType.Plan plan, RowSchema input) {
    this.plan = plan;
    this.input = input;
  }

  /**
   * Adds the result set's rows to {@code into}; a repeated key keeps its first row. Returns how
   * many rows repeated a key.
   */
  int read(ResultSet rs, Map<Object, Object[]> into) throws SQLException {
    RowSchema reference = plan.reference();
    int[] refKeys = plan.referenceKeys();
    int duplicates = 0;
    while (rs.next()) {
      Object[] keyValues = new Object[refKeys.length];
      boolean hasNull = false;
      for (int k = 0; k < refKeys.length; k++) {
        DataType from = reference.column(refKeys[k]).type();
        DataType to = input.column(plan.inputKeys()[k]).type();
        Object v = JdbcTypes.read(rs, refKeys[k] + 1, from);
        try {
          keyValues[k] = ValueConverter.convert(v, from, to);
        } catch (DataConversionException e) {
          hasNull = true; // a reference key that the input's type cannot hold matches nothing
        }
        hasNull |= keyValues[k] == null;
      }
      if (hasNull) {
        continue;
      }
      Object[] values = new Object[plan.returned().length];
      for (int a = 0; a < values.length; a++) {
        int column = plan.returned()[a];
        values[a] = JdbcTypes.read(rs, column + 1, reference.column(column).type());
      }
      Object key = refKeys.length == 1 ? keyValues[0] : Arrays.asList(keyValues);
      if (into.putIfAbsent(key, values) != null) {
        duplicates++;
      }
    }
    return duplicates;
  }
}
