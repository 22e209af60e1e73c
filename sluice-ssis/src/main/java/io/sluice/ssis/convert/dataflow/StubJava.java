package io.sluice.ssis.convert.dataflow;

import io.sluice.api.text.Articles;
import io.sluice.script.AccessorNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Java of an imported Script Component stub: a {@code ScriptMain} whose {@code preExecute}
 * fails asking for the port, with the role's methods to fill in, and a class comment saying where
 * the original is, which of its methods become which, and the columns, outputs and variables the
 * component has.
 *
 * <p>It has SSIS's typed shape ({@code extends UserComponent}, {@code
 * input0ProcessInputRow(Input0Buffer row)}), and the comment names each column's and output's
 * accessors, made by sluice-script's own {@link AccessorNames}, so they are those the generated
 * classes will have. Where a name would be refused (two columns making one accessor name, a name
 * without a letter or digit, {@code Class}), a typed script could not compile, so the stub falls
 * back to the by-name API ({@code extends ScriptComponent}, {@code row.getString("Code")}) and its
 * comment says why.
 */
final class StubJava {

  private StubJava() {}

  /** An input column the script reads; {@code readWrite} when SSIS let it write it. */
  record InputColumn(String name, boolean readWrite) {}

  /**
   * An output declared in {@code outputs:}.
   *
   * @param ssisName its name in SSIS
   * @param name its name in Sluice (SSIS's unless the default outputs take it)
   * @param columns {@code [{name, type}]}, none for a synchronous one
   */
  record Out(
      String ssisName, String name, boolean synchronous, List<Map<String, Object>> columns) {}

  /**
   * What the stub is made from.
   *
   * @param inputColumns the input columns SSIS selected for the script
   * @param inputReaching every column that reaches the input in the converted flow: Input0Buffer
   *     has them all where the flow runs
   * @param defaultOutput the SSIS name of the output that became the default {@code Output}, or
   *     null
   * @param notes what the port must know about the outputs
   */
  record Shape(
      String component,
      String role,
      String where,
      List<String> originalMethods,
      List<InputColumn> inputColumns,
      List<String> inputReaching,
      List<Map<String, Object>> outputColumns,
      String defaultOutput,
      List<Out> outputs,
      List<String> notes,
      List<String> readOnly,
      List<String> readWrite) {

    boolean source() {
      return role.equals("source");
    }
  }

  /**
   * Why the typed accessors cannot be made for this component, as the generator would say it, or
   * empty when they can.
   */
  static Optional<String> untyped(Shape s) {
    try {
      if (s.source()) {
        AccessorNames.ofColumns(names(s.outputColumns()), "Output0Buffer");
      } else {
        List<String> row = new ArrayList<>(s.inputReaching());
        for (InputColumn c : s.inputColumns()) {
          if (row.stream().noneMatch(c.name()::equalsIgnoreCase)) {
            row.add(c.name());
          }
        }
        row.addAll(names(s.outputColumns()));
        AccessorNames.ofColumns(row, "Input0Buffer");
      }
      List<String> buffers = AccessorNames.ofOutputs(s.outputs().stream().map(Out::name).toList());
      for (int i = 0; i < s.outputs().size(); i++) {
        AccessorNames.ofColumns(names(s.outputs().get(i).columns()), buffers.get(i) + "Buffer");
      }
      return Optional.empty();
    } catch (AccessorNames.NamingException e) {
      return Optional.of(e.getMessage());
    }
  }

