package io.sluice.cli.catalog.property;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.property.CatalogProperty;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog properties set}: SSIS configure_catalog. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = "Set a catalog property, e.g. `properties set RETENTION_WINDOW 90`.")
public final class SetPropertyCommand extends CatalogCommandBase {

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "Property name, e.g. RETENTION_WINDOW (see: sluice catalog properties list).")
  String name;

  @Parameters(index = "1", paramLabel = "VALUE", description = "The new value.")
  String value;

  @Override
  protected int run(Catalog catalog, Output out) {
    CatalogProperty property = catalog.properties().set(name, value);
    out.done("Set " + property.name() + " to " + property.value() + ".", property);
    return 0;
  }
}
