package io.sluice.api.component;

/**
 * A column of a component's input or output.
 *
 * @param ssisType the SSIS type as Sluice writes it, e.g. {@code DT_WSTR(50)}
 */
public record ColumnInfo(String name, ColumnType type, String ssisType) {}
