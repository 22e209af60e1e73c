package io.sluice.engine.dataflow.source.flatfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The splitter reads 1 MiB at a time and scans eight bytes at a time: records, line ends and
 * characters that straddle those boundaries must come out whole.
 */
class DelimitedRecordReaderTest {

  private static final int CHUNK = 1 << 20;

  @Test
  void aMultibyteUtf8CharacterAcrossTheReadBoundaryIsDecodedWhole() throws IOException {
    // "€" is E2 82 AC: its first byte is the last byte of the first read.
    String text = prefix(CHUNK - 1) + "€|tail\nnext|€€\n";
    List<List<String>> records = read(text, StandardCharsets.UTF_8, '|', '"');

    assertThat(records.get(records.size() - 2)).containsExactly("€", "tail");
    assertThat(records.get(records.size() - 1)).containsExactly("next", "€€");
  }

  @Test
  void crLfAcrossTheReadBoundaryEndsTheRecordWithoutTheCr() throws IOException {
    String text = prefix(CHUNK - 5) + "a|bc\r\nlast|one\r\n";
    List<List<String>> records = read(text, StandardCharsets.US_ASCII, '|', '"');

    assertThat(records.get(records.size() - 2)).containsExactly("a", "bc");
    assertThat(records.get(records.size() - 1)).containsExactly("last", "one");
  }

  @Test
  void aQualifiedFieldAcrossTheReadBoundaryKeepsDelimitersLineEndsAndQuotes() throws IOException {
    String text = prefix(CHUNK - 6) + "\"a|b\r\nsaid \"\"hi\"\"\"|x\n";
    List<List<String>> records = read(text, StandardCharsets.US_ASCII, '|', '"');

    assertThat(records.get(records.size() - 1)).containsExactly("a|b\r\nsaid \"hi\"", "x");
  }

  @Test
  void nextInPlaceStopsAtARecordThatRunsPastTheBytesReadAndNeverMovesThem() throws IOException {
    String text = prefix(CHUNK - 3) + "abcdef|g\nh|i\n";
    try (DelimitedRecordReader reader = reader(text, '|', '"')) {
      assertThat(reader.next()).isTrue();
      byte[] bytes = reader.bytes();
      int firstStart = reader.start(0);
      int inPlace = 1;
      while (reader.nextInPlace()) {
        inPlace++;
      }
      assertThat(reader.bytes()).isSameAs(bytes);
      assertThat(reader.start(0)).isLessThan(CHUNK);
      assertThat(firstStart).isZero();
      assertThat(reader.next()).as("next() reads on").isTrue();
      assertThat(reader.text(0, StandardCharsets.US_ASCII)).isEqualTo("abcdef");
      assertThat(reader.next()).isTrue();
      assertThat(reader.text(1, StandardCharsets.US_ASCII)).isEqualTo("i");
      assertThat(reader.next()).isFalse();
      assertThat(reader.nextInPlace()).isFalse();
      assertThat(inPlace).isGreaterThan(1);
    }
  }

  @Test
  void splitsLikeAPlainSplitterWhereverDelimitersFallInTheEightByteWords() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder text = new StringBuilder();
    List<List<String>> expected = new ArrayList<>();
    while (text.length() < 3 * CHUNK) {
      List<String> fields = new ArrayList<>();
      int count = random.nextInt(1, 20);
      for (int f = 0; f < count; f++) {
        fields.add("x".repeat(random.nextInt(0, 30)));
      }
      expected.add(fields);
      text.append(String.join(",", fields)).append(random.nextBoolean() ? "\n" : "\r\n");
    }
    expected.removeIf(fields -> fields.size() == 1 && fields.get(0).isEmpty()); // blank lines

    assertThat(read(text.toString(), StandardCharsets.US_ASCII, ',', -1)).isEqualTo(expected);
  }

  /** Filler records of exactly {@code length} ASCII bytes, ending with a line end. */
  private static String prefix(int length) {
    StringBuilder text = new StringBuilder();
    while (text.length() + 18 + 2 <= length) {
      text.append("filler|012345678|\n");
    }
    return text.append("y".repeat(length - text.length() - 1)).append('\n').toString();
  }

  private static DelimitedRecordReader reader(String text, char delimiter, int qualifier)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new DelimitedRecordReader(new ByteArrayInputStream(bytes), (byte) delimiter, qualifier);
  }

  private static List<List<String>> read(
      String text, Charset charset, char delimiter, int qualifier) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (DelimitedRecordReader reader =
        new DelimitedRecordReader(
            new ByteArrayInputStream(text.getBytes(charset)), (byte) delimiter, qualifier)) {
      while (reader.next()) {
        List<String> fields = new ArrayList<>();
        for (int f = 0; f < reader.fieldCount(); f++) {
          fields.add(reader.text(f, charset));
        }
        records.add(fields);
      }
    }
    return records;
  }
}
