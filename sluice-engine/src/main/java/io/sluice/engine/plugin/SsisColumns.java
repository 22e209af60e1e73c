package io.sluice.engine.plugin;

import io.sluice.api.component.ColumnType;
import io.sluice.engine.type.DataType;

/**
 * What a component that ships inside Sluice may do beyond the SDK's {@link
 * io.sluice.api.component.ComponentSetup}: add a column of an exact SSIS type ({@code DT_WSTR(50)},
 * {@code DT_NUMERIC(10,2)}), as a Script Component's declared output columns are. The setup of a
 * plugin component implements it; not API.
 */
public interface SsisColumns {

  /** As {@link io.sluice.api.component.ComponentSetup#addOutputColumn}, with the SSIS type. */
  int addOutputColumn(String name, DataType type);

  /** As {@link io.sluice.api.component.ComponentSetup#addOutputColumn(int, String, ColumnType)}. */
  int addOutputColumn(int output, String name, DataType type);
}
