package io.sluice.engine.project;

import static io.sluice.engine.project.ProjectFiles.MAX_YAML_FILE_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes are checked while a project is read, before anything is parsed: an oversized file is
 * refused once its limit is passed, without the rest of it being read (issue 11: a 30 MB
 * project.yaml in a 31 KB archive took a master to 1.96 GB and five CPU-minutes).
 */
class ProjectSizeLimitsTest {

  /**
   * What ZipInputStream may read ahead of the entry data it hands out (its buffer is 512 bytes).
   */
  private static final long READ_AHEAD = 64 * 1024;

  @TempDir Path dir;

  @Test
  void anOversizedEntryIsReadNoFurtherThanTheLimit() throws IOException {
    // Random bytes do not compress: what is read from the archive is what is unpacked. The entry is
    // deflated with its size in a trailing descriptor, so only counting can stop it.
    byte[] archive = zip(Map.of("project.yaml", random(4 * MAX_YAML_FILE_BYTES)), false);
    CountingStream in = new CountingStream(archive);

    ProjectTooLargeException e =
        catchThrowableOfType(ProjectTooLargeException.class, () -> ProjectFiles.fromArchive(in));

    assertThat(e.getMessage())
        .isEqualTo(
            "1 problem in the project:\n  project.yaml: is larger than 2 MiB (2,097,152 bytes),"
                + " the most a project or package file may hold");
    assertThat(e.hint()).contains("split a large package");
    assertThat(in.read).isLessThan(MAX_YAML_FILE_BYTES + READ_AHEAD);
  }

  @Test
  void aSizeDeclaredOverTheLimitIsRefusedWithoutReadingTheEntry() throws IOException {
    byte[] archive = zip(Map.of("packages/load.yaml", random(4 * MAX_YAML_FILE_BYTES)), true);
    CountingStream in = new CountingStream(archive);

    ProjectTooLargeException e =
        catchThrowableOfType(ProjectTooLargeException.class, () -> ProjectFiles.fromArchive(in));

    assertThat(e.problems()).extracting(Problem::file).containsExactly("packages/load.yaml");
    assertThat(in.read).isLessThan(READ_AHEAD);
  }

