package io.sluice.master.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Project archives by project version id. A version is immutable once deployed, so an archive never
 * goes stale; caching it spares the catalog a read of the whole archive on every assignment, which
 * the dispatch benchmark showed on the hot path. Bounded, least recently used first out.
 */
final class ArchiveCache {

  private final int capacity;
  private final Map<Long, byte[]> archives;

  ArchiveCache(int capacity) {
    this.capacity = capacity;
    this.archives = new LinkedHashMap<>(16, 0.75f, true);
  }

  byte[] get(long projectVersionId, Supplier<byte[]> load) {
    synchronized (archives) {
      byte[] cached = archives.get(projectVersionId);
      if (cached != null) {
        return cached;
      }
    }
    byte[] loaded = load.get(); // outside the lock: a slow read must not block other versions
    synchronized (archives) {
      archives.put(projectVersionId, loaded);
      if (archives.size() > capacity) {
        Long eldest = archives.keySet().iterator().next();
        archives.remove(eldest);
      }
    }
    return loaded;
  }
}
