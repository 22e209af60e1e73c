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
 * returns a {@link ScriptComponentRuntime}, which compiles and runs the Java where the flow runs.
 * Planning never compiles or loads the script: a flow is planned when a package is validated.
 */
final class ScriptComponentPlugin implements ComponentPlugin {

  static final String NAME = "ScriptComponent";
  static final String ROLE = "role";
  static final String OUTPUT_COLUMNS = "outputColumns";

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
    List<String> names = new ArrayList<>();
    List<ColumnType> types = new ArrayList<>();
    for (ColumnInfo c : setup.inputColumns()) {
      names.add(c.name());
      types.add(c.type());
    }
    List<Object> declared = settings.list(OUTPUT_COLUMNS);
    if (!declared.isEmpty() && kind == ComponentKind.DESTINATION) {
      throw new PluginException(
          "a Script Component destination has no output for 'outputColumns'",
          "remove 'outputColumns', or make it a transformation");
    }
    for (Object item : declared) {
      if (!(item instanceof Map<?, ?> column)
          || !(column.get("name") instanceof String name)
          || !(column.get("type") instanceof String type)) {
        throw new PluginException(
            "each item of 'outputColumns' must be a mapping with 'name' and 'type'",
            "write e.g. {name: Label, type: \"DT_WSTR(50)\"}");
      }
      DataType dataType;
      try {
        dataType = DataTypes.parse(type, "output column '" + name + "'");
      } catch (PlanningException e) {
        throw new PluginException(e.getMessage(), null, e);
      }
      ((SsisColumns) setup).addOutputColumn(name, dataType);
      names.add(name);
      types.add(columnType(dataType));
    }
    String fileName =
        settings.has(ScriptTaskPlugin.SOURCE)
            ? ScriptTaskPlugin.INLINE_FILE
            : settings.text(ScriptTaskPlugin.FILE);
    String inline =
        settings.has(ScriptTaskPlugin.SOURCE) ? settings.text(ScriptTaskPlugin.SOURCE) : null;
    return new ScriptComponentRuntime(
        kind,
        setup.componentName(),
        fileName,
        inline,
        new Columns(names, types),
        readOnly,
        readWrite);
  }

  private static void exists(ComponentSetup setup, String name) {
    if (!setup.variables().exists(name)) {
      throw new PluginException(
          "the script declares variable " + name + ", which does not exist",
          "declare it in the package's variables, or correct the name");
    }
  }

  /** The SDK type carrying the values of an SSIS type. */
  private static ColumnType columnType(DataType type) {
    Class<?> java = type.kind().javaType();
    for (ColumnType c : ColumnType.values()) {
      if (c.javaType() == java) {
        return c;
      }
    }
    throw new IllegalStateException("no column type carries " + java.getName());
  }
}
