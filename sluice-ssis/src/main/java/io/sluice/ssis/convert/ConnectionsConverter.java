package io.sluice.ssis.convert;

import io.sluice.engine.dataflow.pipeline.PlanningException;
import io.sluice.engine.dataflow.source.flatfile.FlatFileFormat;
import io.sluice.engine.project.ConnectionDefinition;
import io.sluice.engine.project.ObjectNames;
import io.sluice.engine.project.ParameterDefinition;
import io.sluice.engine.project.ParameterType;
import io.sluice.ssis.convert.PackageContext.ConvertedConnection;
import io.sluice.ssis.report.ImportEntry.ElementKind;
import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Connection managers to Sluice connections: OLE DB, ADO.NET and ODBC to {@code jdbc} (through
 * {@link JdbcTranslation}), Flat File to {@code flatFile}, File to {@code file}. Each one is
 * registered in the package context under its DTSID, refId and name, converted or not, so a task
 * that uses one that was not converted says which and why.
 */
final class ConnectionsConverter {

  private final PackageContext ctx;

  ConnectionsConverter(PackageContext ctx) {
    this.ctx = ctx;
  }

  void convertAll(Element packageRoot) {
    for (Element cm : Dts.list(packageRoot, "ConnectionManagers", "ConnectionManager")) {
      convert(cm, "Package");
    }
  }

