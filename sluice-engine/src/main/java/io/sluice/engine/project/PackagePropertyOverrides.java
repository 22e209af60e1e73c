package io.sluice.engine.project;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code \Package.Properties[MaxConcurrentExecutables]}: the one package property Sluice sets. */
final class PackagePropertyOverrides {

  private PackagePropertyOverrides() {}

  static void apply(OverrideState s, PropertyOverride o, PropertyPath p) {
    if (p.property() == null || !p.property().equalsIgnoreCase("MaxConcurrentExecutables")) {
      throw PropertyPath.bad(
          o.path(),
          (p.property() == null ? "it names no property" : "Sluice cannot set " + p.property())
              + "; accepted: "
              + PropertyPath.FORMS);
    }
    long max = OverrideValues.wholeNumber(o, "MaxConcurrentExecutables", -1);
    if (max == 0) {
      throw PropertyPath.bad(o.path(), "must be -1 (processors + 2) or at least 1, not 0");
    }
    Map<String, Object> properties = new LinkedHashMap<>(s.pkg.properties());
    properties.put("maxConcurrentExecutables", max);
    s.pkg = s.pkg.withProperties(properties);
  }
}
