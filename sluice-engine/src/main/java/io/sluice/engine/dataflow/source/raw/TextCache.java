package io.sluice.engine.dataflow.source.raw;

import io.sluice.engine.dataflow.spill.SpillCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One column's cache of decoded strings, keyed by their UTF-8 bytes: staged rows repeat their codes
 * and flags, and a hit hands out the same immutable string instead of decoding a new one. Direct
 * mapped; a column whose values do not repeat (free text) turns it off after a sample.
 */
final class TextCache implements SpillCodec.TextDecoder {

  private static final int SLOTS = 1024;
  private static final int MAX_KEY = 32;
  private static final int SAMPLE = 10_000;

  private final byte[][] keys = new byte[SLOTS][];
  private final String[] values = new String[SLOTS];
  private boolean enabled = true;
  private int lookups;
  private int hits;

  @Override
  public String decode(byte[] bytes, int offset, int length) {
    if (!enabled || length > MAX_KEY) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
    int h = length;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + bytes[i];
    }
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    byte[] key = keys[slot];
    lookups++;
    if (key != null && Arrays.equals(key, 0, key.length, bytes, offset, offset + length)) {
      hits++;
      return values[slot];
    }
    String value = new String(bytes, offset, length, StandardCharsets.UTF_8);
    keys[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
    values[slot] = value;
    if (lookups == SAMPLE && hits < SAMPLE / 4) {
      enabled = false;
    }
    return value;
  }
}
