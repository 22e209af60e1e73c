package io.sluice.engine.dataflow.source.flatfile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A fixed-width file: each line (LF or CR LF) is cut at the column widths; a short line leaves its
 * last columns empty, as SSIS's ragged-right format. Fields are trimmed of trailing spaces.
 */
final class FixedWidthRecordReader implements RecordReader {

  private final DelimitedRecordReader lines;
  private final int[] widths;
  private final int[] starts;
  private final int[] ends;

  FixedWidthRecordReader(InputStream in, List<Integer> widths) throws IOException {
    // A delimiter byte that never occurs in text lets the line splitter hand over whole lines.
    this.lines = new DelimitedRecordReader(in, (byte) 0, -1);
    this.widths = widths.stream().mapToInt(Integer::intValue).toArray();
    this.starts = new int[this.widths.length];
    this.ends = new int[this.widths.length];
  }

  @Override
  public boolean next() throws IOException {
    if (!lines.next()) {
      return false;
    }
    cut();
    return true;
  }

  @Override
  public boolean nextInPlace() {
    if (!lines.nextInPlace()) {
      return false;
    }
    cut();
    return true;
  }

  private void cut() {
    int at = lines.start(0);
    int lineEnd = lines.end(0);
    byte[] b = lines.bytes();
    for (int f = 0; f < widths.length; f++) {
      int start = Math.min(at, lineEnd);
      int end = Math.min(at + widths[f], lineEnd);
      while (end > start && b[end - 1] == ' ') {
        end--;
      }
      starts[f] = start;
      ends[f] = end;
      at += widths[f];
    }
  }

  @Override
  public int fieldCount() {
    return widths.length;
  }

  @Override
  public byte[] bytes() {
    return lines.bytes();
  }

  @Override
  public int start(int field) {
    return starts[field];
  }

  @Override
  public int end(int field) {
    return ends[field];
  }

  @Override
  public boolean escaped(int field) {
    return false;
  }

  @Override
  public long line() {
    return lines.line();
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
