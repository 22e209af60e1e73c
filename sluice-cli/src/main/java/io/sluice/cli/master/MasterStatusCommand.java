package io.sluice.cli.master;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.cli.common.LocalCatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.master.management.MasterNodes;
import io.sluice.master.management.MasterNodes.MasterNode;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code sluice master status}: the masters of this catalog (SSIS master_properties). */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show the masters serving this catalog: machine, address, port, certificate, last online.")
public final class MasterStatusCommand extends LocalCatalogCommandBase {

  /** A master counts as online when it refreshed its row within this time. */
  private static final long ONLINE_WITHIN_MILLIS = 60_000;

  @Override
  protected int run(Catalog catalog, Output out) {
    List<MasterNode> masters =
        new MasterNodes(session().database().jdbi()).list(ONLINE_WITHIN_MILLIS);
    out.table(
        masters,
        column("MASTER", MasterNode::masterName),
        column("STATE", m -> m.online() ? "online" : "offline"),
        column("MACHINE", MasterNode::machineName),
        column("ADDRESS", MasterNode::address),
        column("PORT", MasterNode::port),
        column("LAST ONLINE", MasterNode::lastOnlineTime),
        column("STARTED", MasterNode::startedTime),
        column("CERTIFICATE SHA-256", MasterNode::certificateFingerprint));
    return 0;
  }
}
