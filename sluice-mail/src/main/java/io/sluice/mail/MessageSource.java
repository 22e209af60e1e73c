package io.sluice.mail;

import io.sluice.api.PluginException;
import io.sluice.api.task.TaskContext;
import io.sluice.api.task.TaskSetup;
import io.sluice.api.text.Articles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** SSIS's MessageSourceType: where the body of the message comes from. */
enum MessageSource {
  DIRECT_INPUT("directInput"),
  FILE_CONNECTION("fileConnection"),
  VARIABLE("variable");

  static final List<String> NAMES = Arrays.stream(values()).map(m -> m.word).toList();

  final String word;

  MessageSource(String word) {
    this.word = word;
  }

  static MessageSource of(String word) {
    return Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst().orElse(null);
  }

  /** What validation can tell: the connection or variable named exists. */
  void check(TaskSetup setup) {
    String source = setup.settings().text("messageSource");
    switch (this) {
      case DIRECT_INPUT -> {}
      case FILE_CONNECTION -> {
        if (source == null) {
          setup.problem(
              "messageSourceType fileConnection needs 'messageSource': a file connection");
        } else if (setup.connectionNames().stream().noneMatch(source::equalsIgnoreCase)) {
          setup.problem(
              "messageSource: connection '"
                  + source
                  + "' does not exist; connections: "
                  + setup.connectionNames());
        }
      }
      case VARIABLE -> {
        if (source == null) {
          setup.problem("messageSourceType variable needs 'messageSource': a variable's name");
        } else if (!setup.hasVariable(source)) {
          setup.problem("messageSource: variable '" + source + "' does not exist");
        }
      }
    }
  }

  /** The body now. */
  String body(TaskContext context) {
    String source = context.settings().text("messageSource");
    return switch (this) {
      case DIRECT_INPUT -> source == null ? "" : source;
      case VARIABLE -> {
        Object value = context.variables().get(source);
        yield value == null ? "" : String.valueOf(value);
      }
      case FILE_CONNECTION -> {
        String type = context.connections().type(source);
        if (!type.equals("file") && !type.equals("flatFile")) {
          throw new PluginException(
              "messageSource: connection '" + source + "' is " + Articles.a(type) + " connection",
              "name a file connection whose file holds the message");
        }
        Path file = context.connections().path(source);
        try {
          yield Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new PluginException(
              "cannot read the message from "
                  + file
                  + " (connection '"
                  + source
                  + "'): "
                  + e.getClass().getSimpleName()
                  + " "
                  + e.getMessage(),
              "check that the file of connection '" + source + "' exists and is readable");
        }
      }
    };
  }
}