  /**
   * One connection manager: a package's, or a project's ({@code .conmgr} file, whose root is the
   * same element) with {@code owner} "Project".
   */
  void convert(Element cm, String owner) {
    String name = Dts.prop(cm, "ObjectName");
    String creation = Dts.prop(cm, "CreationName");
    String ssisType = creation == null ? "connection manager" : shortType(creation);
    String refId = Dts.attr(cm, "refId");
    String path = "\\" + (refId != null ? refId : owner + ".ConnectionManagers[" + name + "]");
    String id = Dts.prop(cm, "DTSID");
    Element inner =
        Dts.child(cm, "ObjectData").flatMap(d -> Dts.child(d, "ConnectionManager")).orElse(null);
    Result r;
    if (ObjectNames.problem("connection", name).isPresent()) {
      r =
          Result.no(
              ObjectNames.problem("connection", name).get(), "rename it in SSIS and import again");
    } else {
      String kind = creation == null ? "" : creation.toUpperCase(Locale.ROOT);
      boolean known =
          kind.equals("OLEDB")
              || kind.startsWith("ADO.NET")
              || kind.equals("ODBC")
              || kind.equals("FLATFILE")
              || kind.equals("FILE")
              || kind.equals("EXCEL")
              || kind.equals("SMTP")
              || kind.equals("FTP")
              || kind.equals("HTTP")
              || kind.equals("CACHE");
      if (!known) {
        r =
            Result.no(
                "Sluice has no " + ssisType + " connection yet",
                "tasks and components that use it are placeholders; replace them by hand");
      } else if (kind.equals("FTP")) {
        r = ftp(name, cm);
      } else if (kind.equals("HTTP")) {
        r = http(name, cm);
      } else if (inner == null) {
        r = Result.no("it has no connection data (DTS:ObjectData)", null);
      } else if (kind.equals("FLATFILE")) {
        r = flatFile(inner);
      } else if (kind.equals("FILE")) {
        r = file(inner);
      } else if (kind.equals("EXCEL")) {
        r = excel(inner);
      } else if (kind.equals("SMTP")) {
        r = smtp(inner);
      } else if (kind.equals("CACHE")) {
        r = cache(inner);
      } else {
        r = jdbc(name, creation, inner, path);
      }
    }
    if (r.definition == null) {
      ctx.leftOut(path, ElementKind.CONNECTION, ssisType, r.why, r.todo);
      ctx.registerConnection(new ConvertedConnection(name, ssisType, null, r.why), id, refId, name);
      return;
    }
    int slot = ctx.project.findings.mark();
    Map<String, String> expressions = new LinkedHashMap<>(r.expressions);
    List<String> notes = new ArrayList<>(r.notes);
    for (Element pe : Dts.children(cm, "PropertyExpression")) {
      String property = Dts.attr(pe, "Name");
      String target = r.expressionTargets.get(property);
      Optional<String> missing = SystemVariables.missingIn(pe.getTextContent());
      if (target != null && missing.isPresent()) {
        ctx.leftOut(
            path + ".Properties[" + property + "]",
            ElementKind.PROPERTY,
            "property expression",
            SystemVariables.why(missing.get(), pe.getTextContent()),
            SystemVariables.TODO);
      } else if (target != null) {
        expressions.put(target, pe.getTextContent());
      } else {
        ctx.leftOut(
            path + ".Properties[" + property + "]",
            ElementKind.PROPERTY,
            "property expression",
            "the expression sets "
                + property
                + " ("
                + pe.getTextContent().trim()
                + "), which the"
                + " "
                + r.definition.type()
                + " connection has no setting for",
            "set the connection's settings from parameters instead (--connection when running)");
      }
    }
    Map<String, Object> properties = new LinkedHashMap<>(r.definition.properties());
    properties.values().removeIf(v -> v == null || "".equals(v));
    for (String required : List.of("url", "file", "path", "host")) {
      boolean needed =
          switch (r.definition.type()) {
            case "jdbc" -> required.equals("url");
            case "flatFile" -> required.equals("file");
            case "smtp", "cache" ->
                false; // smtp() refuses one without a server; a cache's file is optional
            case "ftp" -> required.equals("host");
            case "http" -> false; // http() refuses one without a URL
            default -> required.equals("path");
          };
      if (needed && !properties.containsKey(required) && !expressions.containsKey(required)) {
        String why =
            "its "
                + (required.equals("url") ? "connection string" : "file name")
                + " is empty and no expression sets it";
        ctx.leftOut(
            path, ElementKind.CONNECTION, ssisType, why, "give it a value, then import again");
        ctx.project.findings.moveLastTo(slot);
        ctx.registerConnection(new ConvertedConnection(name, ssisType, null, why), id, refId, name);
        return;
      }
    }
    ConnectionDefinition def =
        new ConnectionDefinition(
            name,
            r.definition.type(),
            Dts.description(Dts.prop(cm, "Description")),
            properties,
            expressions,
            ctx.location(cm));
    ctx.connections.add(def);
    ctx.registerConnection(
        new ConvertedConnection(name, ssisType, def.type(), null), id, refId, name);
    if (notes.isEmpty()) {
      ctx.converted(path, ElementKind.CONNECTION, ssisType);
    } else {
      ctx.convertedWithNote(
          path, ElementKind.CONNECTION, ssisType, String.join("; ", notes), r.todo);
    }
    ctx.project.findings.moveLastTo(slot);
  }

