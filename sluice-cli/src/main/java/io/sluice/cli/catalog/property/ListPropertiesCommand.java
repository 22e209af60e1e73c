package io.sluice.cli.catalog.property;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.property.CatalogProperty;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import picocli.CommandLine.Command;

/** {@code sluice catalog properties list}: SSIS catalog.catalog_properties. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List catalog properties.")
public final class ListPropertiesCommand extends CatalogCommandBase {

  @Override
  protected int run(Catalog catalog, Output out) {
    out.table(
        catalog.properties().list(),
        column("NAME", CatalogProperty::name),
        column("VALUE", p -> p.value() + (p.readOnly() ? " (read only)" : "")),
        column("DESCRIPTION", CatalogProperty::description));
    return 0;
  }
}
