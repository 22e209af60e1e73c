package io.sluice.cli.catalog;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.project.PackageInfo;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sluice catalog packages}: List the packages of a project. */
@Command(
    name = "packages",
    mixinStandardHelpOptions = true,
    description = "List the packages of a project's current version.")
public final class PackagesCommand extends CatalogCommandBase {

  @Mixin ProjectOptions target;

  @Override
  protected int run(Catalog catalog, Output out) {
    out.table(
        catalog.projects().packages(target.folder, target.project),
        column("PACKAGE", PackageInfo::name),
        column("ENTRY POINT", p -> p.entryPoint() ? "yes" : "no"),
        column("PARAMETERS", PackageInfo::parameterCount),
        column("DESCRIPTION", PackageInfo::description));
    return 0;
  }
}
