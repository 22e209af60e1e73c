package io.sluice.ssis.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The C# or VB source of a Script task or Script component, which a .dtsx keeps as the text items
 * of a {@code ScriptProject} (ScriptMain.cs, the .csproj, Properties\AssemblyInfo.cs, ...). Sluice
 * cannot run it, so the import writes it beside the package, {@code scripts/<package>/<task>/...},
 * for the person who ports it. The compiled assembly ({@code BinaryItem}) is not written: it is the
 * same code, unreadable.
 */
final class ScriptSources {

  private ScriptSources() {}

  /**
   * Adds the script project under {@code element} (a task's or component's XML) to the import's
   * side files; returns the folder written, or null when the element holds no script source.
   */
  static String extract(ProjectScope scope, String packageName, String ownerName, Element element) {
    NodeList items = element.getElementsByTagNameNS("*", "ProjectItem");
    if (items.getLength() == 0) {
      items = element.getElementsByTagName("ProjectItem");
    }
    String folder = "scripts/" + segment(packageName) + "/" + segment(ownerName);
    List<String> written = new ArrayList<>();
    for (int i = 0; i < items.getLength(); i++) {
      Element item = (Element) items.item(i);
      String name = item.getAttribute("Name");
      if (name.isBlank()) {
        continue;
      }
      String path = folder + "/" + relativePath(name);
      if (!written.contains(path)) {
        scope.sideFiles.put(path, item.getTextContent());
        written.add(path);
      }
    }
    return written.isEmpty() ? null : folder;
  }

  /**
   * Adds a Script component's source files (name to text, from its {@code SourceCode} property) to
   * the import's side files under {@code scripts/<package>/<task>/<component>/}; returns the
   * folder, or null when there are none.
   */
  static String write(
      ProjectScope scope, String packageName, List<String> owners, Map<String, String> items) {
    StringBuilder folder = new StringBuilder("scripts/" + segment(packageName));
    for (String owner : owners) {
      folder.append('/').append(segment(owner));
    }
    boolean any = false;
    for (Map.Entry<String, String> item : items.entrySet()) {
      if (!item.getKey().isBlank()) {
        scope.sideFiles.putIfAbsent(folder + "/" + relativePath(item.getKey()), item.getValue());
        any = true;
      }
    }
    return any ? folder.toString() : null;
  }

  /** {@code Properties\AssemblyInfo.cs} as a safe relative path: no drive, no {@code ..}. */
  private static String relativePath(String itemName) {
    List<String> parts = new ArrayList<>();
    for (String part : itemName.replace('\\', '/').split("/")) {
      if (!part.isBlank() && !part.equals(".")) {
        parts.add(segment(part));
      }
    }
    // "Project" is the item SSIS keeps the project's own settings in; give it a readable name
    if (parts.size() == 1 && parts.get(0).equalsIgnoreCase("Project")) {
      return "Project.xml";
    }
    return String.join("/", parts);
  }

  /** A name usable as one folder or file name on every system. */
  static String segment(String name) {
    String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
    if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) {
      return "_" + s.length();
    }
    return s.length() > 100 ? s.substring(0, 100) : s;
  }
}
