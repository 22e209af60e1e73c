package io.sluice.master.management;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The masters serving this catalog (SSIS master_properties: machine name, address, port,
 * certificate thumbprint, last online time). Each master records itself at start and refreshes its
 * row at every master heartbeat; {@code sluice master status} reads them.
 */
public final class MasterNodes {

  private final Jdbi jdbi;

  public MasterNodes(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public record MasterNode(
      String masterName,
      String machineName,
      String address,
      int port,
      String certificateFingerprint,
      Instant startedTime,
      Instant lastOnlineTime,
      boolean online) {}

  public void record(
      String name, String machineName, String address, int port, String fingerprint) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    """
                    insert into master_node (master_name, machine_name, address, port,
                                             certificate_fingerprint)
                    values (:name, :machine, :address, :port, :fingerprint)
                    on conflict (master_name) do update
                        set machine_name = excluded.machine_name, address = excluded.address,
                            port = excluded.port,
                            certificate_fingerprint = excluded.certificate_fingerprint,
                            started_time = now(), last_online_time = now()
                    """)
                .bind("name", name)
                .bind("machine", machineName)
                .bind("address", address)
                .bind("port", port)
                .bind("fingerprint", fingerprint)
                .execute());
  }

  public void heartbeat(String name) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "update master_node set last_online_time = now() where master_name = :name")
                .bind("name", name)
                .execute());
  }

  /**
   * Every master; {@code online} when it refreshed its row within {@code onlineWithinMillis} (by
   * the catalog's clock).
   */
  public List<MasterNode> list(long onlineWithinMillis) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    select *, last_online_time > now() - :within * interval '1 millisecond'
                              as online
                    from master_node order by master_name
                    """)
                .bind("within", onlineWithinMillis)
                .map(
                    (rs, ctx) ->
                        new MasterNode(
                            rs.getString("master_name"),
                            rs.getString("machine_name"),
                            rs.getString("address"),
                            rs.getInt("port"),
                            rs.getString("certificate_fingerprint"),
                            rs.getTimestamp("started_time").toInstant(),
                            rs.getTimestamp("last_online_time").toInstant(),
                            rs.getBoolean("online")))
                .list());
  }
}
