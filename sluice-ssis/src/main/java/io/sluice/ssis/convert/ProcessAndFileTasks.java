package io.sluice.ssis.convert;

import io.sluice.api.text.Articles;
import io.sluice.ssis.convert.PackageContext.ConvertedConnection;
import io.sluice.ssis.convert.TaskConverters.Outcome;
import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The Execute Process and File System tasks, whose settings a .dtsx keeps as attributes of one
 * element under DTS:ObjectData ({@code ExecuteProcessData}, {@code FileSystemData}), into the
 * engine's ExecuteProcess and FileSystem tasks.
 */
final class ProcessAndFileTasks {

  /** SSIS's TaskOperationType to the FileSystem task's operation (SetAttributes has none). */
  private static final Map<String, String> OPERATIONS =
      Map.of(
          "COPYFILE", "copyFile",
          "MOVEFILE", "moveFile",
          "RENAMEFILE", "renameFile",
          "DELETEFILE", "deleteFile",
          "CREATEDIRECTORY", "createDirectory",
          "COPYDIRECTORY", "copyDirectory",
          "MOVEDIRECTORY", "moveDirectory",
          "DELETEDIRECTORY", "deleteDirectory",
          "DELETEDIRECTORYCONTENT", "deleteDirectoryContent");

  private final PackageContext ctx;

  /**
   * The task converters' check of a variable or parameter reference (written: the task sets it).
   */
  private final BiFunction<String, Boolean, Optional<String>> referenceProblem;

  ProcessAndFileTasks(
      PackageContext ctx, BiFunction<String, Boolean, Optional<String>> referenceProblem) {
    this.ctx = ctx;
    this.referenceProblem = referenceProblem;
  }

  Outcome executeProcess(Element e, Draft d) {
    Element data = Dts.objectData(e).orElse(null);
    String executable = data == null ? "" : attr(data, "Executable");
    if (executable.isBlank()) {
      return Outcome.placeholder("it names no executable", "write the program to run");
    }
    List<String> notes = new ArrayList<>();
    d.type = "ExecuteProcess";
    d.properties.put("executable", executable);
    putText(d, "arguments", attr(data, "Arguments"));
    putText(d, "workingDirectory", attr(data, "WorkingDirectory"));
    String success = attr(data, "SuccessValue").trim();
    if (success.matches("-?\\d+") && !success.equals("0")) {
      d.properties.put("successValue", Long.parseLong(success));
    }
    if (attr(data, "FailTaskIfReturnCodeIsNotSuccessValue").equalsIgnoreCase("False")) {
      d.properties.put("failTaskIfReturnCodeIsNotSuccessValue", false);
    }
    String timeout = attr(data, "TimeOut").trim();
    if (timeout.matches("\\d+") && !timeout.equals("0")) {
      d.properties.put("timeout", Long.parseLong(timeout));
      if (attr(data, "TerminateAfterTimeout").equalsIgnoreCase("False")) {
        notes.add(
            "TerminateAfterTimeout is off in SSIS (the program goes on after the task fails);"
                + " Sluice ends the program at the time-out");
      }
    }
    for (String[] stream :
        new String[][] {
          {"StandardInputVariable", "standardInputVariable", "false"},
          {"StandardOutputVariable", "standardOutputVariable", "true"},
          {"StandardErrorVariable", "standardErrorVariable", "true"}
        }) {
      String variable = attr(data, stream[0]).trim();
      if (variable.isEmpty()) {
        continue;
      }
      Optional<String> problem = referenceProblem.apply(variable, Boolean.valueOf(stream[2]));
      if (problem.isPresent()) {
        return Outcome.placeholder(
            "its " + stream[0] + " is " + variable + ", and " + problem.get(), null);
      }
      d.properties.put(stream[1], variable);
    }
    if (executable.matches("(?i)^[a-z]:\\\\.*|^\\\\\\\\.*")) {
      notes.add(
          "it runs the Windows program "
              + executable
              + ": point it at a program of the machine that runs the package");
    }
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("Executable", "executable");
    targets.put("Arguments", "arguments");
    targets.put("WorkingDirectory", "workingDirectory");
    targets.put("TimeOut", "timeout");
    targets.put("SuccessValue", "successValue");
    return Outcome.converted(targets, notes);
  }

