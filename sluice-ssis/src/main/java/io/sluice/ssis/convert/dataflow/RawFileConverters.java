package io.sluice.ssis.convert.dataflow;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Raw File Source and Destination to {@code RawFileSource} / {@code RawFileDestination}: the file
 * name (AccessMode 0), the columns and the write option. Sluice's raw format is its own, so a .raw
 * file SSIS wrote is not read: the package that writes it must run under Sluice first.
 */
final class RawFileConverters {

  private RawFileConverters() {}

  static final String FORMAT_NOTE =
      "Sluice's raw files are its own format: a .raw file SSIS wrote cannot be read; run the"
          + " package that writes it under Sluice first";

  static final class Source implements ComponentConverter {
    @Override
    public Converted convert(SsisComponent c, FlowContext f) {
      Converted out = new Converted("RawFileSource");
      out.put("file", file(c));
      List<String> columns = new ArrayList<>();
      for (Element col : c.dataOutputs().get(0).columns()) {
        String name = col.getAttribute("name");
        f.rename(col.getAttribute("lineageId"), name);
        columns.add(name);
      }
      if (!columns.isEmpty()) {
        out.put("columns", columns);
      }
      out.notes.add(FORMAT_NOTE);
      return out;
    }
  }

  static final class Destination implements ComponentConverter {
    @Override
    public Converted convert(SsisComponent c, FlowContext f) {
      Converted out = new Converted("RawFileDestination");
      out.put("file", file(c));
      out.put(
          "writeOption",
          switch (c.property("WriteOption", "0").trim()) {
            case "1" -> "createOnce";
            case "2" -> "append";
            case "3" -> "truncateAndAppend";
            default -> "createAlways";
          });
      List<String> columns = new ArrayList<>();
      for (Element col : c.inputs.get(0).columns()) {
        columns.add(f.inputColumn(col));
      }
      if (!columns.isEmpty()) {
        out.put("columns", columns);
      }
      out.notes.add(FORMAT_NOTE);
      return out;
    }
  }

  private static String file(SsisComponent c) {
    if (!c.property("AccessMode", "0").trim().equals("0")) {
      throw new FlowContext.NotConvertible(
          "it takes its file name from a variable (AccessMode 1)",
          "use a file connection whose path an expression sets, with connection: in place of file:");
    }
    String name = c.property("FileName", "").trim();
    if (name.isEmpty()) {
      throw new FlowContext.NotConvertible("it names no file (FileName)");
    }
    return name;
  }
}
