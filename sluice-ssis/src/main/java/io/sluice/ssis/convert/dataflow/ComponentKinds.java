package io.sluice.ssis.convert.dataflow;

import java.util.Locale;
import java.util.Map;

/**
 * Which SSIS component a {@code componentClassID} is. Format 8 writes the class by name ({@code
 * Microsoft.OLEDBSource}), format 6 by GUID ({@code {671046B0-...}} is the Lookup), the 2008 format
 * by ProgID ({@code DTSTransform.DerivedColumn.3}); managed components (ADO.NET source and
 * destination) are {@code Microsoft.ManagedComponentHost} or {@code DTS.ManagedComponentWrapper}
 * with their class in the {@code UserComponentTypeName} property. A GUID this table does not know
 * is recognised by its display name, the first part of its {@code contactInfo} ("Lookup;Microsoft
 * Corporation;..."), which SSIS writes for every stock component.
 */
final class ComponentKinds {

  private ComponentKinds() {}

  enum Kind {
    OLEDB_SOURCE,
    ADONET_SOURCE,
    ODBC_SOURCE,
    OLEDB_DESTINATION,
    ADONET_DESTINATION,
    ODBC_DESTINATION,
    FLAT_FILE_SOURCE,
    FLAT_FILE_DESTINATION,
    DERIVED_COLUMN,
    DATA_CONVERSION,
    COPY_COLUMN,
    CONDITIONAL_SPLIT,
    MULTICAST,
    UNION_ALL,
    LOOKUP,
    MERGE_JOIN,
    MERGE,
    SORT,
    AGGREGATE,
    ROW_COUNT,
    RECORDSET_DESTINATION,
    AUDIT,
    ROW_SAMPLING,
    PERCENTAGE_SAMPLING,
    PIVOT,
    UNPIVOT,
    CHARACTER_MAP,
    SCRIPT_COMPONENT,
    OLEDB_COMMAND,
    CACHE_TRANSFORM,
    EXCEL_SOURCE,
    EXCEL_DESTINATION,
    RAW_FILE_SOURCE,
    RAW_FILE_DESTINATION,
    SLOWLY_CHANGING_DIMENSION,
    XML_SOURCE,
    /** Any component Sluice has no counterpart for. */
    OTHER
  }