  private Result jdbc(String name, String creation, Element inner, String path) {
    String cs = Dts.prop(inner, "ConnectionString");
    JdbcTranslation t = JdbcTranslation.of(creation, cs);
    if (t.url() == null) {
      return Result.no(
          t.reason(), "write the connection by hand (type: jdbc, url: ...) or pass --connection");
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("url", t.url());
    if (t.user() != null) {
      props.put("user", t.user());
    }
    Result r = new Result(new ConnectionDefinition(name, "jdbc", null, props, Map.of(), null));
    r.notes.add("JDBC URL " + t.url() + " derived from the connection string; check it");
    r.notes.addAll(t.notes());
    // EncryptSensitive* packages keep the password as an encrypted DTS:Password element.
    boolean savedPassword = !Dts.children(inner, "Password").isEmpty();
    if (t.needsPassword() || (savedPassword && t.user() != null)) {
      String parameter = passwordParameter(name, r);
      r.notes.add("its password is the sensitive project parameter " + parameter + ", to be set");
    }
    // Sluice's distribution ships PostgreSQL's and Microsoft's SQL Server drivers.
    r.todo =
        t.url().startsWith("jdbc:postgresql:") || t.url().startsWith("jdbc:sqlserver:")
            ? "check the URL"
            : "check the URL; put the database's JDBC driver jar in the project's lib/ folder";
    return r;
  }

  private Result flatFile(Element inner) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("file", Dts.prop(inner, "ConnectionString"));
    String format = Dts.prop(inner, "Format");
    boolean fixed;
    if (format == null || format.equalsIgnoreCase("Delimited")) {
      fixed = false;
      s.put("format", "delimited");
    } else if (format.equalsIgnoreCase("FixedWidth")) {
      fixed = true;
      s.put("format", "fixedWidth");
    } else {
      return Result.no(
          "its format is " + format + "; Sluice reads delimited and fixed-width files", null);
    }
    if (Dts.isTrue(Dts.prop(inner, "Unicode"))) {
      return Result.no("it reads UTF-16 (Unicode) files, which Sluice does not read yet", null);
    }
    String qualifier = Dts.unescape(Dts.prop(inner, "TextQualifier"));
    if (qualifier != null && !qualifier.isEmpty() && !qualifier.equals("<none>")) {
      s.put("textQualifier", qualifier);
    } else {
      s.put("textQualifier", "none");
    }
    s.put("headerRow", Dts.isTrue(Dts.prop(inner, "ColumnNamesInFirstDataRow")));
    long skip = number(Dts.prop(inner, "HeaderRowsToSkip"));
    if (skip > 0) {
      s.put("headerRowsToSkip", skip);
    }
    if (number(Dts.prop(inner, "DataRowsToSkip")) > 0) {
      return Result.no(
          "it skips " + Dts.prop(inner, "DataRowsToSkip") + " data rows, which Sluice cannot",
          null);
    }
    String codePage = Dts.prop(inner, "CodePage");
    if (codePage != null && !codePage.isBlank()) {
      s.put("codePage", number(codePage));
    }
    List<Element> columns = Dts.list(inner, "FlatFileColumns", "FlatFileColumn");
    List<Map<String, Object>> cols = new ArrayList<>();
    String delimiter = null;
    for (int i = 0; i < columns.size(); i++) {
      Element c = columns.get(i);
      String colName = Dts.prop(c, "ObjectName");
      String colDelimiter = Dts.unescape(Dts.prop(c, "ColumnDelimiter"));
      boolean last = i == columns.size() - 1;
      if (!fixed) {
        if (last) {
          if (colDelimiter != null
              && !colDelimiter.equals("\r\n")
              && !colDelimiter.equals("\n")
              && !colDelimiter.isEmpty()) {
            return Result.no(
                "its rows end with " + visible(colDelimiter) + "; Sluice reads one row per line",
                null);
          }
        } else if (delimiter == null) {
          delimiter = colDelimiter;
        } else if (!delimiter.equals(colDelimiter)) {
          return Result.no(
              "its columns use different delimiters ("
                  + visible(delimiter)
                  + " and "
                  + visible(colDelimiter)
                  + "); Sluice takes one delimiter per file",
              null);
        }
      }
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", colName);
      String type = columnType(c, codePage);
      if (type == null) {
        return Result.no(
            "column " + colName + " has data type " + Dts.prop(c, "DataType") + ", unknown here",
            null);
      }
      col.put("type", type);
      if (fixed) {
        col.put("width", number(Dts.prop(c, "ColumnWidth")));
      }
      cols.add(col);
    }
    if (!fixed && delimiter != null) {
      s.put("delimiter", delimiter.equals("\t") ? "\\t" : delimiter);
    }
    if (!cols.isEmpty()) {
      s.put("columns", cols);
    }
    Map<String, Object> format8 = new LinkedHashMap<>(s);
    format8.remove("file");
    try {
      FlatFileFormat.check(format8);
    } catch (PlanningException e) {
      return Result.no("its format is one Sluice cannot read: " + e.getMessage(), null);
    }
    Result r = new Result(new ConnectionDefinition("", "flatFile", null, s, Map.of(), null));
    r.expressionTargets.put("ConnectionString", "file");
    r.todo = null;
    return r;
  }

