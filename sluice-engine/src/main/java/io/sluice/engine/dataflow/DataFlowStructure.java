package io.sluice.engine.dataflow;

import io.sluice.api.text.Articles;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentSpec.InputRef;
import io.sluice.engine.dataflow.pipeline.ComponentType;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What can be checked of a Data Flow task without a connection, a file or an input schema: its own
 * settings, the components list, names, types, how many inputs each takes, that every path comes
 * from a component of the flow and that paths form no cycle. The planner runs it first; the project
 * parser runs it at deploy time (through {@link DataFlowStructureCheck}), so both judge a data flow
 * by the same rules. Every problem is collected, not just the first.
 */
public final class DataFlowStructure {

  public static final String COMPONENTS = "components";
  public static final String BUFFER_ROWS = "bufferRows";
  public static final String BUFFERS_PER_PATH = "buffersPerPath";

  /** Heap for the Sort and Aggregate components of the flow, in MiB; read by the task runtime. */
  public static final String MEMORY_BUDGET_MB = "memoryBudgetMb";

  /**
   * SSIS DelayValidation: plan when the task runs instead of at validation, for flows whose tables
   * an earlier task creates or whose file a loop picks. Read by the task runtime.
   */
  public static final String DELAY_VALIDATION = "delayValidation";

  /** Every setting of a DataFlow task besides the ones all executables have. */
  public static final Set<String> TASK_SETTINGS =
      Set.copyOf(
          List.of(COMPONENTS, BUFFER_ROWS, BUFFERS_PER_PATH, MEMORY_BUDGET_MB, DELAY_VALIDATION));

  private DataFlowStructure() {}

  /**
   * One problem.
   *
   * @param position 1-based position in the components list; 0 for the task's own settings
   * @param component the component's name and type when it has them, else null
   * @param path where in the component the problem is written: setting names and 1-based list
   *     positions (e.g. {@code columns, 2, expresion}); empty for the component as a whole
   */
  public record Problem(
      int position, String component, String type, List<Object> path, String message) {

    public Problem(int position, String component, String type, String message) {
      this(position, component, type, List.of(), message);
    }

    static Problem ofTask(String message) {
      return new Problem(0, null, null, message);
    }
  }

