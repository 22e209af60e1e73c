package io.sluice.engine.plugin;

import io.sluice.api.PluginException;
import io.sluice.api.component.ColumnInfo;
import io.sluice.api.component.ColumnType;
import io.sluice.api.component.ComponentKind;
import io.sluice.api.component.ComponentPlugin;
import io.sluice.api.component.ComponentRuntime;
import io.sluice.api.component.ComponentSetup;
import io.sluice.api.context.Variables;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentType;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.project.PluginSchemas;
import io.sluice.engine.type.DataType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A plugin's data-flow component as the planner's {@link ComponentType}, in {@link
 * io.sluice.engine.dataflow.ComponentRegistry}'s XType + X shape: this type checks the settings
 * against the plugin's schema and plans; {@link PluginComponentRuntime} moves the rows. Built from
 * a descriptor alone (no plugin loaded) it only answers the structure questions deploy-time
 * validation asks: name, inputs and setting names.
 */
public final class PluginComponentType implements ComponentType {

  /** The common setting of transformations: what a {@code RowException} does. */
  static final String ON_ERROR = "onError";

  private final String name;
  private final ComponentKind kind;
  private final List<Setting> schema;
  private final Set<String> declared = new LinkedHashSet<>();
  private final ComponentPlugin plugin;

  private PluginComponentType(
      String name, ComponentKind kind, List<Setting> schema, ComponentPlugin plugin) {
    this.name = name;
    this.kind = kind;
    this.schema = schema;
    this.plugin = plugin;
    schema.forEach(s -> declared.add(s.name()));
  }

  /**
   * A loaded plugin, ready to plan and run; also how a component that ships inside Sluice but is
   * written on the SDK (the Script Component of sluice-script) becomes a {@link ComponentType}.
   */
  public static PluginComponentType of(ComponentPlugin plugin) {
    return new PluginComponentType(
        plugin.name(), plugin.kind(), plugin.settings().settings(), plugin);
  }

