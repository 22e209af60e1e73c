package io.sluice.engine.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes a project archive carries for the catalog's record of its deploy: the catalog adds each one
 * as a message of the deploy operation ({@code sluice catalog operations show ID}). The SSIS
 * importer writes the findings of an import made on the fly ({@code sluice catalog deploy
 * Project.ispac}) here, so the catalog keeps what was not converted next to the version it
 * deployed, without knowing anything of SSIS.
 *
 * <p>The file is {@value #PATH}: UTF-8, one note per line, {@code warning: } or {@code information:
 * } and the text. A hidden path, so a project folder never packs one by accident ({@link
 * ProjectFiles#fromDirectory} skips hidden files); it stays in the stored archive, so a version
 * downloaded and deployed again is recorded with the same notes. At most {@link #MAX_NOTES} notes
 * of {@link #MAX_NOTE_CHARS} characters each are read: they are the deployer's own text on their
 * own operation, and the limits keep one deploy from filling the message table.
 */
public final class DeployNotes {

  public static final String PATH = ".sluice/deploy-notes.txt";

  public static final int MAX_NOTES = 1_000;

  public static final int MAX_NOTE_CHARS = 4_000;

  private static final String WARNING = "warning: ";
  private static final String INFORMATION = "information: ";

  private DeployNotes() {}

  /** One note; a warning asks the reader to act. */
  public record Note(boolean warning, String text) {}

  /** The file's bytes for {@code notes}; line breaks inside a text become spaces. */
  public static byte[] write(List<Note> notes) {
    StringBuilder s = new StringBuilder();
    for (Note n : notes) {
      s.append(n.warning() ? WARNING : INFORMATION)
          .append(n.text().replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '))
          .append('\n');
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The notes of {@code files}, none when it has no {@value #PATH}; beyond the limits, the rest is
   * cut and a last note says how many were left out.
   */
  public static List<Note> read(ProjectFiles files) {
    byte[] bytes = files.get(PATH);
    if (bytes == null) {
      return List.of();
    }
    List<Note> notes = new ArrayList<>();
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
    int skipped = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      if (notes.size() >= MAX_NOTES) {
        skipped++;
        continue;
      }
      boolean warning = line.startsWith(WARNING);
      String text =
          warning
              ? line.substring(WARNING.length())
              : line.startsWith(INFORMATION) ? line.substring(INFORMATION.length()) : line;
      if (text.length() > MAX_NOTE_CHARS) {
        text = text.substring(0, MAX_NOTE_CHARS - 3) + "...";
      }
      notes.add(new Note(warning, text));
    }
    if (skipped > 0) {
      notes.add(
          new Note(
              true,
              skipped
                  + " more notes of this deploy were not recorded (at most "
                  + MAX_NOTES
                  + " are)"));
    }
    return List.copyOf(notes);
  }
}