  /** The task as read: its components (only those readable) and every problem found. */
  public record Structure(
      int bufferRows, int buffersPerPath, List<ComponentSpec> components, List<Problem> problems) {

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Structure read(Map<String, Object> taskSettings, ComponentRegistry registry) {
    Settings settings = new Settings(taskSettings, "");
    List<Problem> problems = new ArrayList<>();
    int bufferRows =
        (int) positive(settings, BUFFER_ROWS, DataFlowPlanner.DEFAULT_BUFFER_ROWS, problems);
    int buffersPerPath =
        (int)
            positive(
                settings, BUFFERS_PER_PATH, DataFlowPlanner.DEFAULT_BUFFERS_PER_PATH, problems);
    positive(settings, MEMORY_BUDGET_MB, 1, problems);
    try {
      settings.bool(DELAY_VALIDATION, false);
    } catch (PlanningException e) {
      problems.add(Problem.ofTask(e.getMessage()));
    }
    List<ComponentSpecs.Read> read = ComponentSpecs.read(settings, problems);
    checkComponents(read, registry, problems);
    return new Structure(
        bufferRows,
        buffersPerPath,
        read.stream().map(ComponentSpecs.Read::spec).toList(),
        List.copyOf(problems));
  }

  /**
   * An SSIS expression written in a component's settings.
   *
   * @param position 1-based position of the component in the components list
   * @param path where in the component: the list setting, the 1-based item, and the item's key
   */
  public record WrittenExpression(
      int position, String component, String type, List<Object> path, String text) {}

  /**
   * The expressions the components hold, where their types declare them ({@link
   * io.sluice.engine.dataflow.pipeline.SettingKeys#expressions()}); components that cannot be read
   * are left out (their problems come from {@link #read}).
   */
  public static List<WrittenExpression> expressions(
      Map<String, Object> taskSettings, ComponentRegistry registry) {
    List<WrittenExpression> found = new ArrayList<>();
    for (ComponentSpecs.Read r :
        ComponentSpecs.read(new Settings(taskSettings, ""), new ArrayList<>())) {
      ComponentSpec spec = r.spec();
      ComponentType type = registry.find(spec.type()).orElse(null);
      if (type == null) {
        continue;
      }
      for (SettingKeys.ExpressionSetting e : type.settingKeys().expressions()) {
        if (!(spec.settings().raw(e.list()) instanceof List<?> items)) {
          continue;
        }
        for (int i = 0; i < items.size(); i++) {
          Object item = items.get(i);
          Object text =
              e.itemKey() == null ? item : item instanceof Map<?, ?> m ? m.get(e.itemKey()) : null;
          if (text instanceof String expression) {
            List<Object> path =
                e.itemKey() == null
                    ? List.of(e.list(), i + 1)
                    : List.of(e.list(), i + 1, e.itemKey());
            found.add(
                new WrittenExpression(r.position(), spec.name(), spec.type(), path, expression));
          }
        }
      }
    }
    return found;
  }

  private static long positive(
      Settings settings, String key, long fallback, List<Problem> problems) {
    try {
      long value = settings.number(key, fallback);
      if (value <= 0) {
        problems.add(Problem.ofTask("setting '" + key + "' must be positive, not " + value));
        return fallback;
      }
      return value;
    } catch (PlanningException e) {
      problems.add(Problem.ofTask(e.getMessage()));
      return fallback;
    }
  }

  private static void checkComponents(
      List<ComponentSpecs.Read> read, ComponentRegistry registry, List<Problem> problems) {
    Map<String, ComponentSpecs.Read> byName = new LinkedHashMap<>();
    for (ComponentSpecs.Read r : read) {
      if (byName.putIfAbsent(key(r.spec().name()), r) != null) {
        problems.add(problem(r, "another component has the same name; names must be unique"));
      }
    }
    int before = problems.size();
    for (ComponentSpecs.Read r : read) {
      ComponentSpec spec = r.spec();
      ComponentType type = registry.find(spec.type()).orElse(null);
      if (type == null) {
        problems.add(
            problem(
                r,
                "unknown component type '"
                    + spec.type()
                    + "'; known types: "
                    + String.join(", ", registry.names())));
      } else {
        int n = spec.inputs().size();
        if (n < type.minInputs() || n > type.maxInputs()) {
          problems.add(problem(r, inputCountProblem(type, n)));
        }
      }
      for (InputRef ref : spec.inputs()) {
        if (!byName.containsKey(key(ref.component()))) {
          problems.add(
              problem(
                  r,
                  "its input comes from '"
                      + ref.component()
                      + "', which is not a component; components: "
                      + String.join(
                          ", ", byName.values().stream().map(c -> c.spec().name()).toList())));
        }
      }
      Set<InputRef> seen = new LinkedHashSet<>();
      for (InputRef ref : spec.inputs()) {
        InputRef normal =
            new InputRef(key(ref.component()), ref.output() == null ? null : key(ref.output()));
        if (!seen.add(normal)) {
          problems.add(problem(r, "it takes '" + ref + "' twice; an output feeds one path"));
        }
      }
    }
    if (problems.size() == before) {
      List<ComponentSpec> specs = read.stream().map(ComponentSpecs.Read::spec).toList();
      TopologicalOrder.firstInCycle(specs)
          .ifPresent(
              stuck ->
                  problems.add(
                      problem(
                          byName.get(key(stuck.name())),
                          "its inputs form a cycle; paths must flow from sources to"
                              + " destinations")));
    }
    // After the cycle check, which only runs on an otherwise sound graph: a typo is no reason to
    // leave a cycle unreported.
    for (ComponentSpecs.Read r : read) {
      ComponentSpec spec = r.spec();
      registry
          .find(spec.type())
          .ifPresent(
              type ->
                  UnknownSettings.find(spec, type.settingKeys())
                      .forEach(
                          u ->
                              problems.add(
                                  new Problem(
                                      r.position(),
                                      spec.name(),
                                      spec.type(),
                                      u.path(),
                                      u.message()))));
    }
  }

  static String inputCountProblem(ComponentType type, int n) {
    if (type.maxInputs() == 0) {
      return Articles.a(type.name()) + " is a source and takes no input";
    }
    return Articles.a(type.name())
        + " takes "
        + (type.minInputs() == type.maxInputs()
            ? String.valueOf(type.minInputs())
            : type.minInputs()
                + (type.maxInputs() == Integer.MAX_VALUE ? " or more" : " to " + type.maxInputs()))
        + " input(s), but "
        + n
        + " are given";
  }

  private static Problem problem(ComponentSpecs.Read r, String message) {
    return new Problem(r.position(), r.spec().name(), r.spec().type(), message);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
