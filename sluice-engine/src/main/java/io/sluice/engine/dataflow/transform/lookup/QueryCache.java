package io.sluice.engine.dataflow.transform.lookup;

import io.sluice.engine.dataflow.jdbc.JdbcTypes;
import io.sluice.engine.dataflow.jdbc.TableName;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.spill.RowSizes;
import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SSIS's Partial cache and No cache: the reference rows of keys the input actually carries are
 * asked for as rows arrive, with the reference query wrapped as {@code SELECT * FROM (query) ref
 * WHERE key IN (?, ?, ...)} (one {@code ?} per join column, OR-ed for a composite key).
 *
 * <p>SSIS sends one parameterised statement per row that misses. Here each buffer's distinct keys
 * that are not cached are sent {@value #KEYS_PER_STATEMENT} to a statement (the last statement of a
 * buffer repeats its first key to fill the rest), so one prepared statement serves the whole run
 * and a 10,000-row buffer costs a round trip per 50 new keys rather than one per row. On the
 * currency-rates flow (LookupCacheMeasure) the partial cache runs as fast as the full cache.
 *
 * <p>Partial cache keeps what it read in an LRU of {@code cacheSizeMb} (estimated sizes, as SSIS's
 * cache size is an estimate too) and, with {@code missCache}, remembers keys without a row so they
 * are not asked again (SSIS's "Enable cache for rows with no matching entries"). No cache keeps
 * nothing beyond the buffer being matched.
 */
final class QueryCache implements LookupCache {

  static final int KEYS_PER_STATEMENT = 50;

  /** The cached answer "no reference row" (with {@code missCache}). */
  private static final Object[] MISS = new Object[0];

  private final LookupType.Plan plan;
  private final RowSchema input;
  private final ReferenceRows reader;
  private final Connection connection;
  private final PreparedStatement statement;
  private final Lru lru;
  private final boolean missCache;
  private final Map<Object, Object[]> current = new HashMap<>();
  private long hits;
  private long queried;
  private long statements;
  private long duplicates;

  QueryCache(LookupType.Plan plan, RowSchema input, long cacheBytes, boolean missCache)
      throws SQLException {
    this.plan = plan;
    this.input = input;
    this.reader = new ReferenceRows(plan, input);
    this.lru = cacheBytes > 0 ? new Lru(cacheBytes) : null;
    this.missCache = missCache && lru != null;
    this.connection = plan.connector().open();
    try {
      this.statement = connection.prepareStatement(keyQuery(plan));
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** The reference query restricted to {@value #KEYS_PER_STATEMENT} keys. */
  static String keyQuery(LookupType.Plan plan) {
    RowSchema reference = plan.reference();
    List<String> keyColumns = new ArrayList<>();
    for (int k : plan.referenceKeys()) {
      keyColumns.add("sluice_ref." + TableName.quote(reference.column(k).name()));
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM (").append(plan.sql());
    sql.append(") sluice_ref WHERE ");
    if (keyColumns.size() == 1) {
      sql.append(keyColumns.get(0)).append(" IN (");
      sql.append("?, ".repeat(KEYS_PER_STATEMENT - 1)).append("?)");
    } else {
      String one = "(" + String.join(" = ? AND ", keyColumns) + " = ?)";
      for (int i = 0; i < KEYS_PER_STATEMENT; i++) {
        sql.append(i == 0 ? "" : " OR ").append(one);
      }
    }
    return sql.toString();
  }

  @Override
  public void prepare(Collection<Object> keys) throws SQLException {
    current.clear();
    List<Object[]> missing = new ArrayList<>();
    List<Object> missingKeys = new ArrayList<>();
    for (Object key : keys) {
      Object[] cached = lru == null ? null : lru.get(key);
      if (cached != null) {
        hits++;
        current.put(key, cached);
        continue;
      }
      Object[] bound = bindable(key);
      if (bound == null) {
        current.put(key, MISS); // the reference column's type cannot hold it: no row can match
        continue;
      }
      missing.add(bound);
      missingKeys.add(key);
    }
    Map<Object, Object[]> found = new HashMap<>();
    for (int from = 0; from < missing.size(); from += KEYS_PER_STATEMENT) {
      List<Object[]> chunk =
          missing.subList(from, Math.min(missing.size(), from + KEYS_PER_STATEMENT));
      int p = 1;
      for (int i = 0; i < KEYS_PER_STATEMENT; i++) {
        for (Object value : chunk.get(i < chunk.size() ? i : 0)) {
          statement.setObject(p++, JdbcTypes.bindable(value));
        }
      }
      try (ResultSet rs = statement.executeQuery()) {
        duplicates += reader.read(rs, found);
      }
      statements++;
    }
    queried += missing.size();
    for (Object key : missingKeys) {
      Object[] row = found.get(key);
      current.put(key, row == null ? MISS : row);
      if (lru != null && (row != null || missCache)) {
        lru.put(key, row == null ? MISS : row);
      }
    }
  }

  /** The key's values in the reference columns' types, or null when one does not convert. */
  private Object[] bindable(Object key) {
    int[] inputKeys = plan.inputKeys();
    Object[] values = new Object[inputKeys.length];
    for (int k = 0; k < inputKeys.length; k++) {
      Object v = inputKeys.length == 1 ? key : ((List<?>) key).get(k);
      DataType from = input.column(inputKeys[k]).type();
      DataType to = plan.reference().column(plan.referenceKeys()[k]).type();
      try {
        values[k] = ValueConverter.convert(v, from, to);
      } catch (DataConversionException e) {
        return null;
      }
      if (values[k] == null) {
        return null;
      }
    }
    return values;
  }

  @Override
  public Object[] get(Object key) {
    Object[] row = current.get(key);
    return row == MISS ? null : row;
  }

  @Override
  public String summary() {
    String mode = lru == null ? "no cache" : "partial cache";
    return "Lookup ("
        + mode
        + "): "
        + hits
        + " keys found in the cache, "
        + queried
        + " asked of the database in "
        + statements
        + " statements"
        + (lru == null ? "" : "; " + lru.size() + " keys cached at the end")
        + (duplicates == 0 ? "." : "; " + duplicates + " reference rows repeated a key.");
  }

  @Override
  public void close() throws SQLException {
    try (connection) {
      statement.close();
    }
  }

  /** Least recently used entries go first once the estimated bytes pass the limit. */
  private static final class Lru extends LinkedHashMap<Object, Object[]> {
    private final long limit;
    private long bytes;

    Lru(long limit) {
      super(1024, 0.75f, true);
      this.limit = limit;
    }

    @Override
    public Object[] put(Object key, Object[] value) {
      Object[] old = super.put(key, value);
      bytes += entry(key, value) - (old == null ? 0 : entry(key, old));
      var it = entrySet().iterator();
      while (bytes > limit && size() > 1 && it.hasNext()) {
        var eldest = it.next();
        bytes -= entry(eldest.getKey(), eldest.getValue());
        it.remove();
      }
      return old;
    }

    /** The entry's estimated heap bytes: the map's entry, the key and the values. */
    private static long entry(Object key, Object[] values) {
      Object[] keyValues = key instanceof List<?> list ? list.toArray() : new Object[] {key};
      return 48 + RowSizes.of(keyValues) + RowSizes.of(values);
    }
  }
}
