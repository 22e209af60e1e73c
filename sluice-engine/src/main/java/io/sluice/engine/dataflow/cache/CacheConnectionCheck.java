package io.sluice.engine.dataflow.cache;

import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.project.StructureCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deploy-time validation of cache connections by the code that reads their columns ({@link
 * CacheColumns}); registered for the project parser in META-INF/services.
 */
public final class CacheConnectionCheck implements StructureCheck {

  @Override
  public Kind kind() {
    return Kind.CONNECTION;
  }

  @Override
  public String type() {
    return "cache";
  }

  @Override
  public Set<String> settings() {
    return CacheColumns.SETTINGS;
  }

  @Override
  public List<Finding> check(Map<String, Object> settings, Set<String> setByExpression) {
    if (setByExpression.contains("columns")) {
      return List.of(); // known only when the package runs; checked then
    }
    try {
      CacheColumns.parse(settings);
      return List.of();
    } catch (PlanningException e) {
      return List.of(Finding.ofSettings(e.getMessage()));
    }
  }
}
