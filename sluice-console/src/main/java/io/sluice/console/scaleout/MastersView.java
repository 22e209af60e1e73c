package io.sluice.console.scaleout;

import io.sluice.console.web.Chrome;
import io.sluice.master.leader.Leadership;
import io.sluice.master.management.MasterNodes.MasterNode;
import java.time.Instant;
import java.util.List;

/**
 * The model of masters.jte.
 *
 * @param leader the current term, or null when no master leads
 * @param servedBy the master that served this page, and its version
 * @param caExpires when the cluster CA's certificate expires
 */
public record MastersView(
    Chrome chrome,
    Instant now,
    List<MasterNode> masters,
    Leadership leader,
    String servedBy,
    String version,
    Instant caExpires) {

  public boolean leads(MasterNode master) {
    return leader != null && leader.holder().equals(master.masterName());
  }
}
