package io.sluice.engine.runtime.task.bulkinsert;

import io.sluice.api.settings.SettingValues;
import io.sluice.api.task.TaskContext;
import io.sluice.engine.type.ValueConverter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** A Bulk Insert task's settings as one run has them (property expressions applied). */
record BulkInsertOptions(
    String connection,
    String table,
    Path file,
    String fieldTerminator,
    String rowTerminator,
    Charset charset,
    long firstRow,
    long lastRow,
    long batchSize,
    boolean keepIdentity,
    boolean tableLock) {

  static BulkInsertOptions of(TaskContext context) {
    SettingValues s = context.settings();
    String sourceConnection = s.text("sourceConnection");
    Path file =
        sourceConnection != null
            ? context.connections().path(sourceConnection)
            : Path.of(s.text("source"));
    Charset charset =
        "widechar".equals(s.text("dataFileType"))
            ? StandardCharsets.UTF_16LE
            : ValueConverter.charset((int) s.integer("codePage", 65001));
    return new BulkInsertOptions(
        s.text("connection"),
        s.text("table"),
        file,
        delimiter(s.text("fieldTerminator"), "\t"),
        delimiter(s.text("rowTerminator"), "\r\n"),
        charset,
        s.integer("firstRow", 1),
        s.integer("lastRow", 0),
        s.integer("batchSize", 0),
        s.bool("keepIdentity", false),
        s.bool("tableLock", false));
  }

  /**
   * A delimiter as SSIS writes it ({@code {CR}{LF}}, {@code Tab}, {@code Comma}, {@code Semicolon},
   * {@code Vertical Bar}) or as BULK INSERT does ({@code \r\n}, {@code \t}), or the text itself.
   */
  static String delimiter(String text, String fallback) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    String named =
        switch (text.trim().toLowerCase(Locale.ROOT)) {
          case "tab", "{t}" -> "\t";
          case "comma" -> ",";
          case "colon" -> ":";
          case "semicolon" -> ";";
          case "vertical bar", "verticalbar" -> "|";
          default -> null;
        };
    if (named != null) {
      return named;
    }
    return text.replace("{CR}", "\r")
        .replace("{LF}", "\n")
        .replace("{t}", "\t")
        .replace("\\r", "\r")
        .replace("\\n", "\n")
        .replace("\\t", "\t");
  }
}
