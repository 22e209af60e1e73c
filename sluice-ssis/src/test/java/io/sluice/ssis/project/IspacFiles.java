package io.sluice.ssis.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds an .ispac from an SSIS project folder as Visual Studio does: the .dtproj's {@code
 * <SSIS:Project>} element as {@code @Project.manifest}, the packages, Project.params and .conmgr
 * files, and {@code [Content_Types].xml}, with part-URI entry names ({@code Package%201.dtsx}).
 */
public final class IspacFiles {

  private IspacFiles() {}

  /**
   * The .ispac of {@code dtproj}'s project, listing only the packages whose files are there (Visual
   * Studio cannot build a project with a missing package).
   */
  public static byte[] build(Path dtproj) throws IOException {
    Path folder = dtproj.getParent();
    String text = Files.readString(dtproj, StandardCharsets.UTF_8);
    String manifest =
        text.substring(text.indexOf("<SSIS:Project "), text.indexOf("</SSIS:Project>") + 15);
    Map<String, byte[]> files = new LinkedHashMap<>();
    StringBuilder kept = new StringBuilder();
    for (String line : manifest.split("\n", -1)) {
      int at = line.indexOf("<SSIS:Package SSIS:Name=\"");
      if (at >= 0) {
        String name = line.substring(at + 25, line.indexOf('"', at + 25));
        if (!Files.isRegularFile(folder.resolve(name))) {
          continue;
        }
        files.put(name, Files.readAllBytes(folder.resolve(name)));
      }
      kept.append(line).append('\n');
    }
    files.put(
        "[Content_Types].xml",
        ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Types"
                + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
                + " Extension=\"dtsx\" ContentType=\"text/xml\" /></Types>")
            .getBytes(StandardCharsets.UTF_8));
    files.put(
        "@Project.manifest",
        ("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + kept).getBytes(StandardCharsets.UTF_8));
    for (String other : List.of("Project.params")) {
      if (Files.isRegularFile(folder.resolve(other))) {
        files.put(other, Files.readAllBytes(folder.resolve(other)));
      }
    }
    try (var list = Files.list(folder)) {
      for (Path p : list.filter(p -> p.toString().endsWith(".conmgr")).toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return zip(files);
  }

  /** A zip of {@code files}, each entry named by its part URI. */
  public static byte[] zip(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(partName(f.getKey())));
        zip.write(f.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static String partName(String name) {
    if (name.startsWith("[")) {
      return name; // [Content_Types].xml is not a part: stored as is
    }
    try {
      return new URI(null, null, name, null).getRawPath(); // "Package 1.dtsx" -> Package%201.dtsx
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
