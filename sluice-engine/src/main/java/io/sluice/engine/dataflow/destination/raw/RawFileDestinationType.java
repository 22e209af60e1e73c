package io.sluice.engine.dataflow.destination.raw;

import io.sluice.engine.dataflow.pipeline.Column;
import io.sluice.engine.dataflow.pipeline.ComponentSpec;
import io.sluice.engine.dataflow.pipeline.PlanContext;
import io.sluice.engine.dataflow.pipeline.PlannedComponent;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.pipeline.RowSchema;
import io.sluice.engine.dataflow.pipeline.SettingKeys;
import io.sluice.engine.dataflow.pipeline.SimpleComponentType;
import io.sluice.engine.dataflow.source.raw.RawFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code RawFileDestination} (SSIS Raw File Destination): writes the input's columns (or those
 * {@code columns} names) to a raw file, with SSIS's write options. No output.
 */
public final class RawFileDestinationType extends SimpleComponentType {

  public RawFileDestinationType() {
    super("RawFileDestination", 1);
  }

  @Override
  public SettingKeys settingKeys() {
    return SettingKeys.of("file", "connection", "columns", "writeOption");
  }

  @Override
  public PlannedComponent plan(ComponentSpec spec, PlanContext context) {
    Path file = RawFile.path(spec.settings(), context.environment());
    WriteOption option = WriteOption.parse(spec.settings().string("writeOption", "createAlways"));
    RowSchema input = context.input(0);
    List<String> wanted = spec.settings().strings("columns");
    List<Column> columns = new ArrayList<>();
    int[] sources;
    if (wanted.isEmpty()) {
      columns.addAll(input.columns());
      sources = new int[input.width()];
      for (int i = 0; i < sources.length; i++) {
        sources[i] = i;
      }
    } else {
      sources = new int[wanted.size()];
      for (int i = 0; i < sources.length; i++) {
        sources[i] = input.indexOf(wanted.get(i));
        columns.add(input.column(sources[i]));
      }
    }
    return PlannedComponent.of(List.of(), new RawFileDestination(file, option, columns, sources));
  }

  /** SSIS's WriteOption. */
  enum WriteOption {
    /** Create always (SSIS's default): a new file, replacing one that is there. */
    CREATE_ALWAYS,
    /** Create once: a new file; fails when the file exists. */
    CREATE_ONCE,
    /** Append: rows after the existing ones; the file must exist with the same columns. */
    APPEND,
    /** Truncate and append: keeps the existing file's columns, replaces its rows. */
    TRUNCATE_AND_APPEND;

    /** The name as written in YAML, e.g. {@code truncateAndAppend}. */
    @Override
    public String toString() {
      String[] words = name().toLowerCase(Locale.ROOT).split("_");
      StringBuilder b = new StringBuilder(words[0]);
      for (int i = 1; i < words.length; i++) {
        b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
      return b.toString();
    }

    static WriteOption parse(String text) {
      String key = text.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
      for (WriteOption o : values()) {
        if (o.toString().toLowerCase(Locale.ROOT).equals(key)) {
          return o;
        }
      }
      throw new PlanningException(
          "writeOption '"
              + text
              + "' is not one of createAlways, createOnce, append, truncateAndAppend");
    }
  }
}
