package io.sluice.engine.dataflow.source.flatfile;

import io.sluice.engine.dataflow.FlatFileConnection;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.ComponentType;
import io.sluice.engine.dataflow.pipeline.ErrorDisposition;
import io.sluice.engine.dataflow.pipeline.OutputPlan;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.Settings;
import io.sluice.engine.dataflow.pipeline.SortKey;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code FlatFileSource}: reads a flat file connection's rows, typed as its columns say. Outputs
 * {@code Output} and {@code Error} (rows whose value did not convert, when redirected).
 */
public final class FlatFileSourceType implements ComponentType {

  @Override
  public String name() {
    return "FlatFileSource";
  }

  @Override
  public int minInputs() {
    return 0;
  }

  @Override
  public int maxInputs() {
    return 0;
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("connection", "onError", "columnErrors", "sortedBy");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Settings s = spec.settings();
    String connectionName = s.string("connection");
    FlatFileConnection connection =
        context
            .environment()
            .flatFile(connectionName)
            .orElseThrow(
                () ->
                    new PlanningException(
                        "connection '" + connectionName + "' is not a flat file connection"));
    FlatFileFormat format = FlatFileFormat.of(connection, true);
    ErrorDisposition onError = ErrorDisposition.parse(s.string("onError", null));
    List<ErrorDisposition> perColumn = new ArrayList<>();
    Settings overrides = s.map("columnErrors");
    for (Column c : format.columns()) {
      perColumn.add(
          overrides.has(c.name()) ? ErrorDisposition.parse(overrides.string(c.name())) : onError);
    }
    RowSchema schema = RowSchema.of(format.columns()).withSortedBy(sortedBy(s, format));
    return PlannedComponent.of(
        List.of(
            new OutputPlan("Output", schema),
            new OutputPlan("Error", RowErrors.errorSchema(schema))),
        new FlatFileSource(format, perColumn));
  }

  /** A file already in order may say so, for Merge and Merge Join (SSIS's IsSorted). */
  private static List<SortKey> sortedBy(Settings s, FlatFileFormat format) {
    RowSchema plain = RowSchema.of(format.columns());
    List<SortKey> keys = new ArrayList<>();
    for (String name : s.strings("sortedBy")) {
      keys.add(new SortKey(plain.indexOf(name), false));
    }
    return keys;
  }
}
