package io.sluice.http;

import io.sluice.api.task.TaskSetup;
import java.util.Arrays;
import java.util.List;

/** SSIS's OutputType: where the response body goes. Without {@code output} it is not kept. */
enum OutputTarget {
  VARIABLE("variable"),
  FILE_CONNECTION("fileConnection");

  static final List<String> NAMES = Arrays.stream(values()).map(m -> m.word).toList();

  final String word;

  OutputTarget(String word) {
    this.word = word;
  }

  static OutputTarget of(String word) {
    return word == null
        ? VARIABLE
        : Arrays.stream(values()).filter(m -> m.word.equals(word)).findFirst().orElse(null);
  }

  void check(TaskSetup setup) {
    String output = setup.settings().text("output");
    if (output == null) {
      if (this == FILE_CONNECTION) {
        setup.problem("outputType fileConnection needs 'output': a file connection's name");
      }
      return;
    }
    if (this == VARIABLE && !setup.hasVariable(output)) {
      setup.problem("output: variable '" + output + "' does not exist");
    } else if (this == FILE_CONNECTION
        && setup.connectionNames().stream().noneMatch(output::equalsIgnoreCase)) {
      setup.problem(
          "output: connection '"
              + output
              + "' does not exist; connections: "
              + setup.connectionNames());
    }
  }
}
