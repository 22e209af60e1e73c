package io.sluice.xml.source;

import io.sluice.engine.dataflow.pipeline.Buffer;
import io.sluice.engine.dataflow.pipeline.BufferBuilder;
import io.sluice.engine.dataflow.pipeline.ComponentIo;
import io.sluice.engine.dataflow.pipeline.ComponentRuntime;
import io.sluice.engine.dataflow.pipeline.ErrorCodes;
import io.sluice.engine.dataflow.pipeline.RowErrors;
import io.sluice.engine.type.DataConversionException;
import io.sluice.engine.type.DataType;
import io.sluice.engine.type.ValueConverter;
import io.sluice.xml.source.XmlSourceType.XmlColumn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the file with StAX: elements are matched by local name against the row path; inside a
 * row, the text and attributes the columns name are kept until the row element ends, then converted
 * to the columns' types. A DOCTYPE is refused as by the XML task (no DTD, no entities).
 */
final class XmlSource implements ComponentRuntime {

  private static final DataType ANY_TEXT = DataType.wstr(DataType.MAX_WSTR_LENGTH);

  private final Path file;
  private final List<String> rowPath;
  private final List<XmlColumn> columns;

  XmlSource(Path file, List<String> rowPath, List<XmlColumn> columns) {
    this.file = file;
    this.rowPath = rowPath;
    this.columns = columns;
  }

  @Override
  public void run(ComponentIo io) throws IOException, InterruptedException {
    int width = columns.size();
    Map<String, Integer> byPath = new HashMap<>();
    for (int c = 0; c < width; c++) {
      byPath.put(columns.get(c).path(), c);
    }
    StringBuilder[] texts = new StringBuilder[width];
    BufferBuilder builder = new BufferBuilder(width, io.bufferRows());
    RowErrors errors = new RowErrors(1);
    List<String> stack = new ArrayList<>();
    List<String> below = new ArrayList<>(); // element names below the row element
    boolean inRow = false;
    int rowLine = 0;
    long rows = 0;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = factory().createXMLStreamReader(in);
      try {
        while (r.hasNext()) {
          int event = r.next();
          switch (event) {
            case XMLStreamConstants.DTD ->
                throw new IOException(
                    where(r.getLocation())
                        + ": the file has a DOCTYPE declaration, which Sluice refuses (DTDs and entities are how"
                        + " XML external entity attacks get in); remove it");
            case XMLStreamConstants.START_ELEMENT -> {
              stack.add(r.getLocalName());
              if (inRow) {
                below.add(r.getLocalName());
              } else if (RowPath.matches(rowPath, stack)) {
                inRow = true;
                rowLine = r.getLocation().getLineNumber();
                Arrays.fill(texts, null);
              }
              if (inRow) {
                String here = String.join("/", below);
                Integer own = byPath.get(here);
                if (own != null && texts[own] == null) {
                  texts[own] = new StringBuilder();
                }
                for (int a = 0; a < r.getAttributeCount(); a++) {
                  String key =
                      (here.isEmpty() ? "" : here + "/") + "@" + r.getAttributeLocalName(a);
                  Integer c = byPath.get(key);
                  if (c != null) {
                    texts[c] = new StringBuilder(r.getAttributeValue(a));
                  }
                }
              }
            }
            case XMLStreamConstants.CHARACTERS,
                XMLStreamConstants.CDATA,
                XMLStreamConstants.SPACE -> {
              if (inRow) {
                Integer c = byPath.get(String.join("/", below));
                if (c != null) {
                  texts[c].append(r.getText());
                }
              }
            }
            case XMLStreamConstants.END_ELEMENT -> {
              if (inRow && below.isEmpty()) {
                inRow = false;
                row(texts, builder, errors, rowLine);
                if (builder.isFull()) {
                  rows += send(io, builder, errors);
                }
              } else if (inRow) {
                below.remove(below.size() - 1);
              }
              stack.remove(stack.size() - 1);
            }
            default -> {}
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new IOException(
          where(e.getLocation()) + ": not well-formed XML: " + cause(e.getMessage()), e);
    }
    if (!builder.isEmpty()) {
      rows += send(io, builder, errors);
    }
    io.information("\"" + file + "\": " + rows + " rows read.");
  }

  /** The row's values converted into the builder's next row. */
  private void row(StringBuilder[] texts, BufferBuilder builder, RowErrors errors, int line) {
    Object[][] values = builder.columns();
    int i = builder.rowIndex();
    for (int c = 0; c < texts.length; c++) {
      XmlColumn column = columns.get(c);
      Object value = null;
      if (texts[c] != null) {
        DataType type = column.column().type();
        String text = texts[c].toString();
        try {
          value =
              ValueConverter.convert(
                  type.kind().isCharacter() ? text : text.strip(), ANY_TEXT, type);
        } catch (DataConversionException | ArithmeticException e) {
          errors.handle(
              builder.peek(),
              i,
              column.onError(),
              e.getMessage() != null && e.getMessage().startsWith("Text was truncated")
                  ? ErrorCodes.TRUNCATED
                  : ErrorCodes.CONVERSION_FAILED,
              column.column().name(),
              new DataConversionException(e.getMessage() + " (line " + line + ")"));
        }
      }
      values[c][i] = value;
    }
    builder.endRow();
  }

  private static int send(ComponentIo io, BufferBuilder builder, RowErrors errors)
      throws InterruptedException {
    io.checkCancelled();
    Buffer buffer = builder.take();
    errors.send(io, buffer, buffer, 0);
    int sent = buffer.size();
    errors.begin();
    return sent;
  }

  private String where(Location l) {
    return "\""
        + file
        + "\" line "
        + (l == null ? "?" : l.getLineNumber() + ", column " + l.getColumnNumber());
  }

  /** StAX prefixes its message with the position, which {@link #where} already says. */
  private static String cause(String message) {
    String m = String.valueOf(message);
    int at = m.indexOf("Message: ");
    return at >= 0 ? m.substring(at + "Message: ".length()).strip() : m.strip();
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return f;
  }
}
