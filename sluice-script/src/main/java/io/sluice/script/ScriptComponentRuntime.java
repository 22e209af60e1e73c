package io.sluice.script;

import io.sluice.api.PluginException;
import io.sluice.api.component.ComponentContext;
import io.sluice.api.component.ComponentKind;
import io.sluice.api.component.ComponentRuntime;
import io.sluice.api.component.OutputRows;
import io.sluice.api.component.Row;
import io.sluice.api.component.RowException;
import io.sluice.api.context.Connections;
import io.sluice.api.context.Variables;
import io.sluice.api.script.ScriptComponent;
import io.sluice.api.script.ScriptComponentContext;
import io.sluice.api.script.ScriptEvents;
import io.sluice.api.script.ScriptOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * One execution of a Script Component: compiles the script where the flow runs (from the process's
 * cache, {@link CompiledScripts}), makes one instance of its class and calls SSIS's methods on it.
 * An exception from {@code processInputRow} is a row error for the component's {@code onError};
 * from any other method it fails the flow. Variables declared read-write are written only in {@code
 * postExecute}, as in SSIS.
 */
final class ScriptComponentRuntime implements ComponentRuntime {

  private final ComponentKind kind;
  private final String name;
  private final String fileName;
  private final String inline;
  private final ComponentShape shape;
  private final List<String> readOnly;
  private final List<String> readWrite;

  private ScriptComponent script;

  /** The input row (a transformation, a destination) or a source's default output. */
  private NamedRow row;

  /** The asynchronous outputs by lower-case name ({@code output} is a source's default). */
  private final Map<String, NamedRow> outputs = new LinkedHashMap<>();

  private boolean inPostExecute;

  ScriptComponentRuntime(
      String name,
      String fileName,
      String inline,
      ComponentShape shape,
      List<String> readOnly,
      List<String> readWrite) {
    this.kind = shape.kind();
    this.name = name;
    this.fileName = fileName;
    this.inline = inline;
    this.shape = shape;
    this.readOnly = readOnly;
    this.readWrite = readWrite;
  }

  @Override
  public void preExecute(ComponentContext context) throws Exception {
    List<ComponentShape.Col> rowColumns = new ArrayList<>();
    if (kind != ComponentKind.SOURCE) {
      rowColumns.addAll(shape.input());
    }
    if (kind != ComponentKind.DESTINATION) {
      rowColumns.addAll(shape.outputColumns());
    }
    Map<String, Integer> directable = new LinkedHashMap<>();
    List<String> names = shape.directable();
    for (int o = 0; o < shape.outputs().size(); o++) {
      if (names.contains(shape.outputs().get(o).name())) {
        directable.put(shape.outputs().get(o).name().toLowerCase(Locale.ROOT), o + 1);
      }
    }
    if (!names.isEmpty()) {
      directable.put("output", 0);
      directable.put("output0", 0);
    }
    row =
        new NamedRow(
            new Columns(rowColumns),
            kind == ComponentKind.SOURCE ? "Output0Buffer" : "Input0Buffer",
            Map.copyOf(directable));
    if (kind == ComponentKind.SOURCE) {
      row.bind(context.output(0));
      outputs.put("output", row);
    }
    for (int o = 0; o < shape.outputs().size(); o++) {
      ComponentShape.Out out = shape.outputs().get(o);
      if (!out.synchronous()) {
        NamedRow buffer = new NamedRow(new Columns(out.columns()), out.name() + "Buffer", Map.of());
        buffer.bind(context.output(o + 1));
        outputs.put(out.name().toLowerCase(Locale.ROOT), buffer);
      }
    }
    script =
        ScriptTaskPlugin.load(
            fileName,
            inline,
            context::projectFile,
            this::generated,
            ScriptComponent.class,
            "extends ScriptComponent (or UserComponent)");
    Variables declared =
        new DeclaredVariables(context.variables(), "Script Component", name, readOnly, readWrite);
    script.attach(new Attached(context, new PostExecuteWrites(declared)));
    call("preExecute", script::preExecute);
  }

