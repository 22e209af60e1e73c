package io.sluice.script;

import io.sluice.api.PluginException;
import io.sluice.api.context.Variables;
import java.util.List;

/**
 * The variables a Script task declared, as SSIS's ReadOnlyVariables and ReadWriteVariables: the
 * script reads only what it declared and writes only what it declared read-write. A name matches a
 * declared one written the same way, or a plain name the local part of a declared qualified one
 * ({@code Count} for {@code User::Count}).
 */
final class DeclaredVariables implements Variables {

  private final Variables all;
  private final String task;
  private final List<String> readOnly;
  private final List<String> readWrite;

  DeclaredVariables(Variables all, String task, List<String> readOnly, List<String> readWrite) {
    this(all, "Script task", task, readOnly, readWrite);
  }

  /**
   * @param what the kind of the declaring object, for messages ({@code Script Component})
   */
  DeclaredVariables(
      Variables all, String what, String name, List<String> readOnly, List<String> readWrite) {
    this.all = all;
    this.task = "the " + what + " '" + name + "'";
    this.readOnly = readOnly;
    this.readWrite = readWrite;
  }

  private static boolean matches(List<String> declared, String name) {
    for (String d : declared) {
      if (d.equals(name) || d.endsWith("::" + name) || name.endsWith("::" + d)) {
        return true;
      }
    }
    return false;
  }

  private void readable(String name) {
    if (!matches(readOnly, name) && !matches(readWrite, name)) {
      throw new PluginException(
          "the script uses variable " + name + ", which " + task + " does not declare",
          "add " + name + " to the task's readOnlyVariables or readWriteVariables");
    }
  }

  @Override
  public boolean exists(String name) {
    return (matches(readOnly, name) || matches(readWrite, name)) && all.exists(name);
  }

  @Override
  public Object get(String name) {
    readable(name);
    return all.get(name);
  }

  @Override
  public <T> T get(String name, Class<T> type) {
    readable(name);
    return all.get(name, type);
  }

  @Override
  public Object sensitiveValue(String name) {
    readable(name);
    return all.sensitiveValue(name);
  }

  @Override
  public void set(String name, Object value) {
    readable(name);
    if (!matches(readWrite, name)) {
      throw new PluginException(
          "the script writes variable " + name + ", which " + task + " declares read-only",
          "move " + name + " from readOnlyVariables to readWriteVariables");
    }
    all.set(name, value);
  }

  @Override
  public boolean isReadOnly(String name) {
    readable(name);
    return !matches(readWrite, name) || all.isReadOnly(name);
  }
}
