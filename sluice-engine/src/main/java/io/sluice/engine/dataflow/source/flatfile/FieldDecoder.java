package io.sluice.engine.dataflow.source.flatfile;

/** Turns a field's bytes into a value of its column's type. */
@FunctionalInterface
interface FieldDecoder {

  /**
   * @throws io.sluice.engine.type.DataConversionException when the text is not a value of the type
   */
  Object decode(byte[] b, int start, int end, boolean escaped);
}
