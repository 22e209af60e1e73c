package io.sluice.engine.runtime.controlflow.foreach;

import io.sluice.engine.runtime.task.TaskSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a Foreach Loop's enumerator and variable mappings from its settings. */
public final class ForeachEnumerators {

  /** Assigns value number {@code index} (0-based) of each item to {@code variable}. */
  public record Mapping(String variable, int index) {}

  /** The loop's enumerator and mappings, ready to run. */
  public record Setup(ForeachEnumerator enumerator, List<Mapping> mappings) {}

  private ForeachEnumerators() {}

  /** Checks the settings at validation; problems go to {@code settings}. */
  public static void check(TaskSettings settings) {
    read(settings);
  }

  public static Setup read(TaskSettings loop) {
    if (!loop.has("enumerator")) {
      loop.problem("'enumerator' is required, e.g. {type: file, folder: data, files: '*.csv'}");
    }
    TaskSettings settings = loop.nested("enumerator");
    String kind = settings.oneOf("type", null, "file", "item", "variable");
    if (kind == null && loop.has("enumerator")) {
      settings.problem("the enumerator needs 'type': file, item or variable");
    }
    ForeachEnumerator enumerator = null;
    if ("file".equals(kind)) {
      String folder = settings.requiredString("folder");
      String mask = settings.string("files");
      boolean recurse = settings.bool("recursive", false);
      String retrieve =
          settings.oneOf(
              "retrieve", "fullyQualified", "fullyQualified", "nameAndExtension", "nameOnly");
      enumerator =
          new FileEnumerator(
              folder,
              mask == null ? "*" : mask,
              recurse,
              switch (retrieve) {
                case "nameAndExtension" -> FileEnumerator.Retrieve.NAME_AND_EXTENSION;
                case "nameOnly" -> FileEnumerator.Retrieve.NAME_ONLY;
                default -> FileEnumerator.Retrieve.FULLY_QUALIFIED;
              });
    } else if ("item".equals(kind)) {
      List<List<Object>> items = new ArrayList<>();
      for (Object item : settings.list("items")) {
        if (item instanceof Map) {
          settings.problem("each of 'items' is a value or a list of values, not a mapping");
        } else {
          items.add(item instanceof List<?> l ? new ArrayList<>(l) : single(item));
        }
      }
      enumerator = new ItemEnumerator(items);
    } else if ("variable".equals(kind)) {
      String variable = settings.requiredString("variable");
      enumerator =
          new VariableEnumerator(settings.variable(variable, false, "enumerator variable"));
    }
    List<Mapping> mappings = new ArrayList<>();
    for (Map.Entry<String, Object> m : loop.map("variableMappings").entrySet()) {
      int index = 0;
      try {
        index = Integer.parseInt(String.valueOf(m.getValue()).trim());
      } catch (NumberFormatException e) {
        loop.problem(
            "variableMappings: the index of " + m.getKey() + " must be a whole number like 0");
      }
      mappings.add(new Mapping(loop.variable(m.getKey(), true, "variable mapping"), index));
    }
    return new Setup(enumerator, mappings);
  }

  private static List<Object> single(Object item) {
    List<Object> list = new ArrayList<>();
    list.add(item);
    return list;
  }
}
