package io.sluice.ssis;

import io.sluice.engine.event.DataFlowStatistic;
import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.event.LoggingLevel;
import io.sluice.engine.event.MessageType;
import io.sluice.engine.project.ProjectFiles;
import io.sluice.engine.project.ProjectParser;
import io.sluice.engine.project.ProjectWriter;
import io.sluice.engine.runtime.PackageRunner;
import io.sluice.engine.runtime.ParameterValues;
import io.sluice.engine.runtime.RunOptions;
import io.sluice.engine.runtime.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * An imported package run for real: imported, written by the project writer, its package YAML
 * edited as a user would (a connection's URL, a folder), parsed back and run by the engine's {@link
 * PackageRunner}, with every event and path statistic kept.
 */
record ImportedRun(RunResult result, List<EngineEvent> events, List<DataFlowStatistic> paths) {

  static ImportedRun of(Path dtsx, UnaryOperator<String> edit) {
    return of(dtsx, ImportOptions.DEFAULT, edit);
  }

  static ImportedRun of(Path dtsx, ImportOptions options, UnaryOperator<String> edit) {
    ImportResult imported = SsisImporter.importPackage(dtsx, options);
    String name = imported.project().packages().get(0).name();
    Map<String, byte[]> files = new TreeMap<>(ProjectWriter.write(imported.project()).all());
    String path = "packages/" + name + ".yaml";
    String yaml = edit.apply(new String(files.get(path), StandardCharsets.UTF_8));
    files.put(path, yaml.getBytes(StandardCharsets.UTF_8));
    ProjectFiles project = ProjectFiles.of(files);
    List<EngineEvent> events = new CopyOnWriteArrayList<>();
    List<DataFlowStatistic> paths = new CopyOnWriteArrayList<>();
    EventSink sink =
        new EventSink() {
          @Override
          public void event(EngineEvent event) {
            events.add(event);
          }

          @Override
          public void dataFlowStatistic(DataFlowStatistic statistic) {
            paths.add(statistic);
          }
        };
    RunResult result =
        new PackageRunner(ProjectParser.parse(project), project)
            .run(
                name,
                ParameterValues.none(),
                RunOptions.defaults().withLoggingLevel(LoggingLevel.VERBOSE),
                sink);
    return new ImportedRun(result, events, paths);
  }

  List<String> errors() {
    return events.stream()
        .filter(e -> e.type() == MessageType.ERROR)
        .map(EngineEvent::message)
        .toList();
  }

  /** Rows a path carried into {@code component}. */
  long rowsInto(String component) {
    return paths.stream()
        .filter(p -> p.destinationComponent().equals(component))
        .mapToLong(DataFlowStatistic::rowsSent)
        .sum();
  }

  static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
