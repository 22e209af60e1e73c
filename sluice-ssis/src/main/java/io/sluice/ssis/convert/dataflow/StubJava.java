package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java of an imported Script Component stub: a {@code ScriptMain extends ScriptComponent} whose
 * {@code preExecute} fails asking for the port, with the role's method to fill in, and a class
 * comment saying where the original is, which of its methods become which, and the columns and
 * variables the component has. It uses only the by-name API ({@code row.getString("Code")}), which
 * every Sluice version of the ScriptComponent has.
 */
final class StubJava {

  private StubJava() {}

  static String of(
      String component,
      String role,
      String where,
      List<String> originalMethods,
      List<String> inputColumns,
      List<Map<String, Object>> addedColumns,
      List<String> readOnly,
      List<String> readWrite) {
    StringBuilder java = new StringBuilder("import io.sluice.api.script.*;\n\n");
    java.append("/**\n");
    line(java, "Imported from SSIS: the Script Component '" + component + "', a " + role + ".");
    line(java, capitalised(where) + ".");
    line(java, "Port its methods into this class and delete the exception in preExecute");
    line(java, "(docs/script-task.md, \"The Script Component\"):");
    List<String> methods = new ArrayList<>(originalMethods);
    if (methods.isEmpty()) {
      methods.add(role.equals("source") ? "CreateNewOutputRows()" : "Input0_ProcessInputRow(...)");
    }
    for (String method : methods) {
      line(java, "  " + method + " -> " + javaMethod(method));
    }
    line(
        java,
        "Columns are read and written by name: "
            + (role.equals("source")
                ? "output0Buffer().addRow(); output0Buffer().set(\"Name\", value)."
                : "row.getString(\"Name\"), row.set(\"Name\", value)."));
    if (!inputColumns.isEmpty()) {
      line(java, "  input columns it reads: " + String.join(", ", inputColumns));
    }
    if (!addedColumns.isEmpty()) {
      List<String> added = new ArrayList<>();
      for (Map<String, Object> c : addedColumns) {
        added.add(c.get("name") + " " + c.get("type"));
      }
      line(
          java,
          "  columns it "
              + (role.equals("source") ? "outputs" : "adds")
              + " (outputColumns): "
              + String.join(", ", added));
    }
    if (!readOnly.isEmpty()) {
      line(java, "  read-only variables: " + String.join(", ", readOnly));
    }
    if (!readWrite.isEmpty()) {
      line(
          java,
          "  read-write variables: " + String.join(", ", readWrite) + " (set them in postExecute)");
    }
    java.append(" */\n");
    java.append("public class ScriptMain extends ScriptComponent {\n\n");
    java.append("  @Override\n");
    java.append("  public void preExecute() throws Exception {\n");
    java.append("    throw new UnsupportedOperationException(\"port this script: ")
        .append(literal(where))
        .append("\");\n");
    java.append("  }\n\n");
    java.append("  @Override\n");
    if (role.equals("source")) {
      java.append("  public void createNewOutputRows() throws Exception {\n");
      java.append("    // CreateNewOutputRows(): output0Buffer().addRow() for each row\n");
    } else {
      java.append("  public void processInputRow(ScriptRow row) throws Exception {\n");
      java.append("    // Input0_ProcessInputRow(Input0Buffer Row): each input row\n");
    }
    java.append("  }\n");
    java.append("}\n");
    return java.toString();
  }

  /** The Sluice method an SSIS override becomes. */
  private static String javaMethod(String ssis) {
    String name = ssis.substring(0, ssis.indexOf('(')).toLowerCase(Locale.ROOT);
    if (name.endsWith("_processinputrow") || name.endsWith("_processinput")) {
      return "processInputRow(ScriptRow row)";
    }
    return switch (name) {
      case "preexecute" -> "preExecute()";
      case "postexecute" -> "postExecute()";
      case "createnewoutputrows" -> "createNewOutputRows()";
      case "acquireconnections" -> "preExecute() (connections().openJdbc(...))";
      case "releaseconnections" -> "postExecute()";
      default -> "no counterpart: fold it into the methods above";
    };
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * A line of the class comment. Names come from the package: a line break, {@code *}{@code /} or a
   * backslash (which javac reads as a Unicode escape before {@code u}) would break the Java.
   */
  private static void line(StringBuilder java, String text) {
    String safe = text.replaceAll("\\R", " ").replace("\\", "\\\\").replace("*/", "* /");
    java.append(" * ").append(safe).append('\n');
  }

  /** Text inside a Java string literal. */
  private static String literal(String text) {
    StringBuilder s = new StringBuilder();
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '\\' -> s.append("\\\\");
        case '"' -> s.append("\\\"");
        default -> {
          if (ch < 0x20) {
            // octal: javac would turn a Unicode escape into a line break inside the literal
            s.append(String.format(Locale.ROOT, "\\%03o", (int) ch));
          } else {
            s.append(ch);
          }
        }
      }
    }
    return s.toString();
  }
}
