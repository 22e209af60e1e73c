package io.sluice.ssis.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An SSIS Script task becomes a Sluice Script task with the same ReadOnlyVariables and
 * ReadWriteVariables, whose inline Java body fails asking for the port, and its C# or VB beside it
 * in {@code scripts/<package>/<task>/}. It does not run as in SSIS, so the report counts it as a
 * placeholder; but the port is a translation inside a task that is already wired, declared and
 * validated.
 */
final class ScriptTaskStub {

  private ScriptTaskStub() {}

  static TaskConverters.Outcome convert(PackageContext ctx, Element e, Draft d) {
    String folder = ScriptSources.extract(ctx.project, ctx.packageName, d.name, e);
    Element script = scriptProject(e);
    String language =
        script != null && script.getAttribute("Language").toLowerCase(Locale.ROOT).contains("vb")
            ? "VB"
            : "C#";
    String where =
        folder == null
            ? "its " + language + " is in the .dtsx under DTS:ObjectData"
            : "its " + language + " is in " + folder + "/";
    d.type = "Script";
    List<String> readOnly = names(script, "ReadOnlyVariables");
    List<String> readWrite = names(script, "ReadWriteVariables");
    // a User variable the package does not have would refuse the whole package before it runs
    List<String> missing = new ArrayList<>();
    for (List<String> names : List.of(readOnly, readWrite)) {
      names.removeIf(
          n -> {
            boolean gone = n.startsWith("User::") && !ctx.hasVariable(n);
            if (gone) {
              missing.add(n);
            }
            return gone;
          });
    }
    if (!readOnly.isEmpty()) {
      d.properties.put("readOnlyVariables", readOnly);
    }
    if (!readWrite.isEmpty()) {
      d.properties.put("readWriteVariables", readWrite);
    }
    // inline, so the project validates and runs without the side files (an import in memory,
    // sluice run Load.dtsx, has none)
    d.properties.put("source", java(where));
    return TaskConverters.Outcome.stub(
        "a Script task's "
            + language
            + " cannot run in Sluice; it is a Script task whose Java"
            + " fails until ported",
        "port this script: "
            + where
            + "; write its Java into the Script task (docs/script-task.md)"
            + (missing.isEmpty()
                ? ""
                : "; it names variables the package does not have, left out of its lists: "
                    + String.join(", ", missing)));
  }

  /** The Java the stub runs: it fails, saying where the original is. */
  private static String java(String where) {
    String message = ("port this script: " + where).replace("\\", "\\\\").replace("\"", "\\\"");
    return "import io.sluice.api.script.*;\n"
        + "\n"
        + "/** Imported from SSIS: translate the original's Main() into main (docs/script-task.md). */\n"
        + "public class ScriptMain implements Script {\n"
        + "  public void main(Dts dts) {\n"
        + "    throw new UnsupportedOperationException(\""
        + message
        + "\");\n"
        + "  }\n"
        + "}\n";
  }

  private static Element scriptProject(Element e) {
    NodeList found = e.getElementsByTagNameNS("*", "ScriptProject");
    if (found.getLength() == 0) {
      found = e.getElementsByTagName("ScriptProject");
    }
    return found.getLength() == 0 ? null : (Element) found.item(0);
  }

  /** {@code User::A,$Package::B} as a list, as SSIS writes the task's variable lists. */
  private static List<String> names(Element script, String attribute) {
    List<String> names = new ArrayList<>();
    if (script != null) {
      for (String name : script.getAttribute(attribute).split(",")) {
        if (!name.isBlank()) {
          names.add(name.trim());
        }
      }
    }
    return names;
  }
}
