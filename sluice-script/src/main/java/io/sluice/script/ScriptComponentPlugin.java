package io.sluice.script;

import io.sluice.api.PluginException;
import io.sluice.api.component.ColumnInfo;
import io.sluice.api.component.ColumnType;
import io.sluice.api.component.ComponentKind;
import io.sluice.api.component.ComponentPlugin;
import io.sluice.api.component.ComponentRuntime;
import io.sluice.api.component.ComponentSetup;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;
import io.sluice.engine.dataflow.pipeline.DataTypes;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.plugin.SsisColumns;
import io.sluice.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Script Component ({@code type: ScriptComponent}) in one of its roles, on the SDK: plans the
 * columns (the input's, then the declared {@code outputColumns} with their exact SSIS types) and
 * the declared {@code outputs} (asynchronous with their columns, or synchronous), and returns a
 * {@link ScriptComponentRuntime}, which compiles and runs the Java where the flow runs. Planning
 * never compiles or loads the script: a flow is planned when a package is validated.
 */
final class ScriptComponentPlugin implements ComponentPlugin {

  static final String NAME = "ScriptComponent";
  static final String ROLE = "role";
  static final String OUTPUT_COLUMNS = "outputColumns";
  static final String OUTPUTS = "outputs";

  private final ComponentKind kind;

  ScriptComponentPlugin(ComponentKind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ComponentKind kind() {
    return kind;
  }

  @Override
  public SettingsSchema settings() {
    return SettingsSchema.of(
        Setting.text(ScriptTaskPlugin.SOURCE).describedAs("The script's Java, inline"),
        Setting.text(ScriptTaskPlugin.FILE).describedAs("A .java file of the project"),
        Setting.list(ScriptTaskPlugin.READ_ONLY).describedAs("ReadOnlyVariables"),
        Setting.list(ScriptTaskPlugin.READ_WRITE).describedAs("ReadWriteVariables"),
        Setting.list(OUTPUT_COLUMNS).describedAs("Columns it adds: name and SSIS type"),
        Setting.list(OUTPUTS).describedAs("More outputs: name, columns, synchronous"),
        Setting.choice(ROLE, "source", "transformation", "destination")
            .describedAs("Source without input; transformation (the default with an input)"));
  }

  @Override
  public ComponentRuntime plan(ComponentSetup setup) {
    SettingValues settings = setup.settings();
    if (settings.has(ScriptTaskPlugin.SOURCE) == settings.has(ScriptTaskPlugin.FILE)) {
      throw new PluginException(
          "a Script Component takes its Java as exactly one of 'source' or 'file'",
          "write the Java inline under 'source: |', or name a .java file of the project");
    }
    List<String> readOnly = ScriptTaskPlugin.names(settings.list(ScriptTaskPlugin.READ_ONLY));
    List<String> readWrite = ScriptTaskPlugin.names(settings.list(ScriptTaskPlugin.READ_WRITE));
    for (String name : readOnly) {
      exists(setup, name);
    }
    for (String name : readWrite) {
      exists(setup, name);
    }
    List<ComponentShape.Col> input = new ArrayList<>();
    for (ColumnInfo c : setup.inputColumns()) {
      input.add(ComponentShape.Col.of(c.name(), c.type(), c.ssisType()));
    }
    List<Declared> declared = declaredColumns(settings.list(OUTPUT_COLUMNS), OUTPUT_COLUMNS);
    if (!declared.isEmpty() && kind == ComponentKind.DESTINATION) {
      throw new PluginException(
          "a Script Component destination has no output for 'outputColumns'",
          "remove 'outputColumns', or make it a transformation");
    }
    SsisColumns ssis = (SsisColumns) setup;
    List<ComponentShape.Col> outputColumns = new ArrayList<>();
    for (Declared d : declared) {
      ssis.addOutputColumn(d.name(), d.type());
      outputColumns.add(d.col());
    }
    List<DeclaredOutput> declaredOutputs = declaredOutputs(settings.list(OUTPUTS));
    if (!declaredOutputs.isEmpty() && kind == ComponentKind.DESTINATION) {
      throw new PluginException(
          "a Script Component destination has no outputs", "remove 'outputs'");
    }
    List<ComponentShape.Out> outputs = new ArrayList<>();
    for (DeclaredOutput o : declaredOutputs) {
      int number = setup.addOutput(o.name(), o.synchronous());
      List<ComponentShape.Col> columns = new ArrayList<>();
      for (Declared d : o.columns()) {
        ssis.addOutputColumn(number, d.name(), d.type());
        columns.add(d.col());
      }
      outputs.add(new ComponentShape.Out(o.name(), o.synchronous(), List.copyOf(columns)));
    }
    String fileName =
        settings.has(ScriptTaskPlugin.SOURCE)
            ? ScriptTaskPlugin.INLINE_FILE
            : settings.text(ScriptTaskPlugin.FILE);
    String inline =
        settings.has(ScriptTaskPlugin.SOURCE) ? settings.text(ScriptTaskPlugin.SOURCE) : null;
    return new ScriptComponentRuntime(
        setup.componentName(),
        fileName,
        inline,
        new ComponentShape(kind, true, List.copyOf(input), outputColumns, outputs),
        readOnly,
        readWrite);
  }

  /** A column of {@code outputColumns} or of an output's {@code columns}. */
  record Declared(String name, DataType type) {
    ComponentShape.Col col() {
      return ComponentShape.Col.of(name, columnType(type), type.toString());
    }
  }

  /** An item of {@code outputs}. */
  record DeclaredOutput(String name, boolean synchronous, List<Declared> columns) {}

  /** The columns of a list setting, each {@code {name, type}}; refuses other shapes. */
  static List<Declared> declaredColumns(List<?> items, String what) {
    List<Declared> columns = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> column)
          || !(column.get("name") instanceof String name)
          || !(column.get("type") instanceof String type)) {
        throw new PluginException(
            "each item of '" + what + "' must be a mapping with 'name' and 'type'",
            "write e.g. {name: Label, type: \"DT_WSTR(50)\"}");
      }
      try {
        columns.add(new Declared(name, DataTypes.parse(type, "output column '" + name + "'")));
      } catch (PlanningException e) {
        throw new PluginException(e.getMessage(), null, e);
      }
    }
    return columns;
  }

  /** The items of {@code outputs}: asynchronous unless {@code synchronous: true}. */
  static List<DeclaredOutput> declaredOutputs(List<?> items) {
    List<DeclaredOutput> outputs = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof Map<?, ?> output) || !(output.get("name") instanceof String name)) {
        throw new PluginException(
            "each item of 'outputs' must be a mapping with 'name' (and 'columns', 'synchronous')",
            "write e.g. {name: Rejects, columns: [{name: Reason, type: 'DT_WSTR,100'}]}");
      }
      Object sync = output.get("synchronous");
      if (sync != null && !(sync instanceof Boolean)) {
        throw new PluginException(
            "'synchronous' of output '" + name + "' must be true or false, not '" + sync + "'");
      }
      boolean synchronous = Boolean.TRUE.equals(sync);
      Object columns = output.get("columns");
      if (columns != null && !(columns instanceof List<?>)) {
        throw new PluginException(
            "'columns' of output '" + name + "' must be a list of {name, type}");
      }
      List<Declared> declared =
          declaredColumns(
              columns == null ? List.of() : (List<?>) columns, "columns' of output '" + name);
      if (synchronous && !declared.isEmpty()) {
        throw new PluginException(
            "output '"
                + name
                + "' is synchronous: it carries the input's columns and 'outputColumns', and"
                + " has no 'columns' of its own",
            "declare the added columns in 'outputColumns', or make the output asynchronous");
      }
      outputs.add(new DeclaredOutput(name, synchronous, declared));
    }
    return outputs;
  }

  private static void exists(ComponentSetup setup, String name) {
    if (!setup.variables().exists(name)) {
      throw new PluginException(
          "the script declares variable " + name + ", which does not exist",
          "declare it in the package's variables, or correct the name");
    }
  }

  /** The SDK type carrying the values of an SSIS type. */
  static ColumnType columnType(DataType type) {
    Class<?> java = type.kind().javaType();
    for (ColumnType c : ColumnType.values()) {
      if (c.javaType() == java) {
        return c;
      }
    }
    throw new IllegalStateException("no column type carries " + java.getName());
  }
}
