package io.sluice.cli.remote;

import static io.sluice.cli.remote.MasterConnection.segment;

import io.sluice.catalog.environment.Environment;
import io.sluice.catalog.environment.EnvironmentReference;
import io.sluice.catalog.environment.EnvironmentVariable;
import io.sluice.catalog.environment.Environments;
import io.sluice.catalog.environment.ReferenceType;
import io.sluice.catalog.environment.VariableType;
import io.sluice.master.catalogapi.CatalogRequests.Description;
import io.sluice.master.catalogapi.CatalogRequests.NewEnvironment;
import io.sluice.master.catalogapi.CatalogRequests.NewReference;
import io.sluice.master.catalogapi.CatalogRequests.VariableValue;
import java.util.List;

/** {@link Environments}, their variables and project references, through a master. */
final class RemoteEnvironments implements Environments {

  private final MasterConnection master;

  RemoteEnvironments(MasterConnection master) {
    this.master = master;
  }

  private static String path(String folder, String environment) {
    return RemoteFolders.path(folder) + "/environments/" + segment(environment);
  }

  @Override
  public Environment create(String folder, String name, String description) {
    return master.send(
        "POST",
        RemoteFolders.path(folder) + "/environments",
        new NewEnvironment(name, description),
        Environment.class);
  }

  @Override
  public List<Environment> list(String folderOrNull) {
    return master.getList(
        folderOrNull == null ? "/environments" : RemoteFolders.path(folderOrNull) + "/environments",
        Environment.class);
  }

  @Override
  public Environment get(String folder, String name) {
    return master.get(path(folder, name), Environment.class);
  }

  @Override
  public Environment setDescription(String folder, String name, String description) {
    return master.send(
        "PATCH", path(folder, name), new Description(description), Environment.class);
  }

  @Override
  public void delete(String folder, String name) {
    master.send("DELETE", path(folder, name), null, Void.class);
  }

  @Override
  public EnvironmentVariable setVariable(
      String folder,
      String environment,
      String name,
      VariableType type,
      String value,
      boolean sensitive,
      String description) {
    return master.send(
        "PUT",
        path(folder, environment) + "/variables/" + segment(name),
        new VariableValue(type.ssisName(), value, sensitive, description),
        EnvironmentVariable.class);
  }

  @Override
  public List<EnvironmentVariable> listVariables(String folder, String environment) {
    return master.getList(path(folder, environment) + "/variables", EnvironmentVariable.class);
  }

  @Override
  public void deleteVariable(String folder, String environment, String name) {
    master.send(
        "DELETE", path(folder, environment) + "/variables/" + segment(name), null, Void.class);
  }

  @Override
  public EnvironmentReference addReference(
      String folder,
      String project,
      ReferenceType type,
      String environmentFolderOrNull,
      String environmentName) {
    return master.send(
        "POST",
        RemoteProjects.path(folder, project) + "/references",
        new NewReference(type, environmentFolderOrNull, environmentName),
        EnvironmentReference.class);
  }

  @Override
  public List<EnvironmentReference> listReferences(String folder, String project) {
    return master.getList(
        RemoteProjects.path(folder, project) + "/references", EnvironmentReference.class);
  }

  @Override
  public void deleteReference(long referenceId) {
    master.send("DELETE", "/references/" + referenceId, null, Void.class);
  }
}