  /** A descriptor's component: structure only, for validating without loading the plugin. */
  public static PluginComponentType described(PluginSchemas.Type type) {
    return new PluginComponentType(type.name(), type.componentKind(), type.settings(), null);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int minInputs() {
    return kind == ComponentKind.SOURCE ? 0 : 1;
  }

  @Override
  public int maxInputs() {
    return minInputs();
  }

  @Override
  public SettingKeys settingKeys() {
    List<String> keys = new ArrayList<>(declared);
    if (kind == ComponentKind.TRANSFORMATION) {
      keys.add(ON_ERROR);
    }
    return SettingKeys.of(keys.toArray(String[]::new));
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    if (plugin == null) {
      throw new PlanningException(
          "the plugin component " + name + " is not loaded here; it is planned where it runs");
    }
    List<String> problems = SchemaCheck.problems(spec.settings().asMap(), schema);
    if (!problems.isEmpty()) {
      throw new PlanningException(String.join("; ", problems));
    }
    ErrorDisposition onError =
        kind == ComponentKind.TRANSFORMATION
            ? ErrorDisposition.parse(spec.settings().string(ON_ERROR, null))
            : ErrorDisposition.FAIL;
    RowSchema input = kind == ComponentKind.SOURCE ? RowSchema.of(List.of()) : context.input(0);
    Setup setup =
        new Setup(
            spec.name(),
            new PluginSettingValues(spec.settings().asMap(), declared),
            input,
            kind,
            new FlowVariables(context.environment(), false));
    ComponentRuntime runtime;
    try {
      runtime = plugin.plan(setup);
    } catch (PluginException e) {
      throw new PlanningException(Plugins.message(e), e);
    }
    if (runtime == null) {
      throw new PlanningException(name + " (plugin) returned no runtime from plan()");
    }
    RowSchema output = input.plus(setup.added);
    List<OutputPlan> outputs = new ArrayList<>();
    switch (kind) {
      case SOURCE -> outputs.add(new OutputPlan("Output", output));
      case TRANSFORMATION -> {
        outputs.add(new OutputPlan("Output", output));
        outputs.add(new OutputPlan("Error", RowErrors.errorSchema(input)));
      }
      case DESTINATION -> {}
    }
    // SDK output n > 0 is the planner's output n (a source) or n + 1 (after a transformation's
    // Error); synchronous outputs carry the rows of output 0, asynchronous ones their own columns.
    List<Boolean> synchronous = new ArrayList<>();
    synchronous.add(kind == ComponentKind.TRANSFORMATION);
    List<Integer> widths = new ArrayList<>();
    widths.add(output.width());
    for (Extra extra : setup.extras) {
      RowSchema schema = extra.synchronous ? output : RowSchema.of(extra.columns);
      outputs.add(new OutputPlan(extra.name, schema));
      synchronous.add(extra.synchronous);
      widths.add(schema.width());
    }
    return PlannedComponent.of(
        outputs,
        new PluginComponentRuntime(
            kind,
            runtime,
            spec.name(),
            input.width(),
            widths.stream().mapToInt(Integer::intValue).toArray(),
            synchronous,
            onError));
  }

  /** An output a plugin added besides output 0. */
  private static final class Extra {
    final String name;
    final boolean synchronous;
    final List<Column> columns = new ArrayList<>();

    Extra(String name, boolean synchronous) {
      this.name = name;
      this.synchronous = synchronous;
    }
  }

  /** What the plugin sees while planning; collects the columns it adds. */
  private static final class Setup implements ComponentSetup, SsisColumns {
    private final String componentName;
    private final SettingValues settings;
    private final RowSchema input;
    private final boolean destination;
    private final Variables variables;
    private final List<Column> added = new ArrayList<>();
    private final List<Extra> extras = new ArrayList<>();
    private final boolean source;

    Setup(
        String componentName,
        SettingValues settings,
        RowSchema input,
        ComponentKind kind,
        Variables variables) {
      this.componentName = componentName;
      this.settings = settings;
      this.input = input;
      this.destination = kind == ComponentKind.DESTINATION;
      this.variables = variables;
      this.source = kind == ComponentKind.SOURCE;
    }

    @Override
    public String componentName() {
      return componentName;
    }

    @Override
    public SettingValues settings() {
      return settings;
    }

    @Override
    public List<ColumnInfo> inputColumns() {
      return input.columns().stream()
          .map(c -> new ColumnInfo(c.name(), ColumnTypes.of(c.type()), c.type().toString()))
          .toList();
    }

    @Override
    public int inputColumn(String name) {
      return input
          .find(name)
          .orElseThrow(
              () ->
                  new PluginException(
                      "column '" + name + "' does not exist; the input has " + input.names()));
    }

    @Override
    public int addOutputColumn(String name, ColumnType type) {
      return addOutputColumn(name, ColumnTypes.toSsis(type));
    }

    @Override
    public int addOutputColumn(String name, DataType type) {
      if (destination) {
        throw new PluginException("a destination has no output to add column '" + name + "' to");
      }
      for (Column c : added) {
        if (c.name().equalsIgnoreCase(name)) {
          throw new PluginException("column '" + name + "' is added twice");
        }
      }
      if (input.find(name).isPresent()) {
        throw new PluginException(
            "column '" + name + "' already exists in the input; set it instead of adding it");
      }
      added.add(new Column(name, type));
      return input.width() + added.size() - 1;
    }

    @Override
    public int addOutput(String name, boolean synchronous) {
      if (destination) {
        throw new PluginException(
            "a destination has no outputs; it cannot add output '" + name + "'");
      }
      if (name == null || name.isBlank()) {
        throw new PluginException("an output needs a name");
      }
      if (synchronous && source) {
        throw new PluginException(
            "a source's outputs are asynchronous (rows of their own); output '"
                + name
                + "' cannot be synchronous");
      }
      for (String taken : List.of("Output", "Error")) {
        if (taken.equalsIgnoreCase(name)) {
          throw new PluginException("output name '" + name + "' is taken by the default outputs");
        }
      }
      for (Extra e : extras) {
        if (e.name.equalsIgnoreCase(name)) {
          throw new PluginException("output '" + name + "' is added twice");
        }
      }
      extras.add(new Extra(name, synchronous));
      return extras.size();
    }

    @Override
    public int addOutputColumn(int output, String name, ColumnType type) {
      return addOutputColumn(output, name, ColumnTypes.toSsis(type));
    }

    @Override
    public int addOutputColumn(int output, String name, DataType type) {
      if (output == 0) {
        return addOutputColumn(name, type);
      }
      if (output < 0 || output > extras.size()) {
        throw new PluginException(
            "there is no output " + output + " to add column '" + name + "' to");
      }
      Extra extra = extras.get(output - 1);
      if (extra.synchronous) {
        throw new PluginException(
            "output '"
                + extra.name
                + "' is synchronous: it carries the input's rows and the columns of output 0;"
                + " add column '"
                + name
                + "' to output 0");
      }
      for (Column c : extra.columns) {
        if (c.name().equalsIgnoreCase(name)) {
          throw new PluginException(
              "column '" + name + "' is added twice to output '" + extra.name + "'");
        }
      }
      extra.columns.add(new Column(name, type));
      return extra.columns.size() - 1;
    }

    @Override
    public Variables variables() {
      return variables;
    }
  }
}
