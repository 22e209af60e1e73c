package io.sluice.engine.dataflow.source.flatfile;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * Splits a file into records and fields without decoding them: a field is a byte range of {@link
 * #bytes()}, valid until the next {@link #next()}.
 */
interface RecordReader extends Closeable {

  /** Moves to the next record; false at the end of the file. May move {@link #bytes()}. */
  boolean next() throws IOException;

  /**
   * Moves to the next record only if it lies wholly in the bytes already read, so that the fields
   * of earlier records stay where they are; false when it does not (call {@link #next()}, which
   * reads on) or at the end of the file. Lets the source split many records before decoding them.
   */
  boolean nextInPlace();

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
