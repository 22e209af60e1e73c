package io.sluice.cli.remote;

import static io.sluice.cli.remote.MasterConnection.segment;

import io.sluice.catalog.CatalogException;
import io.sluice.catalog.parameter.ObjectType;
import io.sluice.catalog.parameter.ParameterComparison;
import io.sluice.catalog.parameter.ParameterInfo;
import io.sluice.catalog.parameter.Parameters;
import io.sluice.master.catalogapi.CatalogRequests.ParameterValue;
import java.util.List;

/**
 * {@link Parameters} through a master: a project parameter is {@code .../parameters/NAME}, a
 * package parameter {@code .../packages/PKG/parameters/NAME}.
 */
final class RemoteParameters implements Parameters {

  private final MasterConnection master;

  RemoteParameters(MasterConnection master) {
    this.master = master;
  }

  @Override
  public List<ParameterInfo> list(String folder, String project) {
    return master.getList(
        RemoteProjects.path(folder, project) + "/parameters", ParameterInfo.class);
  }

  @Override
  public ParameterComparison compare(
      String folder, String project, int fromVersion, int toVersion) {
    return master.get(
        RemoteProjects.path(folder, project)
            + "/parameter-comparison?from="
            + fromVersion
            + "&to="
            + toVersion,
        ParameterComparison.class);
  }

  @Override
  public ParameterInfo setValue(
      String folder,
      String project,
      ObjectType objectType,
      String packageOrNull,
      String name,
      String literal) {
    return master.send(
        "PUT",
        path(folder, project, objectType, packageOrNull, name),
        new ParameterValue(literal, null),
        ParameterInfo.class);
  }

  @Override
  public ParameterInfo setReference(
      String folder,
      String project,
      ObjectType objectType,
      String packageOrNull,
      String name,
      String environmentVariableName) {
    return master.send(
        "PUT",
        path(folder, project, objectType, packageOrNull, name),
        new ParameterValue(null, environmentVariableName),
        ParameterInfo.class);
  }

  @Override
  public ParameterInfo clearValue(
      String folder, String project, ObjectType objectType, String packageOrNull, String name) {
    return master.send(
        "DELETE",
        path(folder, project, objectType, packageOrNull, name),
        null,
        ParameterInfo.class);
  }

  private static String path(
      String folder, String project, ObjectType objectType, String packageOrNull, String name) {
    // The object type is in the path; refuse here what the local catalog refuses for a mismatch.
    if ((objectType == ObjectType.PACKAGE) != (packageOrNull != null)) {
      throw objectType == ObjectType.PACKAGE
          ? CatalogException.invalid(
              "a package parameter needs the name of its package", "add --package NAME")
          : CatalogException.invalid(
              "a project parameter belongs to no package, but package '"
                  + packageOrNull
                  + "' was given",
              "drop --package to set a project parameter, or name a package parameter");
    }
    String owner =
        packageOrNull == null
            ? RemoteProjects.path(folder, project)
            : RemoteProjects.path(folder, project) + "/packages/" + segment(packageOrNull);
    return owner + "/parameters/" + segment(name);
  }
}