  @Test
  void aHeaderThatUnderstatesTheSizeIsNotTrusted() throws IOException {
    byte[] content = random(4 * MAX_YAML_FILE_BYTES);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      ZipEntry entry = new ZipEntry("project.yaml");
      // Sizes and CRC given up front go into the entry's local header (no trailing descriptor).
      entry.setSize(content.length);
      entry.setCompressedSize(deflatedSize(content));
      CRC32 crc = new CRC32();
      crc.update(content);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(content);
      zip.closeEntry();
    }
    byte[] archive = bytes.toByteArray();
    // The local header's uncompressed size (offset 22) now claims 10 bytes.
    ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN).putInt(22, 10);
    CountingStream in = new CountingStream(archive);

    ProjectTooLargeException e =
        catchThrowableOfType(ProjectTooLargeException.class, () -> ProjectFiles.fromArchive(in));

    assertThat(e.getMessage()).contains("project.yaml: is larger than 2 MiB");
    assertThat(in.read).isLessThan(MAX_YAML_FILE_BYTES + READ_AHEAD);
  }

  @Test
  void theParserIsNeverHandedAnOversizedFile() {
    // SnakeYAML's own limit (3,145,728 code points) counts only what its parser moved past: it let
    // these 3 MiB of comments through whole, and the project parsed.
    StringBuilder text = new StringBuilder("name: p\n");
    while (text.length() <= 3 * 1024 * 1024) {
      text.append("# a comment, and another, and another one\n");
    }
    ProjectFiles files =
        ProjectFixtures.files(
            "project.yaml", text.toString(), "packages/p.yaml", ProjectFixtures.PACKAGE);

    ProjectTooLargeException e =
        catchThrowableOfType(ProjectTooLargeException.class, () -> ProjectParser.parse(files));

    assertThat(e.getMessage()).contains("project.yaml: is larger than 2 MiB");
  }

  @Test
  void aFileOfExactlyTheLimitIsRead() {
    StringBuilder text = new StringBuilder("name: p\n");
    String comment = "#".repeat(1023) + "\n";
    while (text.length() + comment.length() <= MAX_YAML_FILE_BYTES) {
      text.append(comment);
    }
    text.append("#".repeat(MAX_YAML_FILE_BYTES - text.length() - 1)).append('\n');
    byte[] archive =
        ProjectFixtures.files(
                "project.yaml", text.toString(), "packages/p.yaml", ProjectFixtures.PACKAGE)
            .toArchive();

    assertThat(text).hasSize(MAX_YAML_FILE_BYTES);
    assertThat(ProjectArchive.read(archive).name()).isEqualTo("p");
  }

  @Test
  void anOversizedFileInAFolderIsRefusedBeforeItIsRead() throws IOException {
    Files.createDirectories(dir.resolve("packages"));
    Files.writeString(dir.resolve("packages/p.yaml"), ProjectFixtures.PACKAGE);
    // 30 MB that are never written (a sparse file): reading them would only find zeros.
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("project.yaml").toFile(), "rw")) {
      file.setLength(30L * 1024 * 1024);
    }

    ProjectTooLargeException e =
        catchThrowableOfType(ProjectTooLargeException.class, () -> ProjectArchive.load(dir));

    assertThat(e.getMessage()).contains("project.yaml: is larger than 2 MiB");
  }

  @Test
  void aFolderHoldingMoreThanAnArchiveMayIsRefused() throws IOException {
    Files.createDirectories(dir.resolve("packages"));
    Files.writeString(dir.resolve("project.yaml"), "name: p\n");
    Files.writeString(dir.resolve("packages/p.yaml"), ProjectFixtures.PACKAGE);
    Files.createDirectories(dir.resolve("data"));
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("data/big.csv").toFile(), "rw")) {
      file.setLength(ProjectFiles.MAX_ARCHIVE_BYTES + 1);
    }

    ProjectTooLargeException e =
        catchThrowableOfType(ProjectTooLargeException.class, () -> ProjectArchive.pack(dir));

    assertThat(e.getMessage()).contains(dir + ": holds more than 64 MiB of files");
    assertThat(e.hint()).contains("keep data files out of the project folder");
  }

  @Test
  void otherFilesAreBoundOnlyByTheArchiveTotal() {
    byte[] script = new byte[3 * MAX_YAML_FILE_BYTES];
    java.util.Arrays.fill(script, (byte) ' ');
    ProjectFiles files =
        ProjectFiles.fromArchive(
            ProjectFixtures.files(
                    "project.yaml",
                    "name: p\n",
                    "packages/p.yaml",
                    ProjectFixtures.PACKAGE,
                    "sql/big.sql",
                    new String(script, StandardCharsets.US_ASCII))
                .toArchive());

    assertThat(files.get("sql/big.sql")).hasSize(script.length);
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(11).nextBytes(bytes);
    return bytes;
  }

  private static int deflatedSize(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var deflater =
        new java.util.zip.DeflaterOutputStream(
            out, new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true))) {
      deflater.write(content);
    }
    return out.size();
  }

  /** A zip of the files; {@code stored} keeps them uncompressed, with their size in the header. */
  private static byte[] zip(Map<String, byte[]> files, boolean stored) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        ZipEntry entry = new ZipEntry(file.getKey());
        if (stored) {
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(file.getValue().length);
          CRC32 crc = new CRC32();
          crc.update(file.getValue());
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(file.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Counts the bytes read from an archive. */
  private static final class CountingStream extends FilterInputStream {

    long read;

    CountingStream(byte[] bytes) {
      super(new ByteArrayInputStream(bytes));
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      read += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      read += Math.max(n, 0);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      read += skipped;
      return skipped;
    }
  }
}
