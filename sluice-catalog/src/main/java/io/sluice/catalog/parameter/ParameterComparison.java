package io.sluice.catalog.parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of two versions of a project side by side: what a deploy added, removed or changed
 * (its type, whether it is required or sensitive, its description, design default, server value or
 * environment reference). Sensitive values stay {@link ParameterInfo#MASK}ed on both sides, so a
 * change of a sensitive value itself shows only where it was set or cleared.
 *
 * @param parameters every parameter of either version, by object type, object and name
 */
public record ParameterComparison(int fromVersion, int toVersion, List<Difference> parameters) {

  public enum Change {
    ADDED,
    REMOVED,
    CHANGED,
    UNCHANGED
  }

  /**
   * @param changed the fields that differ ({@code dataType}, {@code required}, ...), empty unless
   *     CHANGED
   * @param from the parameter in the older version, null when ADDED
   * @param to the parameter in the newer version, null when REMOVED
   */
  public record Difference(
      ObjectType objectType,
      String objectName,
      String name,
      Change change,
      List<String> changed,
      ParameterInfo from,
      ParameterInfo to) {}

  /** Compares two versions' parameters (each list as {@link Parameters#list} gives one). */
  public static ParameterComparison of(
      int fromVersion, List<ParameterInfo> from, int toVersion, List<ParameterInfo> to) {
    Map<String, ParameterInfo> older = byKey(from);
    Map<String, ParameterInfo> newer = byKey(to);
    List<Difference> differences = new ArrayList<>();
    for (ParameterInfo o : from) {
      ParameterInfo n = newer.get(key(o));
      if (n == null) {
        differences.add(difference(o, Change.REMOVED, List.of(), o, null));
      } else {
        List<String> changed = changedFields(o, n);
        differences.add(
            difference(o, changed.isEmpty() ? Change.UNCHANGED : Change.CHANGED, changed, o, n));
      }
    }
    for (ParameterInfo n : to) {
      if (!older.containsKey(key(n))) {
        differences.add(difference(n, Change.ADDED, List.of(), null, n));
      }
    }
    differences.sort(
        java.util.Comparator.comparing((Difference d) -> d.objectType().ordinal())
            .thenComparing(Difference::objectName)
            .thenComparing(Difference::name));
    return new ParameterComparison(fromVersion, toVersion, List.copyOf(differences));
  }

  private static List<String> changedFields(ParameterInfo o, ParameterInfo n) {
    List<String> changed = new ArrayList<>();
    compare(changed, "dataType", o.dataType(), n.dataType());
    compare(changed, "required", o.required(), n.required());
    compare(changed, "sensitive", o.sensitive(), n.sensitive());
    compare(changed, "description", o.description(), n.description());
    compare(changed, "designDefault", o.designDefault(), n.designDefault());
    compare(changed, "serverValue", o.serverValue(), n.serverValue());
    compare(changed, "referencedVariable", o.referencedVariable(), n.referencedVariable());
    return List.copyOf(changed);
  }

  private static void compare(List<String> changed, String field, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      changed.add(field);
    }
  }

  private static Difference difference(
      ParameterInfo p, Change change, List<String> changed, ParameterInfo from, ParameterInfo to) {
    return new Difference(p.objectType(), p.objectName(), p.name(), change, changed, from, to);
  }

  private static Map<String, ParameterInfo> byKey(List<ParameterInfo> parameters) {
    Map<String, ParameterInfo> map = new LinkedHashMap<>();
    parameters.forEach(p -> map.put(key(p), p));
    return map;
  }

  private static String key(ParameterInfo p) {
    return p.objectType() + "\u0000" + p.objectName() + "\u0000" + p.name();
  }
}