  /** The typed buffers of a script that extends {@code UserComponent}. */
  private Map<String, String> generated(String source) {
    if (!TypedBuffers.wanted(source)) {
      return Map.of();
    }
    try {
      return TypedBuffers.generate(source, shape);
    } catch (AccessorNames.NamingException e) {
      throw new PluginException(
          "the Script Component's typed accessors cannot be made: " + e.getMessage());
    }
  }

  @Override
  public void createNewOutputRows(OutputRows output) throws Exception {
    call("createNewOutputRows", script::createNewOutputRows);
  }

  @Override
  public void processInputRow(Row input) throws Exception {
    row.at(input);
    try {
      script.processInputRow(row);
    } catch (RowException | PluginException e) {
      throw e;
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      if (kind == ComponentKind.TRANSFORMATION) {
        throw new RowException(
            null, "the script failed" + ScriptTaskPlugin.where(e, fileName) + ": " + e);
      }
      throw failed(e);
    }
  }

  @Override
  public void endOfInput() throws Exception {
    call("endOfInput", script::endOfInput);
  }

  @Override
  public void postExecute() throws Exception {
    if (script == null) {
      return; // did not compile or could not be made: nothing ran
    }
    inPostExecute = true;
    call("postExecute", script::postExecute);
  }

  private interface Call {
    void run() throws Exception;
  }

  private void call(String method, Call call) throws Exception {
    try {
      call.run();
    } catch (PluginException | InterruptedException e) {
      throw e;
    } catch (CancellationException e) {
      throw e;
    } catch (RowException e) {
      // outside a transformation's rows, a truncation fails the flow, as SSIS's does by default
      throw new PluginException(
          e.getMessage() + ScriptTaskPlugin.where(e, fileName),
          e.isTruncation() ? "declare the column longer, or shorten the value in the script" : null,
          e);
    } catch (Exception e) {
      throw failed(e);
    }
  }

  private PluginException failed(Exception e) {
    return new PluginException(
        "the script failed" + ScriptTaskPlugin.where(e, fileName) + ": " + e, null, e);
  }

  /** SSIS's rule: {@code ReadWriteVariables} are written in PostExecute, never row by row. */
  private final class PostExecuteWrites implements Variables {
    private final Variables declared;

    PostExecuteWrites(Variables declared) {
      this.declared = declared;
    }

    @Override
    public boolean exists(String variable) {
      return declared.exists(variable);
    }

    @Override
    public Object get(String variable) {
      return declared.get(variable);
    }

    @Override
    public <T> T get(String variable, Class<T> type) {
      return declared.get(variable, type);
    }

    @Override
    public Object sensitiveValue(String variable) {
      return declared.sensitiveValue(variable);
    }

    @Override
    public void set(String variable, Object value) {
      if (!inPostExecute) {
        declared.isReadOnly(variable); // an undeclared name is reported as such first
        throw new PluginException(
            "the script writes variable "
                + variable
                + " before postExecute; the Script Component '"
                + name
                + "' may write its readWriteVariables only in postExecute",
            "keep the value in a field and write it in postExecute, as SSIS requires");
      }
      declared.set(variable, value);
    }

    @Override
    public boolean isReadOnly(String variable) {
      return !inPostExecute || declared.isReadOnly(variable);
    }
  }

  private final class Attached implements ScriptComponentContext {
    private final ComponentContext context;
    private final Variables variables;

    Attached(ComponentContext context, Variables variables) {
      this.context = context;
      this.variables = variables;
    }

    @Override
    public String componentName() {
      return name;
    }

    @Override
    public Variables variables() {
      return variables;
    }

    @Override
    public Connections connections() {
      return context.connections();
    }

    @Override
    public ScriptEvents events() {
      return ScriptDts.events(context.events());
    }

    @Override
    public ScriptOutput output() {
      return kind == ComponentKind.SOURCE ? row : null;
    }

    @Override
    public ScriptOutput output(String output) {
      return outputs.get(output.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean cancelled() {
      return context.cancellation().isCancelled();
    }
  }
}
