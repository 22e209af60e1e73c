package io.sluice.engine.dataflow.transform.lookup;

import io.sluice.engine.dataflow.pipeline.ComponentIo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** SSIS's Full cache: the whole reference query is read once, before the first row. */
final class FullCache implements LookupCache {

  private final Map<Object, Object[]> rows;
  private long hits;
  private long misses;

  private FullCache(Map<Object, Object[]> rows) {
    this.rows = rows;
  }

  static FullCache load(LookupType.Plan plan, ReferenceRows reader, ComponentIo io)
      throws SQLException {
    Map<Object, Object[]> rows = new HashMap<>();
    int duplicates;
    try (Connection connection = plan.connector().open();
        PreparedStatement statement = connection.prepareStatement(plan.sql());
        ResultSet rs = statement.executeQuery()) {
      duplicates = reader.read(rs, rows);
    }
    io.information("The Lookup cached " + rows.size() + " rows.");
    if (duplicates > 0) {
      io.warning(duplicates + " reference rows repeat a key; the Lookup uses the first of each.");
    }
    return new FullCache(rows);
  }

  /** A cache that is already filled (a cache connection's rows). */
  static FullCache of(Map<Object, Object[]> rows) {
    return new FullCache(rows);
  }

  @Override
  public void prepare(Collection<Object> keys) {}

  @Override
  public Object[] get(Object key) {
    Object[] found = rows.get(key);
    if (found == null) {
      misses++;
    } else {
      hits++;
    }
    return found;
  }

  @Override
  public String summary() {
    return "Lookup (full cache): " + hits + " rows found in the cache, " + misses + " not.";
  }
}
