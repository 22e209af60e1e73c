package io.sluice.engine.dataflow.transform.lookup;

import java.sql.SQLException;
import java.util.Collection;

/**
 * Where a Lookup finds the reference row of a key: the full cache loaded once, or a partial / no
 * cache that asks the database for the keys of each buffer. Keys are the input's values (one value,
 * or a list for a composite key); a key without a row gives null.
 */
interface LookupCache extends AutoCloseable {

  /** Makes every key of the coming buffer answerable by {@link #get}; NULL keys are left out. */
  void prepare(Collection<Object> keys) throws SQLException;

  /** The returned columns of the key's reference row, or null when there is none. */
  Object[] get(Object key);

  /** What the cache did during the run, for the component's Information event at the end. */
  String summary();

  @Override
  default void close() throws SQLException {}
}
