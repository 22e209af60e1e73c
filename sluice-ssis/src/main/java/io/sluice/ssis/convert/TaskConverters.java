package io.sluice.ssis.convert;

import io.sluice.engine.project.ConnectionDefinition;
import io.sluice.ssis.convert.PackageContext.ConvertedConnection;
import io.sluice.ssis.convert.dataflow.DataFlowConverter;
import io.sluice.ssis.convert.dataflow.DataFlowHost;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Each SSIS task and container type the engine can run, converted into the draft's type and
 * settings; any other type answers a placeholder reason. See {@link ControlFlowConverter} for what
 * happens then.
 */
final class TaskConverters {

  static final Set<String> CONTAINERS = Set.of("Sequence", "ForLoop", "ForeachLoop");

  /**
   * What became of a task.
   *
   * @param placeholderReason null when converted
   * @param expressionTargets SSIS property name to the Sluice setting its expression sets
   * @param childrenReported whether a placeholder container already listed its children
   * @param stub whether a placeholder keeps the draft's own type and settings (a Script task whose
   *     body asks for the port) instead of becoming an Unsupported task
   */
  record Outcome(
      String placeholderReason,
      String todo,
      List<String> notes,
      Map<String, String> expressionTargets,
      boolean childrenReported,
      boolean stub) {

    static Outcome converted() {
      return new Outcome(null, null, List.of(), Map.of(), false, false);
    }

    static Outcome converted(Map<String, String> expressionTargets, List<String> notes) {
      return new Outcome(null, null, List.copyOf(notes), expressionTargets, false, false);
    }

    static Outcome placeholder(String why, String todo) {
      return new Outcome(why, todo, List.of(), Map.of(), false, false);
    }

    /** A placeholder that is a task of the real type, not yet able to run as in SSIS. */
    static Outcome stub(String why, String todo) {
      return new Outcome(why, todo, List.of(), Map.of(), false, true);
    }
  }

  private final PackageContext ctx;
  private final ControlFlowConverter flow;

  private final ProcessAndFileTasks processAndFiles;
  private final SendMailTaskConverter sendMail;

  TaskConverters(PackageContext ctx, ControlFlowConverter flow) {
    this.ctx = ctx;
    this.flow = flow;
    this.processAndFiles = new ProcessAndFileTasks(ctx, this::referenceProblem);
    this.sendMail = new SendMailTaskConverter(ctx, this::referenceProblem);
  }

  Outcome convert(Element e, Draft d, String ssisType) {
    String t = ssisType.toUpperCase(Locale.ROOT);
    if (t.equals("STOCK:SEQUENCE")) {
      d.type = "Sequence";
      d.tasks = flow.tasks(e, d.path);
      return Outcome.converted();
    }
    if (t.equals("STOCK:FORLOOP")) {
      return forLoop(e, d);
    }
    if (t.equals("STOCK:FOREACHLOOP")) {
      return foreachLoop(e, d);
    }
    if (t.contains("EXECUTESQLTASK")) {
      return executeSql(e, d);
    }
    if (t.contains("EXPRESSIONTASK")) {
      return expression(e, d);
    }
    if (t.contains("EXECUTEPACKAGETASK")) {
      return executePackage(e, d);
    }
    if (isDataFlow(ssisType)) {
      return dataFlow(e, d);
    }
    if (t.contains("SCRIPTTASK")) {
      return ScriptTaskStub.convert(ctx, e, d);
    }
    if (t.contains("EXECUTEPROCESS")) {
      return processAndFiles.executeProcess(e, d);
    }
    if (t.contains("FILESYSTEMTASK")) {
      return processAndFiles.fileSystem(e, d);
    }
    if (t.contains("SENDMAILTASK")) {
      return sendMail.convert(e, d);
    }
    if (t.contains("FTPTASK")) {
      return processAndFiles.ftp(e, d);
    }
    if (t.contains("XMLTASK")) {
      return new XmlTaskConverter(ctx, this::referenceProblem).convert(e, d);
    }
    if (t.contains("BULKINSERTTASK")) {
      return new BulkInsertTaskConverter(ctx, processAndFiles).convert(e, d);
    }
    if (t.contains("WEBSERVICETASK")) {
      // the Http task (sluice-http) sends HTTP, but the WSDL call has to be written as a request
      return Outcome.placeholder(
          "Sluice does not call WSDL web methods (the Web Service task's Service and WebMethod)",
          "replace it with an Http task that POSTs the SOAP envelope to the service's URL through "
              + webServiceConnection(e)
              + " (docs/package-format.md, Http)");
    }
    return Outcome.placeholder(
        "Sluice has no task of type " + ssisType + " yet",
        "do its work with ExecuteSql, ExecuteProcess or FileSystem, or keep it disabled");
  }

