package io.sluice.engine.dataflow;

import io.sluice.engine.event.EngineEvent;
import io.sluice.engine.event.EventSink;
import io.sluice.engine.project.SourceLocation;
import io.sluice.engine.project.TaskDefinition;
import io.sluice.engine.type.DataType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Test helpers: data flows written as YAML, an environment collecting events and rows. */
final class Flows {

  static final SourceLocation LOCATION = new SourceLocation("packages/Load.yaml", 12, 5);

  private Flows() {}

  /** A Data Flow task from the YAML of its settings (what the project parser hands over). */
  static TaskDefinition task(String yaml) {
    Map<String, Object> properties =
        new LinkedHashMap<>(new Yaml().<Map<String, Object>>load(yaml));
    return new TaskDefinition(
        "Load",
        "DataFlow",
        null,
        false,
        List.of(),
        TaskDefinition.ConstraintMode.ALL,
        List.of(),
        Map.of(),
        Map.of(),
        properties,
        LOCATION);
  }

  static Map<String, Object> settings(String yaml) {
    return new Yaml().load(yaml);
  }

  /**
   * An environment with variables User::Rows (recordset), User::Errors (recordset), User::Count.
   */
  static SimpleDataFlowEnvironment.Builder environment(Path temp) {
    return SimpleDataFlowEnvironment.builder()
        .packageName("Daily")
        .tempDirectory(temp)
        .objectVariable("User::Rows")
        .objectVariable("User::Errors")
        .objectVariable("User::Other")
        .variable("User::Count", DataType.I4, 0);
  }

  static DataFlowResult run(String yaml, SimpleDataFlowEnvironment env) {
    return DataFlowPlanner.plan(task(yaml), env).run();
  }

  static DataFlowResult runOk(String yaml, SimpleDataFlowEnvironment env) {
    DataFlowResult result = run(yaml, env);
    if (!result.succeeded()) {
      throw new AssertionError(result.failure(), result.cause());
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> rows(SimpleDataFlowEnvironment env, String variable) {
    Object value = env.variable(variable);
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  static Path file(Path dir, String name, String content, Charset charset) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(charset));
    return file;
  }

  /** An event sink that keeps everything, for assertions on messages. */
  static final class Events implements EventSink {
    final List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void event(EngineEvent event) {
      events.add(event);
    }

    List<String> messages() {
      synchronized (events) {
        return events.stream().map(EngineEvent::message).toList();
      }
    }
  }
}
