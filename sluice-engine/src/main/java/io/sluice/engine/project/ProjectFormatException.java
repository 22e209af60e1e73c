package io.sluice.engine.project;

import java.util.List;
import java.util.stream.Collectors;

/** A project's files are malformed; carries every problem found, not just the first. */
public final class ProjectFormatException extends RuntimeException {

  private final List<Problem> problems;

  public ProjectFormatException(List<Problem> problems) {
    super(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the project:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
