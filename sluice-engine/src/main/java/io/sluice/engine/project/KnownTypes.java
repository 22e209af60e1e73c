package io.sluice.engine.project;

import io.sluice.api.connection.ConnectionPlugin;
import io.sluice.api.task.TaskPlugin;
import io.sluice.api.text.Articles;
import io.sluice.engine.plugin.BuiltInPlugins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every task and connection type a project may use, with the settings each takes, modelled on SSIS.
 * docs/package-format.md describes the same tables for users: change both together. Types whose
 * settings another part of the engine reads (DataFlow tasks, flatFile formats) take their keys and
 * checks from that part through {@link StructureCheck}, and data-flow components are not listed
 * here at all: docs/data-flow.md describes them.
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

  static final Map<String, Settings> TASKS = new LinkedHashMap<>();
  static final Map<String, Settings> CONNECTIONS = new LinkedHashMap<>();
  static final Map<String, Settings> ENUMERATORS = new LinkedHashMap<>();

  /** Checks other parts of the engine register, by task or connection type. */
  static final Map<String, StructureCheck> TASK_CHECKS = new LinkedHashMap<>();

  static final Map<String, StructureCheck> CONNECTION_CHECKS = new LinkedHashMap<>();

  /** Properties every executable (task, container, package) has in SSIS. */
  static Settings executable(Settings s) {
    return s.wholeNumber("maximumErrorCount", 0)
        .choice("forceExecutionResult", FORCED_RESULTS.toArray(String[]::new))
        .bool("failPackageOnFailure", "failParentOnFailure");
  }

  static {
    for (StructureCheck check :
        ServiceLoader.load(StructureCheck.class, StructureCheck.class.getClassLoader())) {
      (check.kind() == StructureCheck.Kind.TASK ? TASK_CHECKS : CONNECTION_CHECKS)
          .put(check.type(), check);
    }
    // A build without them would pass every data flow unchecked: refuse to parse instead.
    if (!TASK_CHECKS.containsKey("DataFlow")
        || !CONNECTION_CHECKS.containsKey("flatFile")
        || !CONNECTION_CHECKS.containsKey("cache")) {
      throw new IllegalStateException(
          "the DataFlow and flatFile structure checks are not registered; the jar lacks"
              + " META-INF/services/"
              + StructureCheck.class.getName());
    }
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
            .checkedElsewhere(sorted(TASK_CHECKS.get("DataFlow").settings())));
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
        "BulkInsert",
        executable(Settings.of("a BulkInsert task"))
            .connection("connection", "jdbc")
            .required("connection")
            .required("table")
            .connection("sourceConnection", "file")
            .exactlyOne("source", "sourceConnection")
            .keys("fieldTerminator", "rowTerminator")
            .choice("dataFileType", "char", "widechar")
            .wholeNumber("codePage", 1)
            .wholeNumber("firstRow", 1)
            .wholeNumber("lastRow", 0)
            .wholeNumber("batchSize", 0)
            .bool("keepNulls", "keepIdentity", "tableLock", "checkConstraints", "fireTriggers"));
    TASKS.put(
        "ExecutePackage",
        executable(Settings.of("an ExecutePackage task"))
            .required("package")
            .mapping("parameters"));
    TASKS.put("Expression", executable(Settings.of("an Expression task")).required("expression"));
    TASKS.put("Sequence", executable(Settings.of("a Sequence container")));
    // What the SSIS importer writes in place of a task it cannot convert: fails if reached.
    TASKS.put(
        "Unsupported",
        executable(Settings.of("an Unsupported task")).required("ssisType").required("message"));
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
            .checkedElsewhere(sorted(CONNECTION_CHECKS.get("flatFile").settings())));
    CONNECTIONS.put(
        "cache",
        Settings.of("a cache connection")
            .checkedElsewhere(sorted(CONNECTION_CHECKS.get("cache").settings())));
    CONNECTIONS.put(
        "file",
        Settings.of("a file connection")
            .required("path")
            .choice("usage", "existingFile", "createFile", "existingFolder", "createFolder"));
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }

  static {
    // SDK types of Sluice's own modules (sluice-mail ...): checked from their schemas, as a
    // project plugin's are, but built-in (a project plugin cannot take their names)
    for (TaskPlugin t : BuiltInPlugins.taskPlugins()) {
      TASKS.putIfAbsent(
          t.name(),
          PluginSchemas.settings(
              Articles.a(t.name()) + " task",
              t.settings().settings(),
              executable(Settings.of(Articles.a(t.name()) + " task"))));
    }
    for (ConnectionPlugin c : BuiltInPlugins.connectionPlugins().values()) {
      CONNECTIONS.putIfAbsent(
          c.name(),
          PluginSchemas.settings(
              Articles.a(c.name()) + " connection", c.settings().settings(), null));
    }
    // Task types that live in modules of their own (the Script task of sluice-script): their
    // check's keys are the settings, the check validates them, and a build without the module
    // reports the type as unknown.
    for (StructureCheck check : TASK_CHECKS.values()) {
      TASKS.computeIfAbsent(
          check.type(),
          type ->
              executable(Settings.of(Articles.a(type) + " task"))
                  .checkedElsewhere(sorted(check.settings())));
    }
  }
}