  private static String columnType(Element c, String codePage) {
    String type = SsisTypes.dataType(Dts.prop(c, "DataType")).orElse(null);
    if (type == null) {
      return null;
    }
    long width = number(Dts.prop(c, "MaximumWidth"));
    return switch (type) {
      case "DT_STR", "DT_TEXT" ->
          type
              + ","
              + (type.equals("DT_STR") ? Math.max(width, 1) + "," : "")
              + (codePage == null ? "1252" : codePage);
      case "DT_WSTR", "DT_BYTES" -> type + "," + Math.max(width, 1);
      case "DT_NUMERIC" ->
          type
              + ","
              + number(Dts.prop(c, "DataPrecision"))
              + ","
              + number(Dts.prop(c, "DataScale"));
      case "DT_DECIMAL", "DT_DBTIME2", "DT_DBTIMESTAMP2", "DT_DBTIMESTAMPOFFSET" ->
          type + "," + number(Dts.prop(c, "DataScale"));
      default -> type;
    };
  }

  /**
   * SSIS's FTP connection manager: ServerName, ServerPort, ServerUserName, UsePassiveMode, Timeout
   * and ChunkSize, as attributes or properties of its connection data, the server also as the
   * connection string ({@code host:port}). The password, which a .dtsx keeps encrypted if at all,
   * becomes a sensitive project parameter to be set, as for a database login.
   */
  private Result ftp(String name, Element cm) {
    Element data =
        Dts.child(cm, "ObjectData").flatMap(d -> Dts.elements(d).stream().findFirst()).orElse(cm);
    Map<String, Object> s = new LinkedHashMap<>();
    String server = firstOf(data, cm, "ServerName");
    String port = firstOf(data, cm, "ServerPort");
    String cs = firstOf(data, cm, "ConnectionString");
    if (server == null && cs != null) {
      int colon = cs.lastIndexOf(':');
      server = colon > 0 ? cs.substring(0, colon) : cs;
      port = port == null && colon > 0 ? cs.substring(colon + 1) : port;
    }
    s.put("host", server == null ? null : server.trim());
    if (port != null && port.trim().matches("\\d+") && !port.trim().equals("21")) {
      s.put("port", Long.parseLong(port.trim()));
    }
    String user = firstOf(data, cm, "ServerUserName");
    if (user != null && !user.isBlank()) {
      s.put("user", user.trim());
    }
    // SSIS's designer default is active mode; Sluice's is passive (docs/package-format.md)
    String passive = firstOf(data, cm, "UsePassiveMode");
    s.put("passive", Dts.isTrue(passive));
    String timeout = firstOf(data, cm, "Timeout");
    if (timeout != null && timeout.trim().matches("\\d+") && !timeout.trim().equals("60")) {
      s.put("timeout", Long.parseLong(timeout.trim()));
    }
    String chunk = firstOf(data, cm, "ChunkSize");
    if (chunk != null && chunk.trim().matches("\\d+") && !chunk.trim().equals("1")) {
      s.put("chunkSize", Long.parseLong(chunk.trim()));
    }
    Result r = new Result(new ConnectionDefinition("", "ftp", null, s, Map.of(), null));
    r.expressionTargets.put("ServerName", "host");
    r.expressionTargets.put("ServerPort", "port");
    r.expressionTargets.put("ServerUserName", "user");
    r.expressionTargets.put("ServerPassword", "password");
    r.expressionTargets.put("UsePassiveMode", "passive");
    String parameter = passwordParameter(name, r);
    r.notes.add("its password is the sensitive project parameter " + parameter + ", to be set");
    r.todo = "set the password parameter";
    return r;
  }

