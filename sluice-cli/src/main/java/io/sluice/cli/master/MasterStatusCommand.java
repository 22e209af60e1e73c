package io.sluice.cli.master;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.cli.common.LocalCatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.master.leader.Leadership;
import io.sluice.master.management.MasterNodes;
import io.sluice.master.management.MasterNodes.MasterNode;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;

/**
 * {@code sluice master status}: the masters of this catalog (SSIS master_properties) and which one
 * leads (holds the leader lease, so does the once-only work), since when.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show the masters serving this catalog (machine, address, port, last online, certificate)"
            + " and which one leads, since when.")
public final class MasterStatusCommand extends LocalCatalogCommandBase {

  /** A master counts as online when it refreshed its row within this time. */
  private static final long ONLINE_WITHIN_MILLIS = 60_000;

  /** What --json prints: the leader's term (null when none leads) and every master. */
  public record Status(Leadership leader, List<MasterNode> masters) {}

  @Override
  protected int run(Catalog catalog, Output out) {
    Jdbi jdbi = session().database().jdbi();
    List<MasterNode> masters = new MasterNodes(jdbi).list(ONLINE_WITHIN_MILLIS);
    Optional<Leadership> leader = Leadership.current(jdbi);
    if (out.json()) {
      out.printJson(new Status(leader.orElse(null), masters));
      return 0;
    }
    String leaderName = leader.map(Leadership::holder).orElse(null);
    out.table(
        masters,
        column("MASTER", MasterNode::masterName),
        column("ROLE", m -> m.masterName().equals(leaderName) ? "leader" : ""),
        column("STATE", m -> m.online() ? "online" : "offline"),
        column("MACHINE", MasterNode::machineName),
        column("ADDRESS", MasterNode::address),
        column("PORT", MasterNode::port),
        column("LAST ONLINE", MasterNode::lastOnlineTime),
        column("STARTED", MasterNode::startedTime),
        column("CERTIFICATE SHA-256", MasterNode::certificateFingerprint));
    out.line(
        leader
            .map(
                l ->
                    "Leader: "
                        + l.holder()
                        + " since "
                        + Output.text(l.since())
                        + " (epoch "
                        + l.epoch()
                        + ", lease renewed until "
                        + Output.text(l.expiresAt())
                        + ")")
            .orElse(
                "Leader: none (no master holds the leader lease; a running master takes it within"
                    + " its leaderLease)"));
    return 0;
  }
}
