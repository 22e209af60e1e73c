package io.sluice.xml;

import io.sluice.api.PluginException;
import io.sluice.api.task.TaskContext;
import io.sluice.api.task.TaskSetup;
import io.sluice.api.text.Articles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * SSIS's DTSXMLSourceType: where an operand (the source, the second operand, the merge location)
 * comes from. FileConnection is SSIS's default (the enum's first value), and Sluice's.
 */
enum OperandSource {
  FILE_CONNECTION("fileConnection"),
  VARIABLE("variable"),
  DIRECT_INPUT("directInput");

  static final List<String> NAMES = Arrays.stream(values()).map(m -> m.word).toList();

  final String word;

  OperandSource(String word) {
    this.word = word;
  }

  /** The type a task's setting {@code typeSetting} names; FileConnection when absent. */
  static OperandSource of(String word) {
    if (word == null) {
      return FILE_CONNECTION;
    }
    return Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst().orElseThrow();
  }

  /** What validation can tell: the operand is given, and the connection or variable exists. */
  void check(TaskSetup setup, String typeSetting, String valueSetting) {
    String value = setup.settings().text(valueSetting);
    if (value == null) {
      setup.problem(
          "'"
              + valueSetting
              + "' is missing: give "
              + switch (this) {
                case FILE_CONNECTION -> "a file connection's name";
                case VARIABLE -> "a variable's name";
                case DIRECT_INPUT -> "the text itself";
              }
              + " ("
              + typeSetting
              + " "
              + word
              + ")");
      return;
    }
    switch (this) {
      case DIRECT_INPUT -> {}
      case FILE_CONNECTION -> {
        if (setup.connectionNames().stream().noneMatch(value::equalsIgnoreCase)) {
          setup.problem(
              valueSetting
                  + ": connection '"
                  + value
                  + "' does not exist; connections: "
                  + setup.connectionNames());
        }
      }
      case VARIABLE -> {
        if (!setup.hasVariable(value)) {
          setup.problem(valueSetting + ": variable '" + value + "' does not exist");
        }
      }
    }
  }

  /** The operand now, read from where it is. */
  XmlText read(TaskContext context, String valueSetting) {
    String value = context.settings().text(valueSetting);
    return switch (this) {
      case DIRECT_INPUT -> XmlText.of(valueSetting + " (direct input)", value);
      case VARIABLE -> {
        Object v = context.variables().get(value);
        if (v == null || String.valueOf(v).isEmpty()) {
          throw new PluginException(
              valueSetting + ": variable '" + value + "' is empty",
              "set the variable to an XML text before the task runs");
        }
        yield XmlText.of(valueSetting + " (variable '" + value + "')", String.valueOf(v));
      }
      case FILE_CONNECTION -> {
        Path file = file(context, valueSetting, value);
        try {
          yield XmlText.of(
              valueSetting + " (" + file + ", connection '" + value + "')",
              Files.readAllBytes(file),
              file);
        } catch (IOException e) {
          throw new PluginException(
              "cannot read "
                  + valueSetting
                  + " from "
                  + file
                  + " (connection '"
                  + value
                  + "'): "
                  + e.getClass().getSimpleName()
                  + " "
                  + e.getMessage(),
              "check that the file of connection '" + value + "' exists and is readable");
        }
      }
    };
  }

  /** The file of a file connection named by a setting. */
  static Path file(TaskContext context, String setting, String connection) {
    String type = context.connections().type(connection);
    if (!type.equals("file") && !type.equals("flatFile")) {
      throw new PluginException(
          setting + ": connection '" + connection + "' is " + Articles.a(type) + " connection",
          "name a file connection");
    }
    return context.connections().path(connection);
  }
}
