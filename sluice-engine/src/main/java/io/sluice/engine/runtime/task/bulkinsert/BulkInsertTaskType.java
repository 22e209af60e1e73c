package io.sluice.engine.runtime.task.bulkinsert;

import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;
import io.sluice.api.task.PluginTask;
import io.sluice.api.task.TaskPlugin;
import io.sluice.api.task.TaskResult;
import io.sluice.api.task.TaskSetup;
import io.sluice.engine.plugin.BuiltInTaskPlugin;
import java.util.List;

/**
 * Bulk Insert (SSIS's Bulk Insert task, which runs SQL Server's BULK INSERT): loads a delimited
 * text file into a table through PostgreSQL's COPY. The file is read here, cut at SSIS's row and
 * column delimiters (any text, where COPY's delimiter is one byte), rows outside first row..last
 * row left out, and streamed to COPY in its text format; each {@code batchSize} rows commit as a
 * transaction, as BULK INSERT's BATCHSIZE does.
 *
 * <p>Written on the SDK like the File System task. Options of BULK INSERT with no PostgreSQL
 * meaning are documented deviations (docs/package-format.md): COPY always checks constraints and
 * fires row triggers.
 */
public final class BulkInsertTaskType extends BuiltInTaskPlugin {

  static final List<String> DATA_FILE_TYPES = List.of("char", "widechar");

  public BulkInsertTaskType() {
    super(new Plugin());
  }

  static final class Plugin implements TaskPlugin {

    @Override
    public String name() {
      return "BulkInsert";
    }

    @Override
    public SettingsSchema settings() {
      return SettingsSchema.of(
          Setting.connection("connection", "jdbc")
              .required()
              .describedAs("The PostgreSQL database (SSIS's DestinationConnection)"),
          Setting.text("table").required().describedAs("schema.table (DestinationTableName)"),
          Setting.text("source").describedAs("The data file's path"),
          Setting.connection("sourceConnection", "file")
              .describedAs("Or a file connection (SSIS's SourceConnection)"),
          Setting.text("fieldTerminator").describedAs("Column delimiter, default Tab"),
          Setting.text("rowTerminator").describedAs("Row delimiter, default {CR}{LF}"),
          Setting.choice("dataFileType", DATA_FILE_TYPES.toArray(new String[0]))
              .describedAs("char (default: codePage) or widechar (UTF-16LE)"),
          Setting.integer("codePage").describedAs("Code page of a char file, default 65001"),
          Setting.integer("firstRow").describedAs("First row to load, 1-based, default 1"),
          Setting.integer("lastRow").describedAs("Last row to load, 0 (default) = the last"),
          Setting.integer("batchSize")
              .describedAs("Rows per transaction, 0 (default) = the whole file in one"),
          Setting.bool("keepNulls").describedAs("Empty fields load as NULL (see deviations)"),
          Setting.bool("keepIdentity").describedAs("Load the file's values into identity columns"),
          Setting.bool("tableLock").describedAs("Lock the table for the load"),
          Setting.bool("checkConstraints").describedAs("Always true on PostgreSQL"),
          Setting.bool("fireTriggers").describedAs("Always true on PostgreSQL"));
    }

    @Override
    public PluginTask prepare(TaskSetup setup) {
      SettingValues s = setup.settings();
      boolean path = s.has("source");
      boolean connection = s.has("sourceConnection");
      if (path == connection) {
        setup.problem("give the data file as 'source' (a path) or 'sourceConnection', not both");
      }
      check(setup, "firstRow", 1);
      check(setup, "lastRow", 0);
      check(setup, "batchSize", 0);
      check(setup, "codePage", 1);
      for (String off : List.of("checkConstraints", "fireTriggers")) {
        if (!s.bool(off, true)) {
          setup.problem(
              "'"
                  + off
                  + ": false' cannot be honoured: PostgreSQL's COPY always "
                  + (off.equals("fireTriggers") ? "fires row triggers" : "checks constraints")
                  + "; remove the setting or set it to true");
        }
      }
      return context -> {
        new BulkInsertTask(BulkInsertOptions.of(context)).execute(context);
        return TaskResult.SUCCESS;
      };
    }

    private static void check(TaskSetup setup, String name, long minimum) {
      SettingValues s = setup.settings();
      if (s.has(name) && s.integer(name, minimum) < minimum) {
        setup.problem("'" + name + "' must be " + minimum + " or more");
      }
    }
  }
}
