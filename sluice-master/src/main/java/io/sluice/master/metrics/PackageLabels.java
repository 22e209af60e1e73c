package io.sluice.master.metrics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code folder}, {@code project} and {@code package} label values of a package, bounded. Names
 * are user data: a catalog with thousands of packages (or names generated per run) would give
 * Prometheus thousands of histogram series, each a dozen buckets, and the master the memory to keep
 * them. So the first {@code limit} packages this master sees get labels of their own, for the life
 * of the process; every later one is counted under {@link #OTHER}. Values are cut to {@link
 * #MAX_LENGTH} characters, so one long name cannot bloat every scrape.
 */
final class PackageLabels {

  /** The label value of every package past the limit. */
  static final String OTHER = "_other";

  static final int MAX_LENGTH = 128;

  private static final List<String> OVERFLOW = List.of(OTHER, OTHER, OTHER);

  private final int limit;
  private final Set<List<String>> known = ConcurrentHashMap.newKeySet();

  PackageLabels(int limit) {
    this.limit = limit;
  }

  /** folder, project, package: the package's own names, or {@link #OTHER} three times. */
  List<String> of(String folder, String project, String packageName) {
    List<String> names = List.of(cut(folder), cut(project), cut(packageName));
    if (known.contains(names)) {
      return names;
    }
    synchronized (known) {
      if (known.size() < limit) {
        known.add(names);
        return names;
      }
    }
    return known.contains(names) ? names : OVERFLOW;
  }

  private static String cut(String name) {
    return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
  }
}