  static String of(Shape s) {
    Optional<String> untyped = untyped(s);
    boolean typed = untyped.isEmpty();
    StringBuilder java = new StringBuilder(typed ? "" : "import io.sluice.api.script.*;\n\n");
    java.append("/**\n");
    line(
        java,
        "Imported from SSIS: the Script Component '"
            + s.component()
            + "', "
            + Articles.a(s.role())
            + ".");
    line(java, capitalised(s.where()) + ".");
    line(java, "Port its methods into this class and delete the exception in preExecute");
    line(java, "(docs/script-task.md, \"The Script Component\"):");
    List<String> methods = new ArrayList<>(s.originalMethods());
    if (methods.isEmpty()) {
      methods.add(s.source() ? "CreateNewOutputRows()" : "Input0_ProcessInputRow(...)");
    }
    for (String method : methods) {
      line(java, "  " + method + " -> " + javaMethod(method, typed));
    }
    if (typed) {
      typedColumns(java, s);
    } else {
      line(java, "Its typed accessors cannot be made (" + untyped.get() + "),");
      byNameColumns(java, s);
    }
    for (String note : s.notes()) {
      line(java, "  " + note);
    }
    if (!s.readOnly().isEmpty()) {
      line(java, "  read-only variables: " + String.join(", ", s.readOnly()));
    }
    if (!s.readWrite().isEmpty()) {
      line(
          java,
          "  read-write variables: "
              + String.join(", ", s.readWrite())
              + " (set them in postExecute)");
    }
    java.append(" */\n");
    java.append("public class ScriptMain extends ")
        .append(typed ? "UserComponent" : "ScriptComponent")
        .append(" {\n\n");
    java.append("  @Override\n");
    java.append("  public void preExecute() throws Exception {\n");
    java.append("    throw new UnsupportedOperationException(\"port this script: ")
        .append(literal(s.where()))
        .append("\");\n");
    java.append("  }\n\n");
    java.append("  @Override\n");
    if (s.source()) {
      java.append("  public void createNewOutputRows() throws Exception {\n");
      java.append(
          typed
              ? "    // CreateNewOutputRows(): output0Buffer.addRow() for each row\n"
              : "    // CreateNewOutputRows(): output0Buffer().addRow() for each row\n");
    } else {
      java.append(
          typed
              ? "  public void input0ProcessInputRow(Input0Buffer row) throws Exception {\n"
              : "  public void processInputRow(ScriptRow row) throws Exception {\n");
      java.append("    // Input0_ProcessInputRow(Input0Buffer Row): each input row\n");
    }
    java.append("  }\n");
    String processInput = processInput(s.originalMethods());
    if (!s.source() && processInput != null) {
      java.append("\n  @Override\n");
      java.append("  public void endOfInput() throws Exception {\n");
      java.append("    // ")
          .append(comment(processInput))
          .append(": what it does once Buffer.EndOfRowset() is true\n");
      java.append("  }\n");
    }
    java.append("}\n");
    return java.toString();
  }

  /** The comment lines naming the typed accessors, as the generator will make them. */
  private static void typedColumns(StringBuilder java, Shape s) {
    line(java, "Typed accessors, for a column X: getX(), setX(value), isXNull(), setXNull()");
    line(java, "(SSIS's Row.X, Row.X_IsNull, Row.X_SetNull()):");
    if (!s.inputColumns().isEmpty()) {
      List<String> read = new ArrayList<>();
      for (InputColumn c : s.inputColumns()) {
        read.add(accessor(c.name()) + (c.readWrite() ? " (read-write)" : ""));
      }
      line(java, "  row (Input0Buffer), input columns it reads: " + String.join(", ", read));
    }
    String defaultName = s.defaultOutput() == null ? "" : " '" + s.defaultOutput() + "'";
    if (s.source()) {
      line(
          java,
          "  output0Buffer (output"
              + defaultName
              + ", SSIS's "
              + ssisBuffer(s.defaultOutput())
              + "), outputColumns: "
              + typedList(s.outputColumns()));
    } else if (!s.outputColumns().isEmpty()) {
      line(
          java,
          "  row (Input0Buffer), columns it adds (outputColumns): " + typedList(s.outputColumns()));
    }
    List<String> directs = new ArrayList<>();
    List<String> names = AccessorNames.ofOutputs(s.outputs().stream().map(Out::name).toList());
    for (int i = 0; i < s.outputs().size(); i++) {
      Out o = s.outputs().get(i);
      String name = names.get(i);
      if (o.synchronous()) {
        directs.add(
            "row.directRowTo" + name + "() (SSIS's Row.DirectRowTo" + ssisId(o.ssisName()) + "())");
      } else {
        line(
            java,
            "  "
                + name.substring(0, 1).toLowerCase(Locale.ROOT)
                + name.substring(1)
                + "Buffer (output '"
                + o.name()
                + "', SSIS's "
                + ssisBuffer(o.ssisName())
                + "): "
                + (o.columns().isEmpty() ? "no columns" : typedList(o.columns())));
      }
    }
    if (!directs.isEmpty()) {
      directs.add(
          0,
          "row.directRowToOutput0() (SSIS's Row.DirectRowTo" + ssisId(s.defaultOutput()) + "())");
      line(java, "  sends a row to synchronous outputs: " + String.join(", ", directs));
    }
  }

