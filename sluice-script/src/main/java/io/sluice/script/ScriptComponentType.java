package io.sluice.script;

import io.sluice.api.PluginException;
import io.sluice.api.component.ComponentKind;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentType;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.plugin.PluginComponentType;
import io.sluice.engine.project.Problem;
import io.sluice.engine.project.SourceLocation;
import io.sluice.engine.project.StructureCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Script Component among the built-in data-flow components (META-INF/services): one type name
 * for SSIS's three roles, each the SDK plugin of that kind. The role is {@code role:} when written,
 * else source without an input and transformation with one. Validation compiles the script (never
 * loads it) and places each compile error at its line and column, as for the Script task; a script
 * that extends {@code UserComponent} is compiled with its typed buffers ({@link TypedBuffers}) made
 * from the declared columns and outputs.
 */
public final class ScriptComponentType implements ComponentType {

  private final PluginComponentType source =
      PluginComponentType.of(new ScriptComponentPlugin(ComponentKind.SOURCE));
  private final PluginComponentType transformation =
      PluginComponentType.of(new ScriptComponentPlugin(ComponentKind.TRANSFORMATION));
  private final PluginComponentType destination =
      PluginComponentType.of(new ScriptComponentPlugin(ComponentKind.DESTINATION));

  @Override
  public String name() {
    return ScriptComponentPlugin.NAME;
  }

  @Override
  public int minInputs() {
    return 0;
  }

  @Override
  public int maxInputs() {
    return 1;
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of(
            ScriptTaskPlugin.SOURCE,
            ScriptTaskPlugin.FILE,
            ScriptTaskPlugin.READ_ONLY,
            ScriptTaskPlugin.READ_WRITE,
            ScriptComponentPlugin.OUTPUT_COLUMNS,
            ScriptComponentPlugin.OUTPUTS,
            ScriptComponentPlugin.ROLE,
            "onError")
        .withItems(ScriptComponentPlugin.OUTPUT_COLUMNS, "name", "type")
        .withItems(ScriptComponentPlugin.OUTPUTS, "name", "columns", "synchronous");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    String role = spec.settings().string(ScriptComponentPlugin.ROLE, null);
    boolean input = !spec.inputs().isEmpty();
    PluginComponentType type;
    if (role == null) {
      type = input ? transformation : source;
    } else {
      type =
          switch (role.trim().toLowerCase(Locale.ROOT)) {
            case "source" -> source;
            case "transformation" -> transformation;
            case "destination" -> destination;
            default ->
                throw new PlanningException(
                    "'role' must be source, transformation or destination, not '" + role + "'");
          };
    }
    if ((type == source) == input) {
      throw new PlanningException(
          type == source
              ? "a Script Component source takes no input; remove 'input' or set another role"
              : "a Script Component " + role + " needs an input; add 'input'");
    }
    if (type != transformation && spec.settings().raw("onError") != null) {
      throw new PlanningException(
          "only a Script Component transformation takes 'onError' (its rows can be redirected)");
    }
    return type.plan(spec, context);
  }

  @Override
  public List<Problem> problems(Map<String, Object> settings, StructureCheck.Written written) {
    List<Problem> problems = new ArrayList<>();
    if ((settings.get(ScriptTaskPlugin.SOURCE) == null)
        == (settings.get(ScriptTaskPlugin.FILE) == null)) {
      SourceLocation at = written.textStart("type");
      problems.add(
          new Problem(
              written.file(),
              at == null ? 0 : at.line(),
              at == null ? 0 : at.column(),
              "a Script Component takes its Java as exactly one of 'source' (inline) or 'file'"
                  + " (a .java file of the project)"));
      return problems;
    }
    problems.addAll(
        ScriptStructureCheck.compileProblems(
            settings, written, source -> typedBuffers(source, settings)));
    return problems;
  }

  /**
   * The typed buffers for validation, from what the settings declare: the role ({@code role:}, or
   * all roles' buffers at once when not written), {@code outputColumns} and {@code outputs}. The
   * input's columns are not known here; declarations planning refuses give no buffers.
   */
  private static Map<String, String> typedBuffers(String source, Map<String, Object> settings) {
    if (!TypedBuffers.wanted(source)) {
      return Map.of();
    }
    ComponentKind kind =
        settings.get(ScriptComponentPlugin.ROLE) instanceof String role
            ? ComponentKind.ofWord(role.trim())
            : null;
    List<ComponentShape.Col> outputColumns = new ArrayList<>();
    List<ComponentShape.Out> outputs = new ArrayList<>();
    try {
      for (ScriptComponentPlugin.Declared d :
          ScriptComponentPlugin.declaredColumns(
              list(settings.get(ScriptComponentPlugin.OUTPUT_COLUMNS)),
              ScriptComponentPlugin.OUTPUT_COLUMNS)) {
        outputColumns.add(d.col());
      }
      for (ScriptComponentPlugin.DeclaredOutput o :
          ScriptComponentPlugin.declaredOutputs(
              list(settings.get(ScriptComponentPlugin.OUTPUTS)))) {
        outputs.add(
            new ComponentShape.Out(
                o.name(),
                o.synchronous(),
                o.columns().stream().map(ScriptComponentPlugin.Declared::col).toList()));
      }
    } catch (PluginException e) {
      return Map.of(); // reported when the flow is planned, with the component's name
    }
    return TypedBuffers.generate(
        source, new ComponentShape(kind, false, List.of(), outputColumns, outputs));
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}