  Outcome fileSystem(Element e, Draft d) {
    Element data = Dts.objectData(e).orElse(null);
    String type = data == null ? "" : attr(data, "TaskOperationType");
    String operation = OPERATIONS.get(type.trim().toUpperCase(Locale.ROOT));
    if (operation == null) {
      return Outcome.placeholder(
          type.isBlank()
              ? "its operation is missing"
              : "its operation "
                  + type
                  + " has no Sluice form (Sluice's FileSystem task copies,"
                  + " moves, renames and deletes files and folders, and creates folders)",
          "do it with an ExecuteProcess task (chmod, chattr...), or keep the task disabled");
    }
    d.type = "FileSystem";
    d.properties.put("operation", operation);
    Optional<String> why =
        end(d, data, "source", "TaskSourcePath", "TaskIsSourceVariable")
            .or(
                () ->
                    needsDestination(operation)
                        ? end(
                            d,
                            data,
                            "destination",
                            "TaskDestinationPath",
                            "TaskIsDestinationVariable")
                        : Optional.empty());
    if (why.isPresent()) {
      return Outcome.placeholder(why.get(), null);
    }
    if (Dts.isTrue(attr(data, "TaskOverwriteDestFile"))) {
      d.properties.put("overwrite", true);
    }
    return Outcome.converted(Map.of(), List.of());
  }

  /** SSIS's FTP operations (DTSFTPOp, by name or number) to the Ftp task's. */
  private static final List<String> FTP_OPERATIONS =
      List.of(
          "SEND:send",
          "RECEIVE:receive",
          "DELETELOCAL:deleteLocal",
          "DELETEREMOTE:deleteRemote",
          "MAKEDIRLOCAL:createLocalDirectory",
          "MAKEDIRREMOTE:createRemoteDirectory",
          "REMOVEDIRLOCAL:removeLocalDirectory",
          "REMOVEDIRREMOTE:removeRemoteDirectory");

