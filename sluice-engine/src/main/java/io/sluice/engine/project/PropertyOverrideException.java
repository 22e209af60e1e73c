package io.sluice.engine.project;

import java.util.List;

/** Property overrides that cannot apply to a package: each problem names its path. */
public final class PropertyOverrideException extends IllegalArgumentException {

  private final List<String> problems;

  public PropertyOverrideException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  /** What to do, for a {@code hint:} line. */
  public String hint() {
    return "a property path is one of " + PropertyPath.FORMS;
  }
}
