package io.sluice.ssis.convert;

import static io.sluice.ssis.convert.ProcessAndFileTasks.attr;

import io.sluice.ssis.convert.PackageContext.ConvertedConnection;
import io.sluice.ssis.convert.TaskConverters.Outcome;
import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Bulk Insert task ({@code BulkInsertTask:BulkInsertTask} under DTS:ObjectData) to Sluice's {@code
 * BulkInsert}, which loads through PostgreSQL's COPY. What maps: the destination connection and
 * table, the source File connection, terminators, first and last row, batch size, code page and
 * char/widechar files, KeepIdentity and TableLock. A format file or a native data file has no
 * Sluice form (a placeholder); MaxErrors and SortedData are reported as not honoured, and
 * CheckConstraints/FireTriggers off as a note (COPY always checks and fires).
 */
final class BulkInsertTaskConverter {

  private final PackageContext ctx;
  private final ProcessAndFileTasks files;

  BulkInsertTaskConverter(PackageContext ctx, ProcessAndFileTasks files) {
    this.ctx = ctx;
    this.files = files;
  }

  Outcome convert(Element e, Draft d) {
    Element data = Dts.objectData(e).orElse(null);
    if (data == null) {
      return Outcome.placeholder("its Bulk Insert settings (DTS:ObjectData) are missing", null);
    }
    if (Dts.isTrue(attr(data, "UseFormatFile")) || !attr(data, "FormatFile").isBlank()) {
      return Outcome.placeholder(
          "it reads the data file through the format file " + attr(data, "FormatFile"),
          "write the file's terminators in the task (fieldTerminator, rowTerminator), or load it"
              + " with a DataFlow");
    }
    String fileType = attr(data, "DataFileType").trim().toLowerCase(Locale.ROOT);
    boolean wide = fileType.equals("2") || fileType.endsWith("widechar");
    if (fileType.equals("1") || fileType.equals("3") || fileType.endsWith("native")) {
      return Outcome.placeholder(
          "its data file is in SQL Server's native format (" + attr(data, "DataFileType") + ")",
          "export the data as text (char or widechar) and import again");
    }
    String reference = attr(data, "DestinationConnection").trim();
    Optional<ConvertedConnection> c = ctx.connection(reference);
    if (c.isEmpty() || !"jdbc".equals(c.get().type())) {
      return Outcome.placeholder(
          c.isEmpty()
              ? "its destination connection manager " + reference + " is not in this package"
              : "its destination connection manager "
                  + c.get().name()
                  + " was not converted to a jdbc connection",
          "convert the connection, then write the task as BulkInsert");
    }
    String table = attr(data, "DestinationTableName").trim();
    if (table.isEmpty()) {
      return Outcome.placeholder("it names no destination table", "name the table");
    }
    d.type = "BulkInsert";
    d.properties.put("connection", c.get().name());
    d.properties.put("table", table);
    Optional<String> why = files.end(d, data, "source", "SourceConnection", "");
    if (why.isPresent()) {
      return Outcome.placeholder(why.get(), null);
    }
    List<String> notes = new ArrayList<>();
    text(d, "fieldTerminator", attr(data, "FieldTerminator"));
    text(d, "rowTerminator", attr(data, "RowTerminator"));
    if (wide) {
      d.properties.put("dataFileType", "widechar");
    }
    codePage(d, attr(data, "CodePage").trim(), notes);
    number(d, "firstRow", attr(data, "FirstRow"), 1);
    number(d, "lastRow", attr(data, "LastRow"), 0);
    number(d, "batchSize", attr(data, "BatchSize"), 0);
    if (Dts.isTrue(attr(data, "KeepIdentity"))) {
      d.properties.put("keepIdentity", true);
    }
    if (Dts.isTrue(attr(data, "TableLock"))) {
      d.properties.put("tableLock", true);
    }
    if (!Dts.isTrue(attr(data, "KeepNulls"))) {
      notes.add(
          "KeepNulls is off: Sluice loads an empty field as NULL where BULK INSERT puts the"
              + " column's default");
    }
    if (!Dts.isTrue(attr(data, "CheckConstraints")) || !Dts.isTrue(attr(data, "FireTriggers"))) {
      notes.add(
          "PostgreSQL's COPY always checks constraints and fires row triggers (SSIS had"
              + " CheckConstraints or FireTriggers off)");
    }
    String maxErrors = attr(data, "MaxErrors").trim();
    if (!maxErrors.isEmpty() && !maxErrors.equals("0")) {
      notes.add(
          "MaxErrors "
              + maxErrors
              + " is not honoured: the first row PostgreSQL refuses fails the task");
    }
    if (!attr(data, "SortedData").isBlank()) {
      notes.add("SortedData (" + attr(data, "SortedData") + ") is a SQL Server hint; dropped");
    }
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("DestinationTableName", "table");
    targets.put("FieldTerminator", "fieldTerminator");
    targets.put("RowTerminator", "rowTerminator");
    targets.put("FirstRow", "firstRow");
    targets.put("LastRow", "lastRow");
    targets.put("BatchSize", "batchSize");
    return Outcome.converted(targets, notes);
  }

  private static void text(Draft d, String setting, String value) {
    if (!value.isEmpty()) {
      d.properties.put(setting, value);
    }
  }

  private static void number(Draft d, String setting, String value, long fallback) {
    String v = value.trim();
    if (v.matches("\\d+") && Long.parseLong(v) != fallback) {
      d.properties.put(setting, Long.parseLong(v));
    }
  }

  /** RAW (no conversion) reads as UTF-8; ACP and OEM as the usual Western code pages. */
  private static void codePage(Draft d, String codePage, List<String> notes) {
    switch (codePage.toUpperCase(Locale.ROOT)) {
      case "", "RAW", "65001" -> {}
      case "ACP" -> {
        d.properties.put("codePage", 1252L);
        notes.add("CodePage ACP became 1252 (the Windows ANSI code page of Western systems)");
      }
      case "OEM" -> {
        d.properties.put("codePage", 437L);
        notes.add("CodePage OEM became 437 (the OEM code page of US systems)");
      }
      default -> {
        if (codePage.matches("\\d+")) {
          d.properties.put("codePage", Long.parseLong(codePage));
        } else {
          notes.add("CodePage " + codePage + " is unknown; the file is read as UTF-8");
        }
      }
    }
  }
}