  /**
   * The FTP task into the Ftp task of sluice-ftp: its connection must have converted to an {@code
   * ftp} connection; the local path is a File connection manager ({@code localConnection}) or a
   * variable (an expression), the remote path a text or a variable, as SSIS's IsLocalPathVariable /
   * IsRemotePathVariable say.
   */
  Outcome ftp(Element e, Draft d) {
    Element data = Dts.objectData(e).orElse(null);
    if (data == null) {
      return Outcome.placeholder("it has no task data (DTS:ObjectData)", null);
    }
    String op = attr(data, "Operation").trim().toUpperCase(Locale.ROOT);
    String operation = null;
    for (int i = 0; i < FTP_OPERATIONS.size(); i++) {
      String[] pair = FTP_OPERATIONS.get(i).split(":");
      if (op.equals(pair[0]) || op.equals(String.valueOf(i))) {
        operation = pair[1];
      }
    }
    if (operation == null) {
      return Outcome.placeholder(
          op.isEmpty() ? "its operation is missing" : "its operation " + op + " is unknown", null);
    }
    String reference = attr(data, "ConnectionName");
    if (reference.isEmpty()) {
      reference = attr(data, "Connection");
    }
    Optional<ConvertedConnection> c = ctx.connection(reference);
    if (c.isEmpty() || !"ftp".equals(c.get().type())) {
      return Outcome.placeholder(
          c.isEmpty()
              ? "its FTP connection " + reference + " is not in this package"
              : "its connection " + c.get().name() + " did not convert to an ftp connection",
          null);
    }
    d.type = "Ftp";
    d.properties.put("connection", c.get().name());
    d.properties.put("operation", operation);
    boolean local =
        !operation.equals("deleteRemote")
            && !operation.equals("createRemoteDirectory")
            && !operation.equals("removeRemoteDirectory");
    boolean remote =
        !operation.equals("deleteLocal")
            && !operation.equals("createLocalDirectory")
            && !operation.equals("removeLocalDirectory");
    Optional<String> why = Optional.empty();
    if (local) {
      // a File connection becomes localConnection, a variable an expression on "local"
      why = end(d, data, "local", "LocalPath", "IsLocalPathVariable");
    }
    if (why.isEmpty() && remote) {
      String path = attr(data, "RemotePath").trim();
      if (path.isEmpty()) {
        why = Optional.of("its remote path is missing");
      } else if (Dts.isTrue(attr(data, "IsRemotePathVariable"))) {
        Optional<String> problem = referenceProblem.apply(path, false);
        if (problem.isPresent()) {
          why = Optional.of("its remote path is " + path + ", and " + problem.get());
        } else {
          d.expressions.put("remotePath", "@[" + path + "]");
        }
      } else {
        d.properties.put("remotePath", path);
      }
    }
    if (why.isPresent()) {
      return Outcome.placeholder(why.get(), null);
    }
    if (d.expressions.containsKey("local")) {
      d.expressions.put("localPath", d.expressions.remove("local"));
    }
    if (Dts.isTrue(attr(data, "OverwriteDestination"))
        || Dts.isTrue(attr(data, "OverwriteFileAtDest"))) {
      d.properties.put("overwrite", true);
    }
    if (Dts.isTrue(attr(data, "IsTransferTypeASCII"))
        || Dts.isTrue(attr(data, "IsTransferAscii"))) {
      d.properties.put("asciiTransfer", true);
    }
    return Outcome.converted(Map.of(), List.of());
  }

  private static boolean needsDestination(String operation) {
    return operation.startsWith("copy")
        || operation.startsWith("move")
        || operation.equals("renameFile");
  }

  /**
   * The source or destination: a variable (SSIS's IsSourceVariable) becomes an expression, a File
   * connection manager the {@code ...Connection} setting; returns why it cannot convert.
   */
  Optional<String> end(
      Draft d, Element data, String setting, String pathAttribute, String isVariableAttribute) {
    String reference = attr(data, pathAttribute).trim();
    if (reference.isEmpty()) {
      return Optional.of("its " + setting + " is missing");
    }
    if (Dts.isTrue(attr(data, isVariableAttribute))) {
      Optional<String> problem = referenceProblem.apply(reference, false);
      if (problem.isPresent()) {
        return Optional.of("its " + setting + " is " + reference + ", and " + problem.get());
      }
      d.expressions.put(setting, "@[" + reference + "]");
      return Optional.empty();
    }
    Optional<ConvertedConnection> c = ctx.connection(reference);
    if (c.isEmpty()) {
      return Optional.of("its " + setting + " connection " + reference + " is not in this package");
    }
    if (!"file".equals(c.get().type())) {
      return Optional.of(
          "its "
              + setting
              + " connection "
              + c.get().name()
              + (c.get().type() == null
                  ? " was not converted (" + c.get().why() + ")"
                  : " is " + Articles.a(c.get().type()) + " connection, not a file connection"));
    }
    d.properties.put(setting + "Connection", c.get().name());
    return Optional.empty();
  }

  private static void putText(Draft d, String setting, String value) {
    if (!value.isBlank()) {
      d.properties.put(setting, value);
    }
  }

  /** An attribute by name in any case and without namespace, as the task's designers write it. */
  static String attr(Element data, String name) {
    NamedNodeMap all = data.getAttributes();
    for (int i = 0; i < all.getLength(); i++) {
      Attr a = (Attr) all.item(i);
      String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
      if (local.equalsIgnoreCase(name)) {
        return a.getValue();
      }
    }
    return "";
  }
}
