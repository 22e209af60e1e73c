package io.sluice.engine.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code \Package\Container\Task.Properties[P]}: a task's {@code Disable}, or one of its settings
 * by its Sluice or SSIS name ({@code SqlStatementSource}, {@code MaximumErrorCount}, ...); and
 * {@code \Package\Loop.ForEachEnumerator.Properties[Directory]}: a Foreach loop's enumerator
 * setting by its SSIS name ({@code Directory}, {@code FileSpec}, {@code Recurse}) or its Sluice
 * name (an imported package keeps the folder of the old estate there, as Lesson2.dtsx does). The
 * path walks down the containers; the changed task replaces the old one at every level above it.
 */
final class TaskOverrides {

  /** SSIS's names of settings whose Sluice names differ by more than case. */
  private static final Map<String, String> ALIASES =
      Map.of("sqlstatementsource", "statement", "disable", "disabled");

  /** The SSIS names of the Foreach File enumerator's properties, by their Sluice settings. */
  private static final Map<String, String> ENUMERATOR_ALIASES =
      Map.of("directory", "folder", "filespec", "files", "recurse", "recursive");

  private TaskOverrides() {}

  static void apply(OverrideState s, PropertyOverride o, PropertyPath p) {
    if (p.property() == null) {
      throw PropertyPath.bad(
          o.path(), "it names a task but no property; e.g. " + o.path() + ".Properties[Disable]");
    }
    s.pkg =
        s.pkg.withTasks(
            replace(
                s,
                o,
                s.pkg.tasks(),
                p.containers(),
                0,
                task -> p.enumerator() ? setOnEnumerator(s, o, p, task) : set(s, o, p, task)));
  }

  private static List<TaskDefinition> replace(
      OverrideState s,
      PropertyOverride o,
      List<TaskDefinition> level,
      List<String> names,
      int depth,
      UnaryOperator<TaskDefinition> change) {
    String name = names.get(depth);
    TaskDefinition t =
        OverrideValues.named(
            o,
            level,
            TaskDefinition::name,
            name,
            () ->
                "there is no task '"
                    + name
                    + "' in "
                    + (depth == 0
                        ? "package " + s.pkg.name()
                        : "\\Package\\" + String.join("\\", names.subList(0, depth)))
                    + "; its tasks there: ");
    TaskDefinition changed =
        depth == names.size() - 1
            ? change.apply(t)
            : t.withTasks(replace(s, o, t.tasks(), names, depth + 1, change));
    List<TaskDefinition> list = new ArrayList<>(level);
    list.replaceAll(x -> x == t ? changed : x);
    return list;
  }

  private static TaskDefinition set(
      OverrideState s, PropertyOverride o, PropertyPath p, TaskDefinition t) {
    String lower = p.property().toLowerCase(Locale.ROOT);
    String alias = ALIASES.getOrDefault(lower, lower);
    if (alias.equals("disabled")) {
      return t.withDisabled(OverrideValues.bool(o, p.property()));
    }
    Settings settings = KnownTypes.TASKS.get(t.type());
    List<String> all = new ArrayList<>();
    if (settings != null) {
      all.addAll(settings.keys);
      all.addAll(settings.checkedElsewhere);
      all.addAll(settings.wholeNumbers.keySet());
      all.addAll(settings.booleans);
      all.addAll(settings.choices.keySet());
    }
    String setting =
        settingNamed(o, p, alias, all, "task '" + t.name() + "' (" + t.type() + ")", "Disable, ");
    StructureCheck check = KnownTypes.TASK_CHECKS.get(t.type());
    if (check != null && check.fixedSettings().contains(setting)) {
      throw PropertyPath.bad(
          o.path(),
          "the "
              + setting
              + " of task '"
              + t.name()
              + "' ("
              + t.type()
              + ") is part of the deployed project and cannot be overridden; deploy a new version"
              + " to change it");
    }
    Object value = OverrideValues.typed(o, settings, setting, t.properties());
    if (t.expressions().containsKey(setting)) {
      s.noteExpressionReplaces("task " + t.name(), setting, o, "");
    }
    Map<String, Object> properties = new LinkedHashMap<>(t.properties());
    properties.put(setting, value);
    return t.withProperties(properties);
  }

  /** A setting of a ForeachLoop's enumerator, checked against the enumerator's type. */
  @SuppressWarnings("unchecked")
  private static TaskDefinition setOnEnumerator(
      OverrideState s, PropertyOverride o, PropertyPath p, TaskDefinition t) {
    if (!t.type().equals("ForeachLoop") || !(t.properties().get("enumerator") instanceof Map)) {
      throw PropertyPath.bad(
          o.path(), "task '" + t.name() + "' (" + t.type() + ") is not a ForeachLoop");
    }
    Map<String, Object> enumerator =
        new LinkedHashMap<>((Map<String, Object>) t.properties().get("enumerator"));
    String kind = String.valueOf(enumerator.get("type"));
    Settings settings = KnownTypes.ENUMERATORS.get(kind);
    if (settings == null) {
      throw PropertyPath.bad(
          o.path(), "the enumerator of '" + t.name() + "' has no known type: " + kind);
    }
    String lower = p.property().toLowerCase(Locale.ROOT);
    String alias = ENUMERATOR_ALIASES.getOrDefault(lower, lower);
    List<String> all = new ArrayList<>(settings.keys);
    all.addAll(settings.booleans);
    all.addAll(settings.choices.keySet());
    all.remove("type");
    String setting =
        settingNamed(
            o,
            p,
            alias,
            all,
            "the " + kind + " enumerator of '" + t.name() + "'",
            kind.equals("file") ? "Directory, FileSpec, Recurse, " : "");
    Object value = OverrideValues.typed(o, settings, setting, enumerator);
    if (t.expressions().containsKey("enumerator." + setting)) {
      s.noteExpressionReplaces("task " + t.name(), "enumerator." + setting, o, "");
    }
    enumerator.put(setting, value);
    Map<String, Object> properties = new LinkedHashMap<>(t.properties());
    properties.put("enumerator", enumerator);
    return t.withProperties(properties);
  }

  /**
   * The one of {@code accepted} that {@code alias} names, case aside; else the override is refused
   * with what {@code owner} does accept ({@code alsoAccepted}, the names that reach it by an alias
   * or elsewhere, first).
   */
  private static String settingNamed(
      PropertyOverride o,
      PropertyPath p,
      String alias,
      List<String> accepted,
      String owner,
      String alsoAccepted) {
    return accepted.stream()
        .filter(k -> k.equalsIgnoreCase(alias))
        .findFirst()
        .orElseThrow(
            () ->
                PropertyPath.bad(
                    o.path(),
                    owner
                        + " has no property "
                        + p.property()
                        + " that Sluice can set; accepted: "
                        + alsoAccepted
                        + String.join(", ", accepted.stream().distinct().toList())));
  }
}
