package io.sluice.ssis.convert;

import io.sluice.ssis.xml.Dts;
import java.util.Locale;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The package file an Execute Package task with an external reference runs: its {@code
 * <Connection>} names a File connection manager of the package whose connection string is the path
 * of a .dtsx ({@code C:\repos\SSIS\Child.dtsx}), as packages of the package deployment model (and
 * projects that kept that habit) call their children.
 *
 * <p>Why this is enough to convert it: such a path points into the developer's checkout, which
 * never exists where Sluice runs. What the author meant is "the package Child.dtsx of this
 * project"; when that file is part of the same import, the task becomes an ExecutePackage of the
 * imported package (a project reference), and the report says so. A path chosen by an expression,
 * or a package in msdb, cannot be resolved here and stays a placeholder.
 */
final class ExternalPackageReference {

  private ExternalPackageReference() {}

  /** What the task's connection says, when it is a File connection manager of the package. */
  record FileReference(String connectionName, String path, boolean byExpression) {

    /** The last part of the path, {@code Child.dtsx}, whichever separator it uses. */
    String fileName() {
      String p = path.trim();
      int cut = Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/'));
      return p.substring(cut + 1);
    }

    boolean isPackageFile() {
      return fileName().toLowerCase(Locale.ROOT).endsWith(".dtsx");
    }
  }

  /**
   * The File connection manager the task's {@code <Connection>} names (by DTSID, refId or name)
   * among the connection managers of the task's package, if that is what it names.
   */
  static Optional<FileReference> of(Element task, Element data) {
    String reference =
        Dts.anyChild(data, "Connection").map(c -> c.getTextContent().trim()).orElse("");
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    Element root = task.getOwnerDocument().getDocumentElement();
    for (Element cm : Dts.list(root, "ConnectionManagers", "ConnectionManager")) {
      if (!names(cm, reference)) {
        continue;
      }
      if (!"FILE".equalsIgnoreCase(String.valueOf(Dts.prop(cm, "CreationName")).trim())) {
        return Optional.empty();
      }
      String path =
          Dts.child(cm, "ObjectData")
              .flatMap(d -> Dts.child(d, "ConnectionManager"))
              .map(inner -> Dts.prop(inner, "ConnectionString"))
              .orElse("");
      boolean byExpression =
          Dts.children(cm, "PropertyExpression").stream()
              .anyMatch(p -> "ConnectionString".equalsIgnoreCase(Dts.attr(p, "Name")));
      return Optional.of(
          new FileReference(Dts.prop(cm, "ObjectName"), path == null ? "" : path, byExpression));
    }
    return Optional.empty();
  }

  private static boolean names(Element cm, String reference) {
    String ref = reference.toUpperCase(Locale.ROOT);
    for (String key : new String[] {"DTSID", "refId", "ObjectName"}) {
      String value = Dts.prop(cm, key);
      if (value != null && value.trim().toUpperCase(Locale.ROOT).equals(ref)) {
        return true;
      }
    }
    return false;
  }
}