  /**
   * SSIS's HTTP connection manager (HttpClientConnection): ServerURL (else the connection string),
   * UseProxy with ProxyURL, Timeout, and a ServerUserName with a password that becomes a sensitive
   * project parameter, as an FTP login's. What Sluice cannot do (Windows credentials, a client
   * certificate from the Windows store, a proxy login) is said in the report. Its data is a {@code
   * DTS:HttpConnection} element inside the inner connection manager (format 8: attributes; 2008:
   * properties).
   */
  private Result http(String name, Element cm) {
    Element data =
        Dts.child(cm, "ObjectData").flatMap(d -> Dts.elements(d).stream().findFirst()).orElse(cm);
    Element http = Dts.child(data, "HttpConnection").orElse(data);
    String url = firstOf(http, cm, "ServerURL");
    if (url == null || url.isBlank()) {
      url = firstOf(data, cm, "ConnectionString");
    }
    if (url == null || url.isBlank()) {
      return Result.no("it names no server (ServerURL)", "give it a URL, then import again");
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("serverUrl", url.trim());
    String timeout = firstOf(http, cm, "Timeout");
    if (timeout != null && timeout.trim().matches("\\d+") && !timeout.trim().equals("30")) {
      s.put("timeout", Long.parseLong(timeout.trim()));
    }
    if (Dts.isTrue(firstOf(http, cm, "UseProxy"))) {
      String proxy = firstOf(http, cm, "ProxyURL");
      if (proxy != null && !proxy.isBlank()) {
        s.put("proxyUrl", proxy.trim());
      }
    }
    Result r = new Result(new ConnectionDefinition("", "http", null, s, Map.of(), null));
    r.expressionTargets.put("ServerURL", "serverUrl");
    r.expressionTargets.put("ConnectionString", "serverUrl");
    r.expressionTargets.put("Timeout", "timeout");
    r.expressionTargets.put("ProxyURL", "proxyUrl");
    r.expressionTargets.put("ServerUserName", "user");
    r.expressionTargets.put("ServerPassword", "password");
    String user = firstOf(http, cm, "ServerUserName");
    boolean windows =
        Dts.isTrue(firstOf(http, cm, "UseServerCredentials")) && (user == null || user.isBlank());
    if (user != null && !user.isBlank()) {
      s.put("authentication", "basic");
      s.put("user", user.trim());
      String parameter = passwordParameter(name, r);
      r.notes.add("its password is the sensitive project parameter " + parameter + ", to be set");
      r.todo = "set the password parameter";
    } else if (windows) {
      r.notes.add(
          "it logged in with the Windows account running the package, which Sluice has not;"
              + " it now calls without logging in");
      r.todo = "if the server wants a login, give the connection a user and a password parameter";
    }
    String certificate = firstOf(http, cm, "CertificateIdentifier");
    if (certificate == null || certificate.isBlank()) {
      certificate = firstOf(http, cm, "CertificateID");
    }
    if (certificate != null && !certificate.isBlank()) {
      r.notes.add(
          "it presented the client certificate "
              + certificate.trim()
              + " from the Windows store, which Sluice does not send");
      r.todo = "check that the server accepts calls without the client certificate";
    }
    if (Dts.isTrue(firstOf(http, cm, "UseProxy"))
        && (Dts.isTrue(firstOf(http, cm, "UseProxyCredentials"))
            || firstOf(http, cm, "ProxyUserName") != null)) {
      r.notes.add("its proxy login is not kept: Sluice's proxyUrl takes no credentials");
    }
    return r;
  }

  /** An attribute or property of the connection data, else of the connection manager. */
  private static String firstOf(Element data, Element cm, String name) {
    String v = Dts.prop(data, name);
    if (v == null) {
      v = localAttribute(data, name);
    }
    return v != null ? v : Dts.prop(cm, name);
  }

  private static String localAttribute(Element e, String name) {
    var all = e.getAttributes();
    for (int i = 0; i < all.getLength(); i++) {
      var a = all.item(i);
      String local = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
      if (local.equalsIgnoreCase(name)) {
        return a.getNodeValue();
      }
    }
    return null;
  }

  private Result file(Element inner) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("path", Dts.prop(inner, "ConnectionString"));
    String usage = Dts.prop(inner, "FileUsageType");
    s.put(
        "usage",
        switch (usage == null ? "0" : usage.trim()) {
          case "1" -> "createFile";
          case "2" -> "existingFolder";
          case "3" -> "createFolder";
          default -> "existingFile";
        });
    Result r = new Result(new ConnectionDefinition("", "file", null, s, Map.of(), null));
    r.expressionTargets.put("ConnectionString", "path");
    return r;
  }