  /** The comment lines of a by-name stub: its columns and outputs, and how to reach them. */
  private static void byNameColumns(StringBuilder java, Shape s) {
    line(
        java,
        "so columns are read and written by name: "
            + (s.source()
                ? "output0Buffer().addRow(); output0Buffer().set(\"Name\", value)."
                : "row.getString(\"Name\"), row.set(\"Name\", value)."));
    if (!s.inputColumns().isEmpty()) {
      List<String> read = new ArrayList<>();
      for (InputColumn c : s.inputColumns()) {
        read.add(c.name() + (c.readWrite() ? " (read-write)" : ""));
      }
      line(java, "  input columns it reads: " + String.join(", ", read));
    }
    if (!s.outputColumns().isEmpty()) {
      line(
          java,
          "  columns it "
              + (s.source() ? "outputs" : "adds")
              + " (outputColumns): "
              + plainList(s.outputColumns()));
    }
    for (Out o : s.outputs()) {
      line(
          java,
          o.synchronous()
              ? "  synchronous output '" + o.name() + "': row.directRowTo(\"" + o.name() + "\")"
              : "  output '"
                  + o.name()
                  + "': outputBuffer(\""
                  + o.name()
                  + "\").addRow(), columns "
                  + (o.columns().isEmpty() ? "none" : plainList(o.columns())));
    }
  }

  /** {@code Order Date -> OrderDate}, or just the name when it is its own accessor name. */
  private static String accessor(String column) {
    String x = AccessorNames.of(column, "column '" + column + "'");
    return x.equals(column) ? column : column + " -> " + x;
  }

  private static String typedList(List<Map<String, Object>> columns) {
    List<String> list = new ArrayList<>();
    for (Map<String, Object> c : columns) {
      list.add(accessor((String) c.get("name")) + " " + c.get("type"));
    }
    return String.join(", ", list);
  }

  private static String plainList(List<Map<String, Object>> columns) {
    List<String> list = new ArrayList<>();
    for (Map<String, Object> c : columns) {
      list.add(c.get("name") + " " + c.get("type"));
    }
    return String.join(", ", list);
  }

  private static List<String> names(List<Map<String, Object>> columns) {
    return columns.stream().map(c -> (String) c.get("name")).toList();
  }

  /**
   * The name SSIS gives an output's buffer property ({@code Output 0} -> {@code Output0Buffer}).
   */
  private static String ssisBuffer(String output) {
    return ssisId(output) + "Buffer";
  }

  private static String ssisId(String output) {
    if (output == null) {
      return "Output0";
    }
    try {
      return AccessorNames.of(output, "output");
    } catch (AccessorNames.NamingException e) {
      return output;
    }
  }

  /** The original's {@code <Input>_ProcessInput(...)} override, or null. */
  private static String processInput(List<String> methods) {
    for (String m : methods) {
      String name = m.substring(0, m.indexOf('(')).toLowerCase(Locale.ROOT);
      if (name.endsWith("_processinput")) {
        return m;
      }
    }
    return null;
  }

  /** The Sluice method an SSIS override becomes. */
  private static String javaMethod(String ssis, boolean typed) {
    String name = ssis.substring(0, ssis.indexOf('(')).toLowerCase(Locale.ROOT);
    String row =
        typed ? "input0ProcessInputRow(Input0Buffer row)" : "processInputRow(ScriptRow row)";
    if (name.endsWith("_processinputrow")) {
      return row;
    }
    if (name.endsWith("_processinput")) {
      return row + " for each row, and endOfInput() for the end (Buffer.EndOfRowset())";
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

  /** Text in a line comment: a line break or a Unicode escape would end it. */
  private static String comment(String text) {
    return text.replaceAll("\\R", " ").replace("\\", "\\\\");
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
