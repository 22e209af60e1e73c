package io.sluice.http;

import io.sluice.api.PluginException;
import io.sluice.api.task.TaskContext;
import io.sluice.api.task.TaskSetup;
import io.sluice.api.text.Articles;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where a request's body comes from, as the Send Mail task's MessageSourceType: written in the
 * task, a variable's value, or a file connection's file (sent as it is, streamed).
 */
enum BodySource {
  DIRECT_INPUT("directInput"),
  VARIABLE("variable"),
  FILE_CONNECTION("fileConnection");

  static final List<String> NAMES = Arrays.stream(values()).map(m -> m.word).toList();

  final String word;

  BodySource(String word) {
    this.word = word;
  }

  static BodySource of(String word) {
    return word == null
        ? DIRECT_INPUT
        : Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst().orElse(null);
  }

  /** What validation can tell: the connection or variable named exists. */
  void check(TaskSetup setup) {
    String source = setup.settings().text("body");
    switch (this) {
      case DIRECT_INPUT -> {}
      case FILE_CONNECTION -> {
        if (source == null) {
          setup.problem("bodySourceType fileConnection needs 'body': a file connection's name");
        } else if (setup.connectionNames().stream().noneMatch(source::equalsIgnoreCase)) {
          setup.problem(
              "body: connection '"
                  + source
                  + "' does not exist; connections: "
                  + setup.connectionNames());
        }
      }
      case VARIABLE -> {
        if (source == null) {
          setup.problem("bodySourceType variable needs 'body': a variable's name");
        } else if (!setup.hasVariable(source)) {
          setup.problem("body: variable '" + source + "' does not exist");
        }
      }
    }
  }

  /** The body now, or null when the request has none; the default content type beside it. */
  Body body(TaskContext context) {
    String source = context.settings().text("body");
    return switch (this) {
      case DIRECT_INPUT ->
          source == null
              ? null
              : new Body(
                  HttpRequest.BodyPublishers.ofString(source, StandardCharsets.UTF_8),
                  "text/plain; charset=UTF-8",
                  "the body written in the task");
      case VARIABLE -> {
        Object value = context.variables().get(source);
        String text = value == null ? "" : String.valueOf(value);
        yield new Body(
            HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8),
            "text/plain; charset=UTF-8",
            "variable " + source);
      }
      case FILE_CONNECTION -> {
        String type = context.connections().type(source);
        if (!type.equals("file") && !type.equals("flatFile")) {
          throw new PluginException(
              "body: connection '" + source + "' is " + Articles.a(type) + " connection",
              "name a file connection whose file holds the body");
        }
        Path file = context.connections().path(source);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
          throw new PluginException(
              "the body's file " + file + " (connection '" + source + "') is not a readable file",
              "check that the file of connection '" + source + "' exists and is readable");
        }
        try {
          yield new Body(
              HttpRequest.BodyPublishers.ofFile(file), "application/octet-stream", "file " + file);
        } catch (java.io.FileNotFoundException e) {
          throw new PluginException(
              "the body's file " + file + " (connection '" + source + "') is not there",
              "check that the file of connection '" + source + "' exists");
        }
      }
    };
  }

  /** A request body, the content type it goes with unless the task names one, and its origin. */
  record Body(HttpRequest.BodyPublisher publisher, String contentType, String origin) {}
}
