package io.sluice.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.project.DeployNotes.Note;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployNotesTest {

  @Test
  void notesRoundTripThroughTheArchiveWithTheirKind() {
    byte[] file =
        DeployNotes.write(
            List.of(new Note(false, "imported from SSIS P.ispac"), new Note(true, "two\nlines")));
    ProjectFiles files =
        ProjectFiles.fromArchive(ProjectFiles.of(Map.of(DeployNotes.PATH, file)).toArchive());

    assertThat(DeployNotes.read(files))
        .containsExactly(
            new Note(false, "imported from SSIS P.ispac"), new Note(true, "two lines"));
  }

  @Test
  void aProjectWithoutNotesHasNone() {
    assertThat(DeployNotes.read(ProjectFiles.of(Map.of()))).isEmpty();
  }

  @Test
  void beyondTheLimitsNotesAreCutAndTheRestCounted() {
    List<Note> many = new ArrayList<>();
    for (int i = 0; i < DeployNotes.MAX_NOTES + 5; i++) {
      many.add(new Note(true, "x".repeat(DeployNotes.MAX_NOTE_CHARS + 10)));
    }
    ProjectFiles files = ProjectFiles.of(Map.of(DeployNotes.PATH, DeployNotes.write(many)));

    List<Note> read = DeployNotes.read(files);

    assertThat(read).hasSize(DeployNotes.MAX_NOTES + 1);
    assertThat(read.get(0).text()).hasSize(DeployNotes.MAX_NOTE_CHARS).endsWith("...");
    assertThat(read.get(DeployNotes.MAX_NOTES).text())
        .isEqualTo("5 more notes of this deploy were not recorded (at most 1000 are)");
  }

  @Test
  void aFolderNeverPacksNotesOfItsOwn() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("notes");
    java.nio.file.Files.createDirectories(dir.resolve(".sluice"));
    java.nio.file.Files.writeString(
        dir.resolve(DeployNotes.PATH), "warning: typed by hand", StandardCharsets.UTF_8);

    assertThat(DeployNotes.read(ProjectFiles.fromDirectory(dir))).isEmpty();
  }
}