  /** The http connection a Web Service task's HTTP connection manager became, in words. */
  private String webServiceConnection(Element e) {
    String reference =
        Dts.objectData(e).map(d -> ProcessAndFileTasks.attr(d, "ConnectionName")).orElse(null);
    return ctx.connection(reference)
        .filter(c -> "http".equals(c.type()))
        .map(c -> "the http connection '" + c.name() + "', converted from its connection manager")
        .orElse("an http connection");
  }

  static boolean isDataFlow(String ssisType) {
    String t = ssisType.toUpperCase(Locale.ROOT);
    return t.equals("MICROSOFT.PIPELINE") || t.startsWith("SSIS.PIPELINE");
  }

  private Outcome forLoop(Element e, Draft d) {
    String eval = Dts.prop(e, "EvalExpression");
    if (eval == null || eval.isBlank()) {
      return Outcome.placeholder(
          "its EvalExpression is empty (SSIS would loop forever)", "write the loop condition");
    }
    for (String x :
        new String[] {Dts.prop(e, "InitExpression"), eval, Dts.prop(e, "AssignExpression")}) {
      Optional<String> missing = SystemVariables.missingIn(x);
      if (missing.isPresent()) {
        return Outcome.placeholder(SystemVariables.why(missing.get(), x), SystemVariables.TODO);
      }
    }
    d.type = "ForLoop";
    putText(d, "initExpression", Dts.prop(e, "InitExpression"));
    d.properties.put("evalExpression", eval);
    putText(d, "assignExpression", Dts.prop(e, "AssignExpression"));
    d.tasks = flow.tasks(e, d.path);
    if (d.tasks.isEmpty()) {
      return emptyLoop(d);
    }
    return Outcome.converted(
        Map.of(
            "InitExpression", "initExpression",
            "EvalExpression", "evalExpression",
            "AssignExpression", "assignExpression"),
        List.of());
  }

  /** Sluice refuses a loop with nothing to repeat; an empty Sequence does as little. */
  private Outcome emptyLoop(Draft d) {
    d.properties.clear();
    d.type = "Sequence";
    return Outcome.converted(
        Map.of(),
        List.of("the loop has no tasks; Sluice refuses an empty loop, so it is an empty Sequence"));
  }

