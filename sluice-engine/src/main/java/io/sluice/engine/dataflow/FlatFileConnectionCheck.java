package io.sluice.engine.dataflow;

import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.source.flatfile.FlatFileFormat;
import io.sluice.engine.project.StructureCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deploy-time validation of flatFile connections by the code that reads their format ({@link
 * FlatFileFormat}); registered for the project parser in META-INF/services.
 */
public final class FlatFileConnectionCheck implements StructureCheck {

  @Override
  public Kind kind() {
    return Kind.CONNECTION;
  }

  @Override
  public String type() {
    return "flatFile";
  }

  @Override
  public Set<String> settings() {
    return FlatFileFormat.SETTINGS;
  }

  @Override
  public List<Finding> check(Map<String, Object> settings, Set<String> setByExpression) {
    if (setByExpression.stream().anyMatch(FlatFileFormat.SETTINGS::contains)) {
      return List.of(); // the format is only known when the package runs; checked then
    }
    try {
      FlatFileFormat.check(settings);
      return List.of();
    } catch (PlanningException e) {
      return List.of(Finding.ofSettings(e.getMessage()));
    }
  }
}