  /**
   * SSIS's Cache connection manager: its CacheColumns (name, data type, IndexPosition) into a
   * {@code cache} connection; with UseFile, its file name into {@code file}, where Sluice keeps the
   * rows in its own format (an existing .caw file SSIS wrote cannot be read).
   */
  private Result cache(Element inner) {
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Element cc :
        Dts.child(inner, "CacheColumns")
            .map(e -> Dts.children(e, "CacheColumn"))
            .orElse(List.of())) {
      String name = Dts.prop(cc, "ObjectName");
      String type = SsisTypes.dataType(Dts.prop(cc, "DataType")).orElse(null);
      if (name == null || type == null) {
        return Result.no(
            "cache column " + name + " has a data type Sluice cannot read", "define it by hand");
      }
      long length = number(Dts.prop(cc, "Length"));
      type =
          switch (type) {
            case "DT_STR" -> type + "," + Math.max(length, 1) + "," + codePage(cc);
            case "DT_WSTR", "DT_BYTES" -> type + "," + Math.max(length, 1);
            case "DT_NUMERIC" ->
                type
                    + ","
                    + number(Dts.prop(cc, "Precision"))
                    + ","
                    + number(Dts.prop(cc, "Scale"));
            case "DT_DECIMAL", "DT_DBTIME2", "DT_DBTIMESTAMP2", "DT_DBTIMESTAMPOFFSET" ->
                type + "," + number(Dts.prop(cc, "Scale"));
            default -> type;
          };
      Map<String, Object> column = new LinkedHashMap<>();
      column.put("name", name);
      column.put("type", type);
      long index = number(Dts.prop(cc, "IndexPosition"));
      if (index > 0) {
        column.put("index", index);
      }
      columns.add(column);
    }
    if (columns.isEmpty()) {
      return Result.no("it has no cache columns", "define the columns by hand");
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("columns", columns);
    String useFile = Dts.prop(inner, "UseFile");
    String file = Dts.prop(inner, "ConnectionString");
    Result r;
    if (useFile != null
        && (useFile.trim().equalsIgnoreCase("true") || useFile.trim().equals("-1"))
        && file != null
        && !file.isBlank()) {
      s.put("file", file);
      r = new Result(new ConnectionDefinition("", "cache", null, s, Map.of(), null));
      r.notes.add(
          "cache file: Sluice writes and reads its own format there, not SSIS's .caw: fill it"
              + " again with the package that has the Cache Transform");
    } else {
      r = new Result(new ConnectionDefinition("", "cache", null, s, Map.of(), null));
    }
    r.expressionTargets.put("ConnectionString", "file");
    r.todo = null;
    return r;
  }

  /**
   * A required sensitive project parameter NAME_Password for connection {@code name}'s password,
   * which the connection's {@code password} expression reads; its name.
   */
  private String passwordParameter(String name, Result r) {
    String parameter =
        ctx.project.addParameter(
            new ParameterDefinition(
                identifier(name) + "_Password",
                ParameterType.STRING,
                true,
                true,
                null,
                "Password of connection "
                    + name
                    + " (imported from SSIS: set it in the catalog or with --param)"));
    r.expressions.put("password", "@[$Project::" + parameter + "]");
    return parameter;
  }

  private static String codePage(Element cc) {
    String codePage = Dts.prop(cc, "CodePage");
    return codePage == null || codePage.isBlank() ? "1252" : codePage.trim();
  }