  private Outcome foreachLoop(Element e, Draft d) {
    Element enumerator = Dts.child(e, "ForEachEnumerator").orElse(null);
    if (enumerator == null) {
      return Outcome.placeholder("it has no enumerator", "choose what to iterate");
    }
    String kind = Optional.ofNullable(Dts.prop(enumerator, "CreationName")).orElse("");
    String k = kind.toUpperCase(Locale.ROOT);
    Map<String, Object> en = new LinkedHashMap<>();
    Map<String, String> targets = new LinkedHashMap<>();
    Element data = Dts.objectData(enumerator).orElse(null);
    if (k.contains("FOREACHFILEENUMERATOR") && data != null) {
      en.put("type", "file");
      for (Element p : Dts.elements(data)) {
        putIf(en, "folder", p.getAttribute("Folder"));
        putIf(en, "files", p.getAttribute("FileSpec"));
        String retrieval = p.getAttribute("FileNameRetrievalType");
        if (!retrieval.isEmpty()) {
          en.put(
              "retrieve",
              switch (retrieval.trim()) {
                case "1" -> "nameAndExtension";
                case "2" -> "nameOnly";
                default -> "fullyQualified";
              });
        }
        String recurse = p.getAttribute("Recurse");
        if (!recurse.isEmpty()) {
          en.put("recursive", Dts.isTrue(recurse));
        }
      }
      targets.put("Directory", "enumerator.folder");
      targets.put("FileSpec", "enumerator.files");
    } else if (k.contains("FOREACHADOENUMERATOR") && data != null) {
      Element ado = Dts.elements(data).stream().findFirst().orElse(null);
      String var = ado == null ? "" : ado.getAttribute("VarName");
      String type = ado == null ? "" : ado.getAttribute("EnumType");
      if (var.isEmpty() || !(type.isEmpty() || type.equals("EnumerateRowsInFirstTable"))) {
        return Outcome.placeholder(
            "its ADO enumerator walks "
                + (type.isEmpty() ? "an unknown source" : type)
                + "; Sluice walks the rows of the first table of an Object variable",
            "fill an Object variable with the rows and iterate it");
      }
      en.put("type", "variable");
      en.put("variable", var);
    } else if (k.contains("FOREACHFROMVARENUMERATOR") && data != null) {
      Element fv = Dts.elements(data).stream().findFirst().orElse(null);
      String var = fv == null ? "" : fv.getAttribute("VariableName");
      if (var.isEmpty()) {
        return Outcome.placeholder("its From Variable enumerator names no variable", null);
      }
      en.put("type", "variable");
      en.put("variable", var);
    } else {
      return Outcome.placeholder(
          "its enumerator " + ConnectionsConverter.shortType(kind) + " is not one Sluice has",
          "iterate files, items or an Object variable instead");
    }
    d.type = "ForeachLoop";
    d.properties.put("enumerator", en);
    Map<String, Object> mappings = new LinkedHashMap<>();
    List<String> mappingNotes = new ArrayList<>();
    for (Element m : Dts.list(e, "ForEachVariableMappings", "ForEachVariableMapping")) {
      String variable = Dts.prop(m, "VariableName");
      String index = Dts.prop(m, "ValueIndex");
      Optional<String> problem = referenceProblem(variable, true);
      if (problem.isPresent()) {
        mappingNotes.add(
            "its mapping of item " + index + " to " + variable + " is left out: " + problem.get());
        continue;
      }
      try {
        mappings.put(variable, Long.parseLong(index == null ? "0" : index.trim()));
      } catch (NumberFormatException ex) {
        return Outcome.placeholder("its variable mapping of " + variable + " has no index", null);
      }
    }
    if (!mappings.isEmpty()) {
      d.properties.put("variableMappings", mappings);
    }
    // The enumerator's own property expressions (Directory, FileSpec) sit on its element.
    for (Element pe : Dts.children(enumerator, "PropertyExpression")) {
      String property = Dts.attr(pe, "Name");
      String target = targets.get(property);
      Optional<String> missing = SystemVariables.missingIn(pe.getTextContent());
      if (target != null && missing.isPresent()) {
        ctx.leftOut(
            d.path + ".ForEachEnumerator.Properties[" + property + "]",
            ElementKind.PROPERTY,
            "property expression",
            SystemVariables.why(missing.get(), pe.getTextContent()),
            SystemVariables.TODO);
      } else if (target != null) {
        d.expressions.put(target, pe.getTextContent());
      } else {
        ctx.leftOut(
            d.path + ".ForEachEnumerator.Properties[" + property + "]",
            ElementKind.PROPERTY,
            "property expression",
            "the expression "
                + pe.getTextContent().trim()
                + " sets the enumerator's "
                + property
                + ", which Sluice's enumerator has no setting for",
            "set it another way");
      }
    }
    if (en.get("type").equals("file")
        && !en.containsKey("folder")
        && !d.expressions.containsKey("enumerator.folder")) {
      return Outcome.placeholder(
          "its File enumerator names no folder", "set the folder (Directory) of the enumerator");
    }
    d.tasks = flow.tasks(e, d.path);
    if (d.tasks.isEmpty()) {
      d.expressions.clear();
      return emptyLoop(d);
    }
    return Outcome.converted(Map.of(), mappingNotes);
  }

