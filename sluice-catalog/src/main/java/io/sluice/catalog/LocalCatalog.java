package io.sluice.catalog;

import io.sluice.catalog.environment.Environments;
import io.sluice.catalog.environment.JdbcEnvironments;
import io.sluice.catalog.execution.Executions;
import io.sluice.catalog.execution.JdbcExecutions;
import io.sluice.catalog.folder.Folders;
import io.sluice.catalog.folder.JdbcFolders;
import io.sluice.catalog.message.JdbcMessages;
import io.sluice.catalog.message.Messages;
import io.sluice.catalog.operation.JdbcOperations;
import io.sluice.catalog.operation.Operations;
import io.sluice.catalog.operation.ProjectOperationLog;
import io.sluice.catalog.parameter.JdbcParameters;
import io.sluice.catalog.parameter.Parameters;
import io.sluice.catalog.project.JdbcProjects;
import io.sluice.catalog.project.Projects;
import io.sluice.catalog.property.JdbcProperties;
import io.sluice.catalog.property.Properties;
import io.sluice.catalog.retention.LogPartitions;

/** The catalog reached directly through its database. */
public final class LocalCatalog implements Catalog {

  private final Folders folders;
  private final Projects projects;
  private final Parameters parameters;
  private final Environments environments;
  private final Executions executions;
  private final Operations operations;
  private final Messages messages;
  private final Properties properties;

  public LocalCatalog(CatalogContext context) {
    this.folders = new JdbcFolders(context);
    this.projects = new JdbcProjects(context, new ProjectOperationLog(context.database().jdbi()));
    this.parameters = new JdbcParameters(context);
    this.environments = new JdbcEnvironments(context);
    // The log tables are partitioned by day: make sure the coming days exist before anything logs.
    LogPartitions logPartitions = new LogPartitions(context.database().jdbi());
    logPartitions.ensureAheadOrWarn();
    this.executions = new JdbcExecutions(context, logPartitions);
    this.operations = new JdbcOperations(context);
    this.messages = new JdbcMessages(context);
    this.properties = new JdbcProperties(context);
  }

  @Override
  public Folders folders() {
    return folders;
  }

  @Override
  public Projects projects() {
    return projects;
  }

  @Override
  public Parameters parameters() {
    return parameters;
  }

  @Override
  public Environments environments() {
    return environments;
  }

  @Override
  public Executions executions() {
    return executions;
  }

  @Override
  public Operations operations() {
    return operations;
  }

  @Override
  public Messages messages() {
    return messages;
  }

  @Override
  public Properties properties() {
    return properties;
  }
}
