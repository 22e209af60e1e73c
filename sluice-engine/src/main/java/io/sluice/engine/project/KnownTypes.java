package io.sluice.engine.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every task, connection and data-flow component type a project may use, with the settings each
 * takes, modelled on SSIS. docs/package-format.md describes the same table for users: change both
 * together.
 */
final class KnownTypes {

  private KnownTypes() {}

  /** Keys every task and container has; the parser reads them into TaskDefinition fields. */
  static final Set<String> TASK_COMMON_KEYS =
      Set.of(
          "name",
          "type",
          "description",
          "disabled",
          "after",
          "afterMode",
          "tasks",
          "eventHandlers",
          "expressions");

  static final List<String> FORCED_RESULTS = List.of("none", "success", "failure", "completion");

  static final Set<String> CONTAINER_TYPES = Set.of("Sequence", "ForLoop", "ForeachLoop");

  /**
   * Loops must have something to repeat; an empty Sequence is a common anchor, so it may be empty.
   */
  static final Set<String> LOOP_TYPES = Set.of("ForLoop", "ForeachLoop");

  static final List<String> FILE_OPERATIONS_WITH_DESTINATION =
      List.of("copyFile", "moveFile", "renameFile", "copyDirectory", "moveDirectory");

  /** SSIS data-flow column types (DT_*), as written in flat-file columns and conversions. */
  static final List<String> DATA_TYPES =
      List.of(
          "DT_BOOL",
          "DT_I1",
          "DT_I2",
          "DT_I4",
          "DT_I8",
          "DT_UI1",
          "DT_UI2",
          "DT_UI4",
          "DT_UI8",
          "DT_R4",
          "DT_R8",
          "DT_CY",
          "DT_DECIMAL",
          "DT_NUMERIC",
          "DT_STR",
          "DT_WSTR",
          "DT_TEXT",
          "DT_NTEXT",
          "DT_BYTES",
          "DT_IMAGE",
          "DT_GUID",
          "DT_DATE",
          "DT_DBDATE",
          "DT_DBTIME",
          "DT_DBTIME2",
          "DT_DBTIMESTAMP",
          "DT_DBTIMESTAMP2",
          "DT_DBTIMESTAMPOFFSET");

  /** The keys of one column of a flat file. */
  static final Settings FLAT_FILE_COLUMN =
      Settings.of("a flatFile column")
          .required("name")
          .choice("type", DATA_TYPES.toArray(String[]::new))
          .required("type")
          .wholeNumber("length", 1)
          .wholeNumber("precision", 1)
          .wholeNumber("scale", 0)
          .keys("format");

  static final Map<String, Settings> TASKS = new LinkedHashMap<>();
  static final Map<String, Settings> CONNECTIONS = new LinkedHashMap<>();
  static final Map<String, Settings> ENUMERATORS = new LinkedHashMap<>();
  static final Map<String, ComponentType> COMPONENTS = new LinkedHashMap<>();

  /** A data-flow component type: its settings, how many inputs it takes, the outputs it has. */
  record ComponentType(Settings settings, Inputs inputs, List<String> outputs) {
    /** Multicast makes an output for every path taken from it, so any output name is fine. */
    boolean anyOutputName() {
      return outputs == null;
    }
  }

  enum Inputs {
    NONE,
    ONE,
    MANY
  }

  /** Properties every executable (task, container, package) has in SSIS. */
  static Settings executable(Settings s) {
    return s.wholeNumber("maximumErrorCount", 0)
        .choice("forceExecutionResult", FORCED_RESULTS.toArray(String[]::new))
        .bool("failPackageOnFailure", "failParentOnFailure");
  }