  /**
   * SSIS's Excel connection manager: an ACE OLE DB connection string whose Data Source is the
   * workbook. Sluice's Excel components take the workbook from a {@code file} connection; the
   * string's HDR (first row has column names) belongs to the components in Sluice.
   */
  private Result excel(Element inner) {
    ConnectionString cs = ConnectionString.parse(Dts.prop(inner, "ConnectionString"));
    String path = cs.get("data source").orElse(null);
    if (path == null || path.isBlank()) {
      return Result.no(
          "its connection string names no workbook (Data Source)",
          "set the workbook's path (ExcelFilePath) in SSIS and import again");
    }
    if (path.toLowerCase(Locale.ROOT).endsWith(".xls")) {
      return Result.no(
          "its workbook " + path + " is an Excel 97-2003 file; Sluice reads and writes .xlsx only",
          "save the workbook as .xlsx, point the connection at it and import again");
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("path", path);
    settings.put("usage", "existingFile");
    Result r = new Result(new ConnectionDefinition("", "file", null, settings, Map.of(), null));
    String extended = cs.get("extended properties").orElse("");
    if (extended.toUpperCase(Locale.ROOT).replace(" ", "").contains("HDR=NO")) {
      r.notes.add(
          "its workbook has no header row (HDR=NO): set firstRowHasColumnNames: false on the"
              + " Excel components that use it");
    }
    r.expressionTargets.put("ExcelFilePath", "path");
    return r;
  }

  /**
   * SSIS's SMTP connection manager: its connection string {@code
   * SmtpServer=...;UseWindowsAuthentication=...;EnableSsl=...;} (and Timeout, when SSIS writes one)
   * into an {@code smtp} connection.
   */
  private Result smtp(Element inner) {
    ConnectionString cs = ConnectionString.parse(Dts.prop(inner, "ConnectionString"));
    String server = cs.values().getOrDefault("smtpserver", "").trim();
    if (server.isEmpty()) {
      return Result.no(
          "it names no SMTP server (SmtpServer)", "give it a server, then import again");
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("smtpServer", server);
    if (Dts.isTrue(cs.values().get("enablessl"))) {
      s.put("enableSsl", true);
    }
    String timeout = cs.values().getOrDefault("timeout", "").trim();
    if (timeout.matches("\\d+") && !timeout.equals("0")) {
      // SSIS writes milliseconds (.NET's SmtpClient.Timeout); Sluice's setting is in seconds
      s.put("timeout", Math.max(1, (Long.parseLong(timeout) + 999) / 1000));
    }
    Result r = new Result(new ConnectionDefinition("", "smtp", null, s, Map.of(), null));
    r.expressionTargets.put("SmtpServer", "smtpServer");
    r.expressionTargets.put("EnableSsl", "enableSsl");
    if (Dts.isTrue(cs.values().get("usewindowsauthentication"))) {
      r.notes.add(
          "it logged in with Windows authentication, which Sluice has not; it now sends without"
              + " logging in");
      r.todo =
          "if the server wants a login, add user: and a password from a sensitive parameter"
              + " (expressions: {password: \"@[$Project::...]\"}) to the connection";
    }
    return r;
  }

  private static long number(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String visible(String s) {
    return s == null
        ? "nothing"
        : "'" + s.replace("\r", "{CR}").replace("\n", "{LF}").replace("\t", "{tab}") + "'";
  }

  /** A parameter-name stem from a connection name: identifier characters only. */
  static String identifier(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      b.append(Character.isLetterOrDigit(c) ? c : '_');
    }
    if (b.length() == 0 || !(Character.isLetter(b.charAt(0)) || b.charAt(0) == '_')) {
      b.insert(0, '_');
    }
    return b.toString();
  }

  /** {@code ADO.NET:System.Data.SqlClient.SqlConnection, System.Data, Version=...} to its class. */
  static String shortType(String creationName) {
    int comma = creationName.indexOf(',');
    return comma < 0 ? creationName : creationName.substring(0, comma).trim();
  }

  private static final class Result {
    final ConnectionDefinition definition;
    final String why;
    String todo;
    final List<String> notes = new ArrayList<>();
    final Map<String, String> expressions = new LinkedHashMap<>();
    final Map<String, String> expressionTargets = new LinkedHashMap<>();

    Result(ConnectionDefinition definition) {
      this.definition = definition;
      this.why = null;
    }

    private Result(String why, String todo) {
      this.definition = null;
      this.why = why;
      this.todo = todo;
    }

    static Result no(String why, String todo) {
      return new Result(why, todo);
    }
  }
}
