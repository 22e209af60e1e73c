package io.sluice.engine.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.runtime.CancellationToken;
import io.sluice.engine.runtime.PackageRunner;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.library.JarStore;
import io.sluice.engine.runtime.library.ProjectLibraries;
import java.nio.file.Path;
import java.time.Duration;

/** Runs a test project's package in the test's JVM, as {@code sluice run} does. */
public final class TestRuns {

  private TestRuns() {}

  /** A runner of {@code files}, its lib/ jars unpacked under {@code jars}. */
  public static PackageRunner runner(ProjectFiles files, Path jars) {
    return new PackageRunner(
        ProjectParser.parse(files), files, ProjectLibraries.of(files, new JarStore(jars)));
  }

  /** Runs package {@code packageName} with {@code values}, to its end. */
  public static RecordedEvents run(
      ProjectFiles files, Path jars, String packageName, ParameterValues values) {
    RecordedEvents events = new RecordedEvents();
    events.result = runner(files, jars).run(packageName, values, RunOptions.defaults(), events);
    return events;
  }

  /**
   * Runs package {@code main} and stops it (as a stopped execution does) as soon as a task reports
   * {@code message}; a run that does not end within 30 s of that fails the test instead of hanging
   * it.
   */
  public static RecordedEvents runStoppingOn(ProjectFiles files, Path jars, String message) {
    CancellationToken token = new CancellationToken();
    RecordedEvents events =
        new RecordedEvents() {
          @Override
          public void event(EngineEvent event) {
            super.event(event);
            if (message.equals(event.message())) {
              token.cancel();
            }
          }
        };
    PackageRunner runner = runner(files, jars);
    events.result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                runner.run(
                    "main",
                    ParameterValues.none(),
                    RunOptions.defaults().withCancellation(token),
                    events));
    return events;
  }
}
