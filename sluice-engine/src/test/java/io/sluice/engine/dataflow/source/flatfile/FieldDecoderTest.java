package io.sluice.engine.dataflow.source.flatfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.engine.type.DataType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value cache in front of the decoders must never hand one field's value to another. */
class FieldDecoderTest {

  @Test
  void cachedTextIsKeyedByEveryByteAndTheLength() {
    FieldDecoder decoder = new FieldDecoder(DataType.str(30, 1252), StandardCharsets.UTF_8);
    List<String> values =
        List.of(
            "",
            "a",
            "abcdefgh",
            "abcdefgha",
            "abcdefghabcdefgh",
            "abcdefghabcdefgX",
            "abcdefghabcdefgha",
            "abcdefghabcdefghabcdefgh",
            "abcdefghabcdefghabcdefgX",
            "abcdefghabcdefghabcdefgha", // longer than the cache's keys: decoded every time
            "a\0",
            "€uro €uro €uro");
    for (int round = 0; round < 50; round++) {
      for (String value : values) {
        // Each field sits inside a larger array, with other bytes on both sides.
        byte[] field = value.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[field.length + 40];
        java.util.Arrays.fill(bytes, (byte) 'Z');
        System.arraycopy(field, 0, bytes, 13, field.length);
        assertThat(decoder.decode(bytes, 13, 13 + field.length, false)).isEqualTo(value);
      }
    }
  }

  @Test
  void aFieldAtTheVeryEndOfTheBytesIsDecodedFromThoseBytesOnly() {
    FieldDecoder decoder = new FieldDecoder(DataType.DBDATE, StandardCharsets.US_ASCII);
    for (int round = 0; round < 3; round++) {
      byte[] atEnd = "xx2024-02-29".getBytes(StandardCharsets.US_ASCII);
      byte[] inside = "2024-03-01|2024-02-29|".getBytes(StandardCharsets.US_ASCII);
      assertThat(decoder.decode(atEnd, 2, atEnd.length, false))
          .isEqualTo(LocalDate.of(2024, 2, 29));
      assertThat(decoder.decode(inside, 0, 10, false)).isEqualTo(LocalDate.of(2024, 3, 1));
      assertThat(decoder.decode(inside, 11, 21, false)).isEqualTo(LocalDate.of(2024, 2, 29));
    }
  }
}
