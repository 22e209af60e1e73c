package io.sluice.engine.dataflow.source.flatfile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * Splits a file into records and fields without decoding them: a field is a byte range of {@link
 * #bytes()}, valid until the next {@link #next()}.
 */
interface RecordReader extends Closeable {

  /** Moves to the next record; false at the end of the file. */
  boolean next() throws IOException;

  int fieldCount();

  byte[] bytes();

  int start(int field);

  int end(int field);

  /** Whether the field holds doubled text qualifiers to be undoubled when decoded. */
  boolean escaped(int field);

  /** The 1-based line number where the current record starts, for error messages. */
  long line();

  default String text(int field, Charset charset) {
    return FieldDecoders.text(bytes(), start(field), end(field), escaped(field), charset);
  }
}
