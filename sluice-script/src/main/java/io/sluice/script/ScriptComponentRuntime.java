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
import java.util.List;
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
  private final Columns columns;
  private final List<String> readOnly;
  private final List<String> readWrite;

  private ScriptComponent script;
  private NamedRow row;
  private boolean inPostExecute;

  ScriptComponentRuntime(
      ComponentKind kind,
      String name,
      String fileName,
      String inline,
      Columns columns,
      List<String> readOnly,
      List<String> readWrite) {
    this.kind = kind;
    this.name = name;
    this.fileName = fileName;
    this.inline = inline;
    this.columns = columns;
    this.readOnly = readOnly;
    this.readWrite = readWrite;
  }

  @Override
  public void preExecute(ComponentContext context) throws Exception {
    script =
        ScriptTaskPlugin.load(
            fileName,
            inline,
            context::projectFile,
            ScriptComponent.class,
            "extends ScriptComponent");
    Variables declared =
        new DeclaredVariables(context.variables(), "Script Component", name, readOnly, readWrite);
    script.attach(new Attached(context, new PostExecuteWrites(declared)));
    call("preExecute", script::preExecute);
  }

  @Override
  public void createNewOutputRows(OutputRows output) throws Exception {
    row = new NamedRow(columns, output);
    call("createNewOutputRows", script::createNewOutputRows);
  }

  @Override
  public void processInputRow(Row input) throws Exception {
    if (row == null) {
      row = new NamedRow(columns, null);
    }
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
    public boolean cancelled() {
      return context.cancellation().isCancelled();
    }
  }
}
