package io.sluice.ssis.convert.dataflow;

import io.sluice.engine.dataflow.pipeline.DataTypes;
import io.sluice.engine.dataflow.pipeline.PlanningException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A data-flow column's type as the pipeline XML writes it ({@code dataType="wstr" length="3"}) in
 * the form Sluice's data flows take ({@code DT_WSTR,3}).
 */
final class PipelineTypes {

  private PipelineTypes() {}

  /** The pipeline's short names (formats 6 and 8) to SSIS's DT_ names. */
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("i1", "DT_I1"),
          Map.entry("i2", "DT_I2"),
          Map.entry("i4", "DT_I4"),
          Map.entry("i8", "DT_I8"),
          Map.entry("ui1", "DT_UI1"),
          Map.entry("ui2", "DT_UI2"),
          Map.entry("ui4", "DT_UI4"),
          Map.entry("ui8", "DT_UI8"),
          Map.entry("r4", "DT_R4"),
          Map.entry("r8", "DT_R8"),
          Map.entry("cy", "DT_CY"),
          Map.entry("date", "DT_DATE"),
          Map.entry("bool", "DT_BOOL"),
          Map.entry("decimal", "DT_DECIMAL"),
          Map.entry("numeric", "DT_NUMERIC"),
          Map.entry("guid", "DT_GUID"),
          Map.entry("bytes", "DT_BYTES"),
          Map.entry("str", "DT_STR"),
          Map.entry("wstr", "DT_WSTR"),
          Map.entry("dbdate", "DT_DBDATE"),
          Map.entry("dbtime", "DT_DBTIME"),
          Map.entry("dbtime2", "DT_DBTIME2"),
          Map.entry("dbtimestamp", "DT_DBTIMESTAMP"),
          Map.entry("dbtimestamp2", "DT_DBTIMESTAMP2"),
          Map.entry("dbtimestampoffset", "DT_DBTIMESTAMPOFFSET"),
          Map.entry("filetime", "DT_FILETIME"),
          Map.entry("image", "DT_IMAGE"),
          Map.entry("text", "DT_TEXT"),
          Map.entry("ntext", "DT_NTEXT"));

  /**
   * The type of a column element ({@code outputColumn}, {@code externalMetadataColumn}), or empty
   * when Sluice has no such type.
   */
  static Optional<String> of(Element column) {
    String name = NAMES.get(column.getAttribute("dataType").toLowerCase(Locale.ROOT));
    if (name == null) {
      return Optional.empty();
    }
    String length = number(column, "length", "0");
    String precision = number(column, "precision", "18");
    String scale = number(column, "scale", "0");
    String codePage = number(column, "codePage", "1252");
    String spec =
        switch (name) {
          case "DT_STR" -> name + "," + Math.max(1, Integer.parseInt(length)) + "," + codePage;
          case "DT_TEXT" -> name + "," + codePage;
          case "DT_WSTR", "DT_BYTES" -> name + "," + Math.max(1, Integer.parseInt(length));
          case "DT_NUMERIC" -> name + "," + precision + "," + scale;
          case "DT_DECIMAL", "DT_DBTIME2", "DT_DBTIMESTAMP2", "DT_DBTIMESTAMPOFFSET" ->
              name + "," + scale;
          default -> name;
        };
    try {
      DataTypes.parse(spec, "type");
      return Optional.of(spec);
    } catch (PlanningException e) {
      return Optional.empty();
    }
  }

  /**
   * The type of a column that must have one: when Sluice has no such type, the component is not
   * convertible, the message saying what the column does with the type ({@code says}: "has type",
   * "converts to").
   */
  static String required(Element column, String says) {
    return of(column)
        .orElseThrow(
            () ->
                new FlowContext.NotConvertible(
                    "its column "
                        + column.getAttribute("name")
                        + " "
                        + says
                        + " "
                        + column.getAttribute("dataType")
                        + ", a type Sluice has not"));
  }

  private static String number(Element e, String attribute, String otherwise) {
    String v = e.getAttribute(attribute).trim();
    return v.matches("\\d+") ? v : otherwise;
  }
}
