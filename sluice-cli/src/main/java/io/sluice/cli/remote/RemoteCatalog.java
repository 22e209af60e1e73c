package io.sluice.cli.remote;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.environment.Environments;
import io.sluice.catalog.execution.Executions;
import io.sluice.catalog.folder.Folders;
import io.sluice.catalog.message.Messages;
import io.sluice.catalog.operation.Operations;
import io.sluice.catalog.parameter.Parameters;
import io.sluice.catalog.project.Projects;
import io.sluice.catalog.property.Properties;

/**
 * The catalog through a master's REST API: the same {@link Catalog} every command uses, so a
 * command gives the same results, and the same errors, with or without {@code --master}.
 */
public final class RemoteCatalog implements Catalog {

  private final Folders folders;
  private final Projects projects;
  private final Parameters parameters;
  private final Environments environments;
  private final Executions executions;
  private final Operations operations;
  private final Messages messages;
  private final Properties properties;

  public RemoteCatalog(MasterConnection master) {
    this.folders = new RemoteFolders(master);
    this.projects = new RemoteProjects(master);
    this.parameters = new RemoteParameters(master);
    this.environments = new RemoteEnvironments(master);
    this.executions = new RemoteExecutions(master);
    this.operations = new RemoteOperations(master);
    this.messages = new RemoteMessages(master);
    this.properties = new RemoteProperties(master);
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
