package io.sluice.engine.project;

import java.util.List;

/**
 * A project file or archive is over a size limit. Thrown while reading, as soon as the limit is
 * passed: the rest is never read and nothing is parsed (the master answers 413).
 */
public final class ProjectTooLargeException extends ProjectFormatException {

  ProjectTooLargeException(Problem problem, String hint) {
    super(List.of(problem), hint);
  }
}
