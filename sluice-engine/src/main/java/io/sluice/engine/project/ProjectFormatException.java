package io.sluice.engine.project;

import java.util.List;
import java.util.stream.Collectors;

/** A project's files are malformed; carries every problem found, not just the first. */
public class ProjectFormatException extends RuntimeException {

  private final List<Problem> problems;
  private final String hint;

  public ProjectFormatException(List<Problem> problems) {
    this(problems, null);
  }

  protected ProjectFormatException(List<Problem> problems, String hint) {
    super(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the project:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
    this.hint = hint;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The fix when the problems share one; null when each problem says its own. */
  public String hint() {
    return hint;
  }
}