  /** Class names (format 8) and ProgIDs (2008), upper case, without a trailing version. */
  private static final Map<String, Kind> BY_NAME =
      Map.ofEntries(
          Map.entry("MICROSOFT.OLEDBSOURCE", Kind.OLEDB_SOURCE),
          Map.entry("DTSADAPTER.OLEDBSOURCE", Kind.OLEDB_SOURCE),
          Map.entry("MICROSOFT.OLEDBDESTINATION", Kind.OLEDB_DESTINATION),
          Map.entry("DTSADAPTER.OLEDBDESTINATION", Kind.OLEDB_DESTINATION),
          Map.entry("MICROSOFT.SSISODBCSRC", Kind.ODBC_SOURCE),
          Map.entry("MICROSOFT.SSISODBCDST", Kind.ODBC_DESTINATION),
          Map.entry("MICROSOFT.FLATFILESOURCE", Kind.FLAT_FILE_SOURCE),
          Map.entry("DTSADAPTER.FLATFILESOURCE", Kind.FLAT_FILE_SOURCE),
          Map.entry("MICROSOFT.FLATFILEDESTINATION", Kind.FLAT_FILE_DESTINATION),
          Map.entry("DTSADAPTER.FLATFILEDESTINATION", Kind.FLAT_FILE_DESTINATION),
          Map.entry("MICROSOFT.DERIVEDCOLUMN", Kind.DERIVED_COLUMN),
          Map.entry("DTSTRANSFORM.DERIVEDCOLUMN", Kind.DERIVED_COLUMN),
          Map.entry("MICROSOFT.DATACONVERT", Kind.DATA_CONVERSION),
          Map.entry("DTSTRANSFORM.DATACONVERT", Kind.DATA_CONVERSION),
          Map.entry("MICROSOFT.COPYCOLUMN", Kind.COPY_COLUMN),
          Map.entry("DTSTRANSFORM.COPYMAP", Kind.COPY_COLUMN),
          Map.entry("MICROSOFT.CONDITIONALSPLIT", Kind.CONDITIONAL_SPLIT),
          Map.entry("DTSTRANSFORM.CONDITIONALSPLIT", Kind.CONDITIONAL_SPLIT),
          Map.entry("MICROSOFT.MULTICAST", Kind.MULTICAST),
          Map.entry("DTSTRANSFORM.MULTICAST", Kind.MULTICAST),
          Map.entry("MICROSOFT.UNIONALL", Kind.UNION_ALL),
          Map.entry("DTSTRANSFORM.UNIONALL", Kind.UNION_ALL),
          Map.entry("MICROSOFT.LOOKUP", Kind.LOOKUP),
          Map.entry("DTSTRANSFORM.LOOKUP", Kind.LOOKUP),
          Map.entry("MICROSOFT.MERGEJOIN", Kind.MERGE_JOIN),
          Map.entry("DTSTRANSFORM.MERGEJOIN", Kind.MERGE_JOIN),
          Map.entry("MICROSOFT.MERGE", Kind.MERGE),
          Map.entry("DTSTRANSFORM.MERGE", Kind.MERGE),
          Map.entry("MICROSOFT.SORT", Kind.SORT),
          Map.entry("DTSTRANSFORM.SORT", Kind.SORT),
          Map.entry("MICROSOFT.AGGREGATE", Kind.AGGREGATE),
          Map.entry("DTSTRANSFORM.AGGREGATE", Kind.AGGREGATE),
          Map.entry("MICROSOFT.ROWCOUNT", Kind.ROW_COUNT),
          Map.entry("DTSTRANSFORM.ROWCOUNT", Kind.ROW_COUNT),
          Map.entry("MICROSOFT.RECORDSETDESTINATION", Kind.RECORDSET_DESTINATION),
          Map.entry("DTSADAPTER.RECORDSETDESTINATION", Kind.RECORDSET_DESTINATION),
          Map.entry("MICROSOFT.LINEAGE", Kind.AUDIT),
          Map.entry("MICROSOFT.OLEDBCOMMAND", Kind.OLEDB_COMMAND),
          Map.entry("DTSTRANSFORM.OLEDBCOMMAND", Kind.OLEDB_COMMAND),
          Map.entry("DTSTRANSFORM.LINEAGE", Kind.AUDIT),
          Map.entry("MICROSOFT.ROWSAMPLING", Kind.ROW_SAMPLING),
          Map.entry("DTSTRANSFORM.ROWSAMPLING", Kind.ROW_SAMPLING),
          Map.entry("MICROSOFT.PCTSAMPLING", Kind.PERCENTAGE_SAMPLING),
          Map.entry("MICROSOFT.PERCENTAGESAMPLING", Kind.PERCENTAGE_SAMPLING),
          Map.entry("DTSTRANSFORM.PCTSAMPLING", Kind.PERCENTAGE_SAMPLING),
          Map.entry("MICROSOFT.PIVOT", Kind.PIVOT),
          Map.entry("DTSTRANSFORM.PIVOT", Kind.PIVOT),
          Map.entry("MICROSOFT.UNPIVOT", Kind.UNPIVOT),
          Map.entry("DTSTRANSFORM.UNPIVOT", Kind.UNPIVOT),
          Map.entry("MICROSOFT.CHARACTERMAP", Kind.CHARACTER_MAP),
          Map.entry("DTSTRANSFORM.CHARACTERMAP", Kind.CHARACTER_MAP),
          Map.entry("MICROSOFT.CACHE", Kind.CACHE_TRANSFORM),
          Map.entry("DTSTRANSFORM.CACHE", Kind.CACHE_TRANSFORM),
          Map.entry("MICROSOFT.EXCELSOURCE", Kind.EXCEL_SOURCE),
          Map.entry("DTSADAPTER.EXCELSOURCE", Kind.EXCEL_SOURCE),
          Map.entry("MICROSOFT.EXCELDESTINATION", Kind.EXCEL_DESTINATION),
          Map.entry("DTSADAPTER.EXCELDESTINATION", Kind.EXCEL_DESTINATION),
          Map.entry("MICROSOFT.RAWSOURCE", Kind.RAW_FILE_SOURCE),
          Map.entry("DTSADAPTER.RAWSOURCE", Kind.RAW_FILE_SOURCE),
          Map.entry("MICROSOFT.RAWDESTINATION", Kind.RAW_FILE_DESTINATION),
          Map.entry("DTSADAPTER.RAWDESTINATION", Kind.RAW_FILE_DESTINATION),
          Map.entry("MICROSOFT.SCD", Kind.SLOWLY_CHANGING_DIMENSION),
          Map.entry("DTSTRANSFORM.SCD", Kind.SLOWLY_CHANGING_DIMENSION));

