package io.sluice.engine.runtime.task.process;

import io.sluice.engine.runtime.task.Task;
import io.sluice.engine.runtime.task.TaskSettings;
import io.sluice.engine.runtime.task.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * Execute Process: runs a program with arguments in a working directory, waits for it (up to a
 * timeout), compares its exit code with the success value, and can keep its standard output and
 * error in variables. The program is killed (with its children) on cancel or timeout.
 */
public final class ExecuteProcessTaskType implements TaskType {

  @Override
  public String name() {
    return "ExecuteProcess";
  }

  @Override
  public Task prepare(TaskSettings settings) {
    String executable = settings.requiredString("executable");
    List<String> arguments = arguments(settings);
    String workingDirectory = settings.string("workingDirectory");
    int successValue = settings.integer("successValue", 0);
    boolean failOnOtherValue = settings.bool("failTaskIfReturnCodeIsNotSuccessValue", true);
    int timeout = settings.integer("timeout", 0);
    if (timeout < 0) {
      settings.problem("'timeout' is in seconds, 0 for none");
    }
    String stdout = settings.string("standardOutputVariable");
    String stderr = settings.string("standardErrorVariable");
    String stdin = settings.string("standardInputVariable");
    return new ExecuteProcessTask(
        executable,
        arguments,
        workingDirectory,
        successValue,
        failOnOtherValue,
        timeout,
        settings.variable(stdout, true, "standardOutputVariable"),
        settings.variable(stderr, true, "standardErrorVariable"),
        settings.variable(stdin, false, "standardInputVariable"));
  }

  /** Arguments as a list, or as one line split at spaces outside double quotes (as SSIS). */
  private static List<String> arguments(TaskSettings settings) {
    List<Object> raw = settings.list("arguments");
    List<String> result = new ArrayList<>();
    if (raw.size() == 1 && !(raw.get(0) instanceof List)) {
      return split(String.valueOf(raw.get(0)));
    }
    for (Object a : raw) {
      result.add(String.valueOf(a));
    }
    return result;
  }

  static List<String> split(String line) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          result.add(current.toString());
          current.setLength(0);
          any = false;
        }
      } else {
        current.append(c);
        any = true;
      }
    }
    if (any) {
      result.add(current.toString());
    }
    return result;
  }
}
