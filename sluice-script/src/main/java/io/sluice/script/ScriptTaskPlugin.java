package io.sluice.script;

import io.sluice.api.PluginException;
import io.sluice.api.script.Dts;
import io.sluice.api.script.Script;
import io.sluice.api.script.ScriptResults;
import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;
import io.sluice.api.task.PluginTask;
import io.sluice.api.task.TaskContext;
import io.sluice.api.task.TaskPlugin;
import io.sluice.api.task.TaskResult;
import io.sluice.api.task.TaskSetup;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Script task ({@code type: Script}), SSIS's Script Task in Java: compiles the script where the
 * package runs (once per process and project version, {@link CompiledScripts}), then runs a new
 * instance's {@link Script#main(Dts)}.
 */
final class ScriptTaskPlugin implements TaskPlugin {

  static final String NAME = "Script";
  static final String SOURCE = "source";
  static final String FILE = "file";
  static final String READ_ONLY = "readOnlyVariables";
  static final String READ_WRITE = "readWriteVariables";

  /** The file name of inline source: its public class is {@code ScriptMain}, as in SSIS. */
  static final String INLINE_FILE = "ScriptMain.java";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SettingsSchema settings() {
    return SettingsSchema.of(
        Setting.text(SOURCE).describedAs("The script's Java, inline"),
        Setting.text(FILE).describedAs("A .java file of the project holding the script"),
        Setting.list(READ_ONLY).describedAs("Variables the script reads (ReadOnlyVariables)"),
        Setting.list(READ_WRITE).describedAs("Variables the script writes (ReadWriteVariables)"));
  }

  @Override
  public PluginTask prepare(TaskSetup setup) {
    SettingValues settings = setup.settings();
    List<String> readOnly = names(settings.list(READ_ONLY));
    List<String> readWrite = names(settings.list(READ_WRITE));
    for (String name : concat(readOnly, readWrite)) {
      if (!setup.hasVariable(name)) {
        setup.problem("the script declares variable " + name + ", which does not exist");
      }
    }
    if (settings.has(SOURCE) == settings.has(FILE)) {
      setup.problem("give the script's Java as exactly one of 'source' or 'file'");
    }
    String task = setup.taskName();
    return context -> run(context, task, readOnly, readWrite);
  }

  private static TaskResult run(
      TaskContext context, String task, List<String> readOnly, List<String> readWrite)
      throws Exception {
    SettingValues settings = context.settings();
    String fileName = settings.has(SOURCE) ? INLINE_FILE : settings.text(FILE);
    Script script =
        load(
            fileName,
            settings.has(SOURCE) ? settings.text(SOURCE) : null,
            context::projectFile,
            Script.class,
            "implements Script");
    ScriptDts dts =
        new ScriptDts(
            context, new DeclaredVariables(context.variables(), task, readOnly, readWrite));
    try {
      script.main(dts);
    } catch (PluginException | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new PluginException("the script failed" + where(e, fileName) + ": " + e, null, e);
    }
    return dts.result() == ScriptResults.SUCCESS ? TaskResult.SUCCESS : TaskResult.FAILURE;
  }

  /**
   * The script of a Script task or component, ready to run: its source ({@code inline}, else the
   * project file {@code fileName}) compiled against the run's class loader (the lib/ jars, where
   * the engine set one; Sluice's otherwise), once per process, and its class instantiated.
   */
  static <T> T load(
      String fileName,
      String inline,
      java.util.function.Function<String, byte[]> projectFile,
      Class<T> base,
      String declaration)
      throws Exception {
    return load(fileName, inline, projectFile, source -> Map.of(), base, declaration);
  }

  /**
   * The same, compiled with the sources {@code generated} makes from the script's text (a Script
   * Component's typed buffers).
   */
  static <T> T load(
      String fileName,
      String inline,
      java.util.function.Function<String, byte[]> projectFile,
      java.util.function.Function<String, Map<String, String>> generated,
      Class<T> base,
      String declaration)
      throws Exception {
    String source = inline;
    if (source == null) {
      byte[] bytes = projectFile.apply(fileName);
      if (bytes == null) {
        throw new PluginException(
            "the script file " + fileName + " is not in the project",
            "add the file, or correct 'file'");
      }
      source = new String(bytes, StandardCharsets.UTF_8);
    }
    ClassLoader threadLoader = Thread.currentThread().getContextClassLoader();
    ClassLoader runLoader =
        threadLoader != null ? threadLoader : ScriptTaskPlugin.class.getClassLoader();
    ScriptCompiler.Output compiled =
        CompiledScripts.forRun(fileName, source, generated.apply(source), runLoader);
    if (!compiled.errors().isEmpty()) {
      ScriptCompiler.Error first = compiled.errors().get(0);
      String where = first.file() == null ? fileName : "generated " + first.file();
      throw new PluginException(
          "the script does not compile: " + where + ":" + first,
          "run 'sluice project validate' for every error with its line");
    }
    return instantiate(compiled, fileName, runLoader, base, declaration);
  }

  /**
   * A new instance of the script's class named as its file, which must be a {@code base} ({@code
   * declaration} says how to declare it).
   */
  private static <T> T instantiate(
      ScriptCompiler.Output compiled,
      String fileName,
      ClassLoader runLoader,
      Class<T> base,
      String declaration)
      throws Exception {
    String simple = fileName.substring(fileName.lastIndexOf('/') + 1).replaceFirst("\\.java$", "");
    String className =
        compiled.classes().keySet().stream()
            .filter(n -> n.equals(simple) || n.endsWith("." + simple))
            .findFirst()
            .orElseThrow(
                () ->
                    new PluginException(
                        "the script " + fileName + " has no class " + simple,
                        "name the script's public class " + simple));
    Class<?> type =
        Class.forName(className, false, new ScriptLoader(runLoader, compiled.classes()));
    if (!base.isAssignableFrom(type)) {
      throw new PluginException(
          "the script's class " + simple + " is not a " + base.getName(),
          "declare it as: public class " + simple + " " + declaration);
    }
    try {
      return base.cast(type.getDeclaredConstructor().newInstance());
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new PluginException(
          "the script's class " + simple + " has no public constructor without arguments",
          "make the class public, with no constructor or a public one without arguments");
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new PluginException(
          "the script's class "
              + simple
              + " cannot be created"
              + where(cause, fileName)
              + ": "
              + cause,
          null,
          cause);
    }
  }

  /** Where in the script an exception was thrown, e.g. {@code at ScriptMain.java:12}. */
  static String where(Throwable e, String fileName) {
    String simple = fileName.substring(fileName.lastIndexOf('/') + 1);
    for (StackTraceElement frame : e.getStackTrace()) {
      if (simple.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
        return " at " + fileName + ":" + frame.getLineNumber();
      }
    }
    return "";
  }

  static List<String> names(List<Object> items) {
    List<String> names = new ArrayList<>();
    for (Object item : items) {
      if (item != null) {
        names.add(String.valueOf(item).trim());
      }
    }
    return List.copyOf(names);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