  private Outcome executeSql(Element e, Draft d) {
    Element data =
        Dts.objectData(e).filter(x -> Dts.SQL_TASK_NS.equals(x.getNamespaceURI())).orElse(null);
    if (data == null) {
      return Outcome.placeholder(
          "its Execute SQL settings (SQLTask:SqlTaskData) are missing", null);
    }
    String reference = sql(data, "Connection");
    if (reference == null || reference.isBlank()) {
      return Outcome.placeholder("it names no connection manager", "choose its connection");
    }
    Optional<ConvertedConnection> c = ctx.connection(reference);
    if (c.isEmpty()) {
      return Outcome.placeholder(
          "its connection manager "
              + reference
              + " is not in this package (a project connection"
              + " manager, kept in a .conmgr file of the project)",
          "import the project folder, or add the connection and set the task's connection");
    }
    if (c.get().type() == null || !c.get().type().equals("jdbc")) {
      return Outcome.placeholder(
          "its connection manager "
              + c.get().name()
              + " was not converted to a jdbc connection"
              + (c.get().why() == null ? "" : " (" + c.get().why() + ")"),
          "convert the connection by hand, then write the task as ExecuteSql");
    }
    List<String> notes = new ArrayList<>();
    Map<String, String> targets = new LinkedHashMap<>();
    d.type = "ExecuteSql";
    d.properties.put("connection", c.get().name());
    String sourceType =
        Optional.ofNullable(sql(data, "SqlStatementSourceType")).orElse("DirectInput");
    String source = Optional.ofNullable(sql(data, "SqlStatementSource")).orElse("");
    switch (sourceType) {
      case "Variable" -> {
        Optional<String> problem = referenceProblem(source, false);
        if (problem.isPresent()) {
          return Outcome.placeholder(
              "its SQL comes from " + source + ", and " + problem.get(), null);
        }
        d.properties.put("statementVariable", source);
      }
      case "FileConnection" -> {
        return Outcome.placeholder(
            "it reads its SQL from the file of connection manager " + source,
            "copy the .sql file into the project and write file: path/in/project.sql");
      }
      default -> {
        d.properties.put("statement", source); // kept as written
        targets.put("SqlStatementSource", "statement");
      }
    }
    if (Dts.isTrue(sql(data, "IsStoredProcedure"))) {
      return Outcome.placeholder(
          "it calls the stored procedure " + source + " by name (ADO.NET IsQueryStoredProcedure)",
          "write the call as SQL: EXEC " + source + " ?, ...");
    }
    String resultSet = Optional.ofNullable(sql(data, "ResultSetType")).orElse("ResultSetType_None");
    switch (resultSet) {
      case "ResultSetType_SingleRow" -> d.properties.put("resultSet", "singleRow");
      case "ResultSetType_Rowset" -> d.properties.put("resultSet", "fullResultSet");
      case "ResultSetType_XML" -> {
        return Outcome.placeholder(
            "it reads an XML result set, which Sluice does not", "return rows instead of XML");
      }
      default -> {}
    }
    Map<String, Object> results = new LinkedHashMap<>();
    for (Element rb : Dts.children(data, Dts.SQL_TASK_NS, "ResultBinding")) {
      String variable = sql(rb, "DtsVariableName");
      Optional<String> problem = referenceProblem(variable, true);
      if (problem.isPresent()) {
        return Outcome.placeholder(
            "its result goes into " + variable + ", and " + problem.get(), null);
      }
      results.put(sql(rb, "ResultName"), variable);
    }
    if (!results.isEmpty()) {
      if (!d.properties.containsKey("resultSet")) {
        notes.add("its result bindings are ignored: the task returns no result set");
      } else {
        d.properties.put("results", results);
      }
    } else if ("singleRow".equals(d.properties.get("resultSet"))) {
      d.properties.remove("resultSet");
      notes.add(
          "it reads a single row into no variable; Sluice runs the statement without reading the"
              + " row (SSIS also fails when no row comes back)");
    }
    List<Element> bindings =
        new ArrayList<>(Dts.children(data, Dts.SQL_TASK_NS, "ParameterBinding"));
    List<Map<String, Object>> parameters = new ArrayList<>();
    for (Element pb : bindings) {
      if (!sql(pb, "ParameterName").trim().matches("\\d+")) {
        return Outcome.placeholder(
            "it binds the named parameter "
                + sql(pb, "ParameterName")
                + "; Sluice binds ? markers"
                + " in order",
            "write the statement with ? markers and bind them in order");
      }
    }
    bindings.sort((a, b) -> Integer.compare(index(a), index(b)));
    for (Element pb : bindings) {
      String variable = sql(pb, "DtsVariableName");
      String direction = Optional.ofNullable(sql(pb, "ParameterDirection")).orElse("Input");
      Optional<String> problem = referenceProblem(variable, !direction.equals("Input"));
      if (problem.isPresent()) {
        return Outcome.placeholder(
            "its parameter "
                + sql(pb, "ParameterName")
                + " is "
                + variable
                + ", and "
                + problem.get(),
            null);
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("variable", variable);
      switch (direction) {
        case "Output" -> p.put("direction", "output");
        case "ReturnValue" -> p.put("direction", "returnValue");
        default -> {}
      }
      parameters.add(p);
    }
    if (!parameters.isEmpty()) {
      d.properties.put("parameters", parameters);
    }
    String timeout = sql(data, "TimeOut");
    if (timeout != null && timeout.trim().matches("\\d+") && !timeout.trim().equals("0")) {
      d.properties.put("timeout", Long.parseLong(timeout.trim()));
    }
    targets.put("TimeOut", "timeout");
    if (d.properties.get("statement") instanceof String statement) {
      d.properties.put(
          "statement",
          SqlStatements.statement(
              ctx, d.path + ".Properties[SqlStatementSource]", c.get().name(), statement));
    }
    return Outcome.converted(targets, notes);
  }

  private static int index(Element parameterBinding) {
    return Integer.parseInt(sql(parameterBinding, "ParameterName").trim());
  }

  private static String sql(Element e, String name) {
    return e.hasAttributeNS(Dts.SQL_TASK_NS, name) ? e.getAttributeNS(Dts.SQL_TASK_NS, name) : null;
  }

  private Outcome expression(Element e, Draft d) {
    Element data = Dts.objectData(e).orElse(null);
    String expression = data == null ? "" : data.getAttribute("Expression");
    if (expression.isBlank()) {
      return Outcome.placeholder("its expression is empty", "write the expression");
    }
    Optional<String> missing = SystemVariables.missingIn(expression);
    if (missing.isPresent()) {
      return Outcome.placeholder(
          SystemVariables.why(missing.get(), expression), SystemVariables.TODO);
    }
    d.type = "Expression";
    d.properties.put("expression", expression);
    return Outcome.converted(Map.of("Expression", "expression"), List.of());
  }

  private Outcome executePackage(Element e, Draft d) {
    Element data = Dts.objectData(e).orElse(null);
    if (data == null) {
      return Outcome.placeholder("its settings are missing", null);
    }
    boolean projectReference =
        Dts.anyChild(data, "UseProjectReference")
            .map(x -> Dts.isTrue(x.getTextContent().trim()))
            .orElse(false);
    String child = Dts.anyChild(data, "PackageName").map(x -> x.getTextContent().trim()).orElse("");
    List<String> notes = new ArrayList<>();
    if (!projectReference) {
      Optional<ExternalPackageReference.FileReference> file = ExternalPackageReference.of(e, data);
      if (file.isEmpty() || !file.get().isPackageFile() || file.get().byExpression()) {
        return Outcome.placeholder(
            file.isPresent() && file.get().byExpression()
                ? "it runs the package file its connection "
                    + file.get().connectionName()
                    + " names by an expression, which the import cannot follow"
                : "it runs a package by external reference (a file or msdb), not a package of"
                    + " the project",
            "import that package into this project and run it by name (ExecutePackage package:)");
      }
      child = file.get().fileName();
      if (ctx.project.packageNamed(child).isPresent()) {
        notes.add(
            "a file reference became a project reference: it ran "
                + file.get().path()
                + " (connection "
                + file.get().connectionName()
                + "); it now runs the package "
                + ctx.project.packageNamed(child).get()
                + " of this project");
      }
    }
    Optional<String> target = ctx.project.packageNamed(child);
    if (target.isEmpty()) {
      return Outcome.placeholder(
          "it runs " + child + ", which is not part of this import",
          "import the project folder or .ispac, so that both packages are in one project");
    }
    d.type = "ExecutePackage";
    d.properties.put("package", target.get());
    Map<String, Object> bindings = new LinkedHashMap<>();
    for (Element a : Dts.elements(data)) {
      if (!"ParameterAssignment".equals(a.getLocalName())) {
        continue;
      }
      String param =
          Dts.anyChild(a, "ParameterName").map(Element::getTextContent).orElse("").trim();
      String source =
          Dts.anyChild(a, "BindedVariableOrParameterName")
              .map(Element::getTextContent)
              .orElse("")
              .trim();
      if (param.startsWith("$Package::")) {
        param = param.substring("$Package::".length());
      }
      Optional<String> problem = referenceProblem(source, false);
      if (problem.isPresent()) {
        return Outcome.placeholder(
            "it binds the child's parameter " + param + " to " + source + ", and " + problem.get(),
            null);
      }
      bindings.put(param, source);
    }
    if (!bindings.isEmpty()) {
      d.properties.put("parameters", bindings);
    }
    return notes.isEmpty() ? Outcome.converted() : Outcome.converted(Map.of(), notes);
  }

  private Outcome dataFlow(Element e, Draft d) {
    DataFlowConverter.Result r =
        DataFlowConverter.convert(e, d.path, d.name, new DataFlowHostAdapter());
    if (r.placeholderReason() != null) {
      return new Outcome(r.placeholderReason(), r.todo(), List.of(), Map.of(), true, false);
    }
    if (r.settings().isEmpty()) {
      d.type = "Sequence"; // a data flow without components does nothing
      return Outcome.converted(Map.of(), r.notes());
    }
    d.type = "DataFlow";
    d.properties.putAll(r.settings());
    if (Dts.isTrue(Dts.prop(e, "DelayValidation"))) {
      d.properties.put("delayValidation", true);
    }
    return Outcome.converted(Map.of(), r.notes());
  }

  /** The package as the data flow converter sees it. */
  private final class DataFlowHostAdapter implements DataFlowHost {

    @Override
    public Optional<Connection> connection(String reference) {
      return ctx.connection(reference)
          .map(c -> new Connection(c.name(), c.type(), c.why(), runtimePath(c.name())));
    }

    private boolean runtimePath(String connection) {
      List<io.sluice.engine.project.ConnectionDefinition> all = new ArrayList<>(ctx.connections);
      if (ctx.project.connections != null) {
        all.addAll(ctx.project.connections.connections);
      }
      return all.stream()
          .filter(d -> d.name().equals(connection))
          .anyMatch(
              d -> d.expressions().containsKey("file") || d.expressions().containsKey("path"));
    }

    @Override
    public Optional<String> referenceProblem(String reference, boolean written) {
      return TaskConverters.this.referenceProblem(reference, written);
    }

    @Override
    public String scriptSources(String taskName, String componentName, Map<String, String> files) {
      return ScriptSources.write(
          ctx.project, ctx.packageName, List.of(taskName, componentName), files);
    }

    @Override
    public String sql(String path, String connection, String sql) {
      return SqlStatements.statement(ctx, path, connection, sql);
    }

    @Override
    public String fileConnection(String name, String path, String pathExpression) {
      String unique = name;
      for (int n = 2; ctx.connection(unique).isPresent(); n++) {
        unique = name + " " + n;
      }
      Map<String, Object> settings = new LinkedHashMap<>();
      if (path != null) {
        settings.put("path", path);
      }
      settings.put("usage", "existingFile");
      ConnectionDefinition def =
          new ConnectionDefinition(
              unique,
              "file",
              "The file an SSIS component named itself (made by the import)",
              settings,
              pathExpression == null ? Map.of() : Map.of("path", pathExpression),
              null);
      ctx.connections.add(def);
      ctx.registerConnection(new ConvertedConnection(unique, "file", "file", null), unique);
      return unique;
    }

    @Override
    public void converted(String path, String ssisType, String note, String todo) {
      if (note == null) {
        ctx.converted(path, ElementKind.COMPONENT, ssisType);
      } else {
        ctx.convertedWithNote(path, ElementKind.COMPONENT, ssisType, note, todo);
      }
    }

    @Override
    public void leftOut(String path, String ssisType, String why, String todo) {
      ctx.leftOut(path, ElementKind.COMPONENT, ssisType, why, todo);
    }

    @Override
    public void placeholder(String path, String ssisType, String why, String todo) {
      ctx.placeholder(path, ElementKind.COMPONENT, ssisType, why, todo);
    }

    @Override
    public void propertyNotHonoured(String path, String ssisType, String why, String todo) {
      ctx.leftOut(path, ElementKind.PROPERTY, ssisType, why, todo);
    }
  }

  /**
   * Why a variable or parameter reference a task writes cannot work in the converted package, or
   * empty when it can.
   */
  private Optional<String> referenceProblem(String reference, boolean written) {
    if (reference == null || !reference.contains("::")) {
      return Optional.of("that is not a variable or parameter reference");
    }
    String ns = reference.substring(0, reference.indexOf("::"));
    String name = reference.substring(reference.indexOf("::") + 2);
    if (written && (ns.startsWith("$") || ns.equalsIgnoreCase("System"))) {
      return Optional.of("the task would write into it, and it is read-only");
    }
    if (ns.equalsIgnoreCase("System")) {
      return SystemVariables.provided(name)
          ? Optional.empty()
          : Optional.of("Sluice has no System::" + name);
    }
    if (ns.equalsIgnoreCase("$Project")) {
      return ctx.project.hasParameter(name)
          ? Optional.empty()
          : Optional.of("project parameter " + name + " is not part of this import");
    }
    if (ns.equalsIgnoreCase("$Package")) {
      return ctx.packageParameters.stream().anyMatch(p -> p.name().equalsIgnoreCase(name))
          ? Optional.empty()
          : Optional.of("package parameter " + name + " was not converted");
    }
    Optional<io.sluice.engine.project.VariableDefinition> v = ctx.variable(reference);
    if (v.isEmpty()) {
      return Optional.of("variable " + reference + " was not converted");
    }
    if (written && v.get().readOnly()) {
      return Optional.of("the task writes into it, and it is read-only");
    }
    if (written && v.get().expression() != null) {
      return Optional.of(
          "it evaluates as an expression, and Sluice refuses writes into such a variable (SSIS"
              + " ignores them: the expression gives its value)");
    }
    return Optional.empty();
  }

  private static void putText(Draft d, String key, String value) {
    if (value != null && !value.isBlank()) {
      d.properties.put(key, value);
    }
  }

  private static void putIf(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }
}