  static {
    TASKS.put(
        "ExecuteSql",
        executable(Settings.of("an ExecuteSql task"))
            .connection("connection", "jdbc")
            .required("connection")
            .exactlyOne("statement", "file", "statementVariable")
            .list("parameters")
            .choice("resultSet", "none", "singleRow", "fullResultSet")
            .mapping("results")
            .wholeNumber("timeout", 0));
    TASKS.put(
        "DataFlow",
        executable(Settings.of("a DataFlow task"))
            .list("components")
            .required("components")
            .wholeNumber("defaultBufferMaxRows", 1)
            .wholeNumber("defaultBufferSize", 1)
            .wholeNumber("engineThreads", 1));
    TASKS.put(
        "ExecuteProcess",
        executable(Settings.of("an ExecuteProcess task"))
            .required("executable")
            .keys("arguments", "workingDirectory")
            .wholeNumber("successValue", Long.MIN_VALUE)
            .bool("failTaskIfReturnCodeIsNotSuccessValue")
            .wholeNumber("timeout", 0)
            .keys("standardInputVariable", "standardOutputVariable", "standardErrorVariable"));
    TASKS.put(
        "FileSystem",
        executable(Settings.of("a FileSystem task"))
            .choice(
                "operation",
                "copyFile",
                "moveFile",
                "renameFile",
                "deleteFile",
                "createDirectory",
                "copyDirectory",
                "moveDirectory",
                "deleteDirectory",
                "deleteDirectoryContent")
            .required("operation")
            .connection("sourceConnection", "file")
            .exactlyOne("source", "sourceConnection")
            .connection("destinationConnection", "file")
            .keys("destination")
            .bool("overwrite"));
    TASKS.put(
        "ExecutePackage",
        executable(Settings.of("an ExecutePackage task"))
            .required("package")
            .mapping("parameters"));
    TASKS.put("Expression", executable(Settings.of("an Expression task")).required("expression"));
    TASKS.put("Sequence", executable(Settings.of("a Sequence container")));
    TASKS.put(
        "ForLoop",
        executable(Settings.of("a ForLoop container"))
            .keys("initExpression", "assignExpression")
            .required("evalExpression"));
    TASKS.put(
        "ForeachLoop",
        executable(Settings.of("a ForeachLoop container"))
            .mapping("enumerator")
            .required("enumerator")
            .mapping("variableMappings"));

    ENUMERATORS.put(
        "file",
        Settings.of("a file enumerator")
            .keys("type")
            .required("folder")
            .keys("files")
            .bool("recursive")
            .choice("retrieve", "fullyQualified", "nameAndExtension", "nameOnly"));
    ENUMERATORS.put(
        "item", Settings.of("an item enumerator").keys("type").list("items").required("items"));
    ENUMERATORS.put(
        "variable", Settings.of("a variable enumerator").keys("type").required("variable"));

    CONNECTIONS.put(
        "jdbc",
        Settings.of("a jdbc connection")
            .required("url")
            .keys("user", "password")
            .mapping("properties"));
    CONNECTIONS.put(
        "flatFile",
        Settings.of("a flatFile connection")
            .required("file")
            .keys("delimiter", "textQualifier", "rowDelimiter", "encoding", "locale")
            .bool("header")
            .wholeNumber("headerRowsToSkip", 0)
            .list("columns")
            .required("columns"));
    CONNECTIONS.put(
        "file",
        Settings.of("a file connection")
            .required("path")
            .choice("usage", "existingFile", "createFile", "existingFolder", "createFolder"));

    List<String> rowOutputs = List.of("output", "error");
    COMPONENTS.put(
        "FlatFileSource",
        new ComponentType(
            component("a FlatFileSource")
                .connection("connection", "flatFile")
                .required("connection"),
            Inputs.NONE,
            rowOutputs));
    COMPONENTS.put(
        "JdbcSource",
        new ComponentType(
            component("a JdbcSource")
                .connection("connection", "jdbc")
                .required("connection")
                .exactlyOne("query", "table"),
            Inputs.NONE,
            rowOutputs));
    COMPONENTS.put(
        "DerivedColumn",
        new ComponentType(
            component("a DerivedColumn").list("columns").required("columns"),
            Inputs.ONE,
            rowOutputs));
    COMPONENTS.put(
        "DataConversion",
        new ComponentType(
            component("a DataConversion").list("columns").required("columns"),
            Inputs.ONE,
            rowOutputs));
    COMPONENTS.put(
        "Lookup",
        new ComponentType(
            component("a Lookup")
                .connection("connection", "jdbc")
                .required("connection")
                .exactlyOne("query", "table")
                .mapping("join")
                .required("join")
                .mapping("columns")
                .choice("noMatch", "fail", "ignore", "redirect")
                .choice("cache", "full", "partial", "none"),
            Inputs.ONE,
            List.of("match", "noMatch", "error")));
    COMPONENTS.put(
        "ConditionalSplit",
        new ComponentType(
            component("a ConditionalSplit")
                .list("conditions")
                .required("conditions")
                .keys("defaultOutput"),
            Inputs.ONE,
            List.of("error")));
    COMPONENTS.put("Multicast", new ComponentType(component("a Multicast"), Inputs.ONE, null));
    COMPONENTS.put(
        "UnionAll", new ComponentType(component("a UnionAll"), Inputs.MANY, List.of("output")));
    COMPONENTS.put(
        "MergeJoin",
        new ComponentType(
            component("a MergeJoin")
                .choice("joinType", "inner", "left", "full")
                .mapping("join")
                .required("join"),
            Inputs.MANY,
            List.of("output")));
    COMPONENTS.put(
        "Sort",
        new ComponentType(
            component("a Sort").list("columns").required("columns").bool("removeDuplicates"),
            Inputs.ONE,
            List.of("output")));
    COMPONENTS.put(
        "Aggregate",
        new ComponentType(
            component("an Aggregate").list("groupBy", "aggregations").required("aggregations"),
            Inputs.ONE,
            List.of("output")));
    COMPONENTS.put(
        "RowCount",
        new ComponentType(
            component("a RowCount").required("variable"), Inputs.ONE, List.of("output")));
    COMPONENTS.put(
        "FlatFileDestination",
        new ComponentType(
            component("a FlatFileDestination")
                .connection("connection", "flatFile")
                .required("connection")
                .bool("overwrite"),
            Inputs.ONE,
            List.of("error")));
    COMPONENTS.put(
        "JdbcDestination",
        new ComponentType(
            component("a JdbcDestination")
                .connection("connection", "jdbc")
                .required("connection")
                .required("table")
                .mapping("columns")
                .wholeNumber("batchSize", 1),
            Inputs.ONE,
            List.of("error")));
  }

  /** Keys every data-flow component has. */
  private static Settings component(String what) {
    return Settings.of(what)
        .keys("name", "type", "description", "input")
        .list("inputs")
        .choice("onError", "fail", "ignore", "redirect")
        .choice("onTruncation", "fail", "ignore", "redirect");
  }
}
