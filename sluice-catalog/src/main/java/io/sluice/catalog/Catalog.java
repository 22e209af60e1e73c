package io.sluice.catalog;

import io.sluice.catalog.environment.Environments;
import io.sluice.catalog.execution.Executions;
import io.sluice.catalog.folder.Folders;
import io.sluice.catalog.message.Messages;
import io.sluice.catalog.operation.Operations;
import io.sluice.catalog.parameter.Parameters;
import io.sluice.catalog.project.Projects;
import io.sluice.catalog.property.Properties;

/**
 * The catalog as its clients see it: one interface per area. {@link LocalCatalog} works on the
 * catalog database directly; a remote implementation (through a master's REST API) gives operators
 * the same commands without database credentials.
 */
public interface Catalog {

  Folders folders();

  Projects projects();

  Parameters parameters();

  Environments environments();

  Executions executions();

  Operations operations();

  Messages messages();

  Properties properties();
}
