package io.sluice.ssis.project;

import io.sluice.ssis.SsisImportException;
import io.sluice.ssis.xml.Dts;
import io.sluice.ssis.xml.SafeXml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * An SSIS project's manifest: the {@code <SSIS:Project>} element that Visual Studio keeps in the
 * {@code .dtproj} (under {@code DeploymentModelSpecificContent/Manifest}) and writes as
 * {@code @Project.manifest} into the {@code .ispac} it builds: the project's name, its packages in
 * the project's order, and its project connection managers ({@code .conmgr} files).
 *
 * <p>Its {@code DeploymentInfo} (the {@code CM.*} parameters SSISDB derives from connection
 * managers, and each package's parameter list) is not read: the packages and {@code Project.params}
 * themselves say the same, and Sluice's connections are set as a whole ({@code --connection}).
 *
 * @param name the project's name; null when the manifest has none
 * @param packages the package file names ({@code Load.dtsx}), in the project's order
 * @param connectionManagers the {@code .conmgr} file names
 */
public record ProjectManifest(String name, List<String> packages, List<String> connectionManagers) {

  /** The namespace of project files ({@code xmlns:SSIS}): the manifest and Project.params. */
  public static final String SSIS_NS = "www.microsoft.com/SqlServer/SSIS";

  /** Reads {@code <SSIS:Project>}; {@code file} is named in errors. */
  static ProjectManifest read(Path file, Element project) {
    if (!"Project".equals(project.getLocalName()) || !SSIS_NS.equals(project.getNamespaceURI())) {
      throw new SsisImportException(
          file,
          SafeXml.line(project),
          "is not an SSIS project manifest: its root element is <"
              + project.getNodeName()
              + ">, where a manifest has <SSIS:Project> in namespace "
              + SSIS_NS,
          "build the project again in Visual Studio (SSDT), which writes the manifest");
    }
    String name = null;
    for (Element props : Dts.children(project, SSIS_NS, "Properties")) {
      for (Element p : Dts.children(props, SSIS_NS, "Property")) {
        if ("Name".equals(p.getAttributeNS(SSIS_NS, "Name"))) {
          name = p.getTextContent().trim();
        }
      }
    }
    return new ProjectManifest(
        name == null || name.isEmpty() ? null : name,
        names(project, "Packages", "Package"),
        names(project, "ConnectionManagers", "ConnectionManager"));
  }

  private static List<String> names(Element project, String outer, String inner) {
    List<String> out = new ArrayList<>();
    for (Element list : Dts.children(project, SSIS_NS, outer)) {
      for (Element item : Dts.children(list, SSIS_NS, inner)) {
        String n = item.getAttributeNS(SSIS_NS, "Name").trim();
        if (!n.isEmpty()) {
          out.add(n);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The manifest inside a .dtproj's root {@code <Project>}, if it has one. */
  static Optional<Element> inDtproj(Element dtprojRoot) {
    for (Element content : Dts.children(dtprojRoot, null, "DeploymentModelSpecificContent")) {
      for (Element manifest : Dts.children(content, null, "Manifest")) {
        List<Element> project = Dts.children(manifest, SSIS_NS, "Project");
        if (!project.isEmpty()) {
          return Optional.of(project.get(0));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code name} is a plain file name of the project's folder: what Visual Studio writes.
   * Anything with a folder part ({@code ..\..\x.dtsx}) is not followed, so a project file cannot
   * make the importer read files outside its folder.
   */
  static boolean isPlainFileName(String name) {
    return !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf(':') < 0
        && name.indexOf('\0') < 0;
  }
}