  /**
   * Format 6 (SSIS 2012) class GUIDs of the components checked against packages saved by SSIS 2012
   * (the tutorial's among them); display names cover the rest.
   */
  private static final Map<String, Kind> BY_GUID =
      Map.ofEntries(
          Map.entry("{165A526D-D5DE-47FF-96A6-F8274C19826B}", Kind.OLEDB_SOURCE),
          Map.entry("{4ADA7EAA-136C-4215-8098-D7A7C27FC0D1}", Kind.OLEDB_DESTINATION),
          Map.entry("{D23FD76B-F51D-420F-BBCB-19CBF6AC1AB4}", Kind.FLAT_FILE_SOURCE),
          Map.entry("{49928E82-9C4E-49F0-AABE-3812B82707EC}", Kind.DERIVED_COLUMN),
          Map.entry("{7F88F654-4E20-4D14-84F4-AF9C925D3087}", Kind.CONDITIONAL_SPLIT),
          Map.entry("{EC139FBC-694E-490B-8EA7-35690FB0F445}", Kind.MULTICAST),
          Map.entry("{671046B0-AA63-4C9F-90E4-C06E0B710CE3}", Kind.LOOKUP),
          Map.entry("{5B201335-B360-485C-BB93-75C34E09B3D3}", Kind.AGGREGATE),
          Map.entry("{E2697D8C-70DA-42B2-8208-A19CE3A9FE41}", Kind.ROW_COUNT));

