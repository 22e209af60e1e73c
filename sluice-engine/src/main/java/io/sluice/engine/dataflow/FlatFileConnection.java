package io.sluice.engine.dataflow;

import java.nio.file.Path;
import java.util.Map;

/**
 * A flat file connection manager: the file and its format settings as written in the package
 * (format, delimiter, textQualifier, headerRow, codePage, columns ...; see docs/data-flow.md).
 */
public record FlatFileConnection(Path path, Map<String, Object> settings) {}
