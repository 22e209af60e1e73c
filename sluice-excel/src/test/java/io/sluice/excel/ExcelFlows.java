package io.sluice.excel;

import io.sluice.engine.dataflow.DataFlowPlanner;
import io.sluice.engine.dataflow.DataFlowResult;
import io.sluice.engine.dataflow.SimpleDataFlowEnvironment;
import io.sluice.engine.project.SourceLocation;
import io.sluice.engine.project.TaskDefinition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Data flows written as YAML and run on the engine's planner, as the engine's own tests do. */
final class ExcelFlows {

  static final Path DATASETS = Path.of("..", "datasets", "ssis-tutorial").toAbsolutePath();

  private ExcelFlows() {}

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
        new SourceLocation("packages/Load.yaml", 12, 5));
  }

  static Map<String, Object> settings(String yaml) {
    return new Yaml().load(yaml);
  }

  static SimpleDataFlowEnvironment.Builder environment(Path temp) {
    return SimpleDataFlowEnvironment.builder()
        .packageName("Daily")
        .tempDirectory(temp)
        .objectVariable("User::Rows")
        .objectVariable("User::Other");
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
}