  /** Display names ({@code contactInfo}'s first part), upper case. */
  private static final Map<String, Kind> BY_DISPLAY_NAME =
      Map.ofEntries(
          Map.entry("OLE DB SOURCE", Kind.OLEDB_SOURCE),
          Map.entry("OLE DB DESTINATION", Kind.OLEDB_DESTINATION),
          Map.entry("ODBC SOURCE", Kind.ODBC_SOURCE),
          Map.entry("ODBC DESTINATION", Kind.ODBC_DESTINATION),
          Map.entry("FLAT FILE SOURCE", Kind.FLAT_FILE_SOURCE),
          Map.entry("FLAT FILE DESTINATION", Kind.FLAT_FILE_DESTINATION),
          Map.entry("DERIVED COLUMN", Kind.DERIVED_COLUMN),
          Map.entry("DATA CONVERSION", Kind.DATA_CONVERSION),
          Map.entry("COPY COLUMN", Kind.COPY_COLUMN),
          Map.entry("CONDITIONAL SPLIT", Kind.CONDITIONAL_SPLIT),
          Map.entry("MULTICAST", Kind.MULTICAST),
          Map.entry("UNION ALL", Kind.UNION_ALL),
          Map.entry("LOOKUP", Kind.LOOKUP),
          Map.entry("MERGE JOIN", Kind.MERGE_JOIN),
          Map.entry("MERGE", Kind.MERGE),
          Map.entry("SORT", Kind.SORT),
          Map.entry("AGGREGATE", Kind.AGGREGATE),
          Map.entry("ROW COUNT", Kind.ROW_COUNT),
          Map.entry("RECORDSET DESTINATION", Kind.RECORDSET_DESTINATION),
          Map.entry("AUDIT", Kind.AUDIT),
          Map.entry("OLE DB COMMAND", Kind.OLEDB_COMMAND),
          Map.entry("ROW SAMPLING", Kind.ROW_SAMPLING),
          Map.entry("PERCENTAGE SAMPLING", Kind.PERCENTAGE_SAMPLING),
          Map.entry("PIVOT", Kind.PIVOT),
          Map.entry("UNPIVOT", Kind.UNPIVOT),
          Map.entry("CHARACTER MAP", Kind.CHARACTER_MAP),
          Map.entry("CACHE TRANSFORM", Kind.CACHE_TRANSFORM),
          Map.entry("EXCEL SOURCE", Kind.EXCEL_SOURCE),
          Map.entry("EXCEL DESTINATION", Kind.EXCEL_DESTINATION),
          Map.entry("RAW FILE SOURCE", Kind.RAW_FILE_SOURCE),
          Map.entry("RAW FILE DESTINATION", Kind.RAW_FILE_DESTINATION),
          Map.entry("SLOWLY CHANGING DIMENSION", Kind.SLOWLY_CHANGING_DIMENSION),
          Map.entry("XML SOURCE", Kind.XML_SOURCE));

  static Kind of(SsisComponent c) {
    String id = c.classId.trim().toUpperCase(Locale.ROOT);
    if (id.startsWith("{")) {
      Kind k = BY_GUID.get(id);
      if (k != null) {
        return k;
      }
      // Format 6 and 2008 write the managed component host by GUID ({33D831DE-...},
      // {BF01D463-...}); only a managed component has a UserComponentTypeName, so it names the
      // class whatever the GUID is. A Script Component's contactInfo starts with its
      // description, not its display name.
      Kind managed = managed(c);
      if (managed != Kind.OTHER) {
        return managed;
      }
      return BY_DISPLAY_NAME.getOrDefault(c.typeName().toUpperCase(Locale.ROOT), Kind.OTHER);
    }
    String plain = id.replaceFirst("\\.\\d+$", "");
    Kind k = BY_NAME.get(plain);
    if (k != null) {
      return k;
    }
    if (plain.equals("MICROSOFT.MANAGEDCOMPONENTHOST")
        || plain.equals("DTS.MANAGEDCOMPONENTWRAPPER")) {
      return managed(c);
    }
    return Kind.OTHER;
  }

  /**
   * A managed component by its class ({@code Microsoft.ScriptComponentHost} in format 8, {@code
   * Microsoft.SqlServer.Dts.Pipeline.ScriptComponentHost, Microsoft.SqlServer.TxScript, ...}
   * before).
   */
  private static Kind managed(SsisComponent c) {
    String user = c.property("UserComponentTypeName", "").toUpperCase(Locale.ROOT);
    if (user.contains("DATAREADERSOURCEADAPTER")) {
      return Kind.ADONET_SOURCE;
    }
    if (user.contains("ADONETDESTINATION")) {
      return Kind.ADONET_DESTINATION;
    }
    if (user.contains("XMLSOURCEADAPTER")) {
      return Kind.XML_SOURCE;
    }
    if (user.contains("SCRIPTCOMPONENTHOST") || user.contains("SCRIPTCOMPONENT")) {
      return Kind.SCRIPT_COMPONENT;
    }
    return Kind.OTHER;
  }
}
