package io.sluice.engine.runtime.task;

/**
 * A task type the format knows but this build cannot run: every task of it fails validation with
 * {@code reason}, so a package using it never starts half-way.
 */
public final class UnavailableTaskType implements TaskType {

  private final String name;
  private final String reason;

  public UnavailableTaskType(String name, String reason) {
    this.name = name;
    this.reason = reason;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Task prepare(TaskSettings settings) {
    settings.problem(name + " tasks cannot run: " + reason);
    settings.ignoreUnknown();
    return context -> {
      throw new IllegalStateException(reason);
    };
  }
}
