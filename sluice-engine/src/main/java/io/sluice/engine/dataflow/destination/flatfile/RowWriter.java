package io.sluice.engine.dataflow.destination.flatfile;

import io.sluice.engine.dataflow.source.flatfile.FlatFileFormat;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes one row of text values in a flat file format; NULL is written as nothing. */
final class RowWriter {

  private final FlatFileFormat format;
  private final Writer out;
  private final char delimiter;
  private final int qualifier;

  RowWriter(FlatFileFormat format, Writer out) {
    this.format = format;
    this.out = out;
    this.delimiter = (char) format.delimiter();
    this.qualifier = format.qualifier();
  }

  void header(List<String> names) throws IOException {
    row(names);
  }

  void row(List<String> values) throws IOException {
    for (int c = 0; c < values.size(); c++) {
      String v = values.get(c) == null ? "" : values.get(c);
      if (format.fixedWidth()) {
        int width = format.widths().get(c);
        String cut = v.length() > width ? v.substring(0, width) : v;
        out.write(cut);
        for (int pad = cut.length(); pad < width; pad++) {
          out.write(' ');
        }
        continue;
      }
      if (c > 0) {
        out.write(delimiter);
      }
      if (qualifier >= 0 && needsQualifier(v)) {
        String q = String.valueOf((char) qualifier);
        out.write(q);
        out.write(v.replace(q, q + q));
        out.write(q);
      } else {
        out.write(v);
      }
    }
    out.write("\r\n");
  }

  private boolean needsQualifier(String v) {
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == delimiter || ch == qualifier || ch == '\n' || ch == '\r') {
        return true;
      }
    }
    return false;
  }
}
