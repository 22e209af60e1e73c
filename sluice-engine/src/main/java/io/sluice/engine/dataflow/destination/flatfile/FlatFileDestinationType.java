package io.sluice.engine.dataflow.destination.flatfile;

import io.sluice.engine.dataflow.FlatFileConnection;
import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.dataflow.source.flatfile.FlatFileFormat;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.Formats;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code FlatFileDestination}: writes rows to a flat file connection's file, delimited (text
 * qualified only where a value needs it) or fixed width (padded with spaces, cut to the width). The
 * connection's columns pick input columns by name; without columns, every input column goes.
 */
public final class FlatFileDestinationType extends SimpleComponentType {

  public FlatFileDestinationType() {
    super("FlatFileDestination", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("connection", "overwrite");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    String connectionName = spec.settings().string("connection");
    FlatFileConnection connection =
        context
            .environment()
            .flatFile(connectionName)
            .orElseThrow(
                () ->
                    new PlanningException(
                        "connection '" + connectionName + "' is not a flat file connection"));
    RowSchema input = context.input(0);
    boolean declared = connection.settings().get("columns") != null;
    FlatFileFormat format = declared ? FlatFileFormat.of(connection, false) : null;
    List<Column> columns = declared ? format.columns() : input.columns();
    if (!declared) {
      format = FlatFileFormat.withColumns(connection, input.columns());
    }
    int[] sources = columns.stream().mapToInt(c -> input.indexOf(c.name())).toArray();
    DataType[] types = new DataType[sources.length];
    for (int i = 0; i < sources.length; i++) {
      types[i] = input.column(sources[i]).type();
    }
    boolean append = !spec.settings().bool("overwrite", true);
    FlatFileFormat f = format;
    return PlannedComponent.of(
        List.of(),
        io -> {
          StandardOpenOption mode =
              append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
          boolean header =
              f.headerRow() && (!append || !Files.exists(f.path()) || Files.size(f.path()) == 0);
          try (BufferedWriter out =
              new BufferedWriter(
                  new OutputStreamWriter(
                      Files.newOutputStream(
                          f.path(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode),
                      f.charset()),
                  1 << 16)) {
            RowWriter writer = new RowWriter(f, out);
            if (header) {
              writer.header(columns.stream().map(Column::name).toList());
            }
            Buffer buffer;
            long rows = 0;
            List<String> values = new ArrayList<>(sources.length);
            while ((buffer = io.take(0)) != null) {
              for (int i = 0; i < buffer.size(); i++) {
                int r = buffer.row(i);
                values.clear();
                for (int c = 0; c < sources.length; c++) {
                  Object v = buffer.value(sources[c], r);
                  values.add(v == null ? null : Formats.format(v, types[c]));
                }
                writer.row(values);
              }
              rows += buffer.size();
            }
            io.information("\"" + f.path() + "\": " + rows + " rows written.");
          } catch (IOException e) {
            throw new IOException("cannot write " + f.path() + ": " + e.getMessage(), e);
          }
        });
  }
}
