package io.sluice.master.bench;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.LocalCatalog;
import io.sluice.catalog.database.CatalogDatabase;
import io.sluice.catalog.database.EmbeddedCatalog;
import io.sluice.catalog.retention.LogPartitions;
import io.sluice.catalog.testing.CatalogRows;
import io.sluice.catalog.testing.TestCatalog;
import io.sluice.master.Master;
import io.sluice.master.config.MasterSettings;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.Role;
import io.sluice.protocol.tls.CertificateAuthority;
import io.sluice.protocol.tls.TlsContexts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Fills an embedded catalog with executions and messages made with generate_series (500 packages in
 * 10 folders, 2% failed, some failed connections, Scale Out workers and three callers), starts a
 * real master on it and times the console's REST reads over HTTPS with a read-only token: each read
 * {@value #RUNS} times after {@value #WARM_UP} unmeasured ones, p50 and p95 of the round trip on
 * this machine (an upper bound of the server time). Run by bench/console; the last line is the
 * result.
 *
 * <p>Arguments: data folder (new or empty), executions (1000000), messages per execution (50), days
 * (30).
 */
public final class ConsoleReadsBenchmark {

  private static final int RUNS = 40;
  private static final int WARM_UP = 3;
  private static final int CONNECTION_FAILED = 0xC020801C;

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    int executions = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int perExecution = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int days = args.length > 3 ? Integer.parseInt(args[3]) : 30;

    try (EmbeddedCatalog embedded = EmbeddedCatalog.attachOrStart(dataDir.resolve("catalog"));
        CatalogDatabase db = CatalogDatabase.open(embedded.location())) {
      CatalogContext context = new CatalogContext(db, TestCatalog.cipher(), "bench");
      LocalCatalog catalog = new LocalCatalog(context);
      Jdbi jdbi = db.jdbi();
      boolean filled =
          jdbi.withHandle(
              h ->
                  h.createQuery("select exists (select 1 from execution)")
                      .mapTo(boolean.class)
                      .one());
      if (!filled) {
        fill(jdbi, executions, perExecution, days);
      } else {
        log("reusing the catalog in %s", dataDir);
      }
      long executionCount = count(jdbi, "select count(*) from execution");
      long messageCount = count(jdbi, "select count(*) from event_message");

      CertificateAuthority ca = CertificateAuthority.create("Bench CA", Duration.ofDays(2));
      ca.writePem(dataDir);
      ca.issueServer(List.of("localhost"), Duration.ofDays(2)).writePem(dataDir, "master");
      MasterSettings settings =
          MasterSettings.defaults(
                  dataDir.resolve("master.crt"),
                  dataDir.resolve("master.key"),
                  dataDir.resolve("ca.crt"))
              .withPorts(0, 0)
              .withServerExecutions(0);
      try (Master master = Master.start(settings, catalog, context)) {
        String token = new ApiTokens(jdbi).create("bench-" + System.nanoTime(), "bench", Role.READ);
        HttpClient http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(
                    TlsContexts.sslContext(null, TlsContexts.trustStore(dataDir.resolve("ca.crt"))))
                .build();
        String base = "https://localhost:" + master.managementPort() + "/api/v1";
        Map<String, Double> p95s = new LinkedHashMap<>();
        for (Map.Entry<String, String> read : reads(jdbi, days).entrySet()) {
          double[] percentiles = time(http, base + read.getValue(), token);
          log(
              "%-28s p50 %7.1f ms  p95 %7.1f ms  %s",
              read.getKey(), percentiles[0], percentiles[1], read.getValue());
          p95s.put(read.getKey(), percentiles[1]);
        }
        Map.Entry<String, Double> slowest =
            Collections.max(p95s.entrySet(), Map.Entry.comparingByValue());
        StringBuilder result =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "RESULT executions=%d messages=%d slowest_read=%s slowest_read_p95_ms=%.1f",
                    executionCount,
                    messageCount,
                    slowest.getKey(),
                    slowest.getValue()));
        p95s.forEach(
            (name, p95) -> result.append(String.format(Locale.ROOT, " %s_p95_ms=%.1f", name, p95)));
        System.out.println(result);
      }
    }
  }

  /** The reads the console makes, by name: its pages' REST calls. */
  private static Map<String, String> reads(Jdbi jdbi, int days) {
    long recent =
        jdbi.withHandle(
            h ->
                h.createQuery("select max(execution_id) from execution where status = 7")
                    .mapTo(long.class)
                    .one());
    long failed =
        jdbi.withHandle(
            h ->
                h.createQuery("select max(execution_id) from execution where status = 4")
                    .mapTo(long.class)
                    .one());
    String week = encode(Instant.now().minus(Duration.ofDays(7)).toString());
    String window = encode(Instant.now().minus(Duration.ofDays(days)).toString());
    Map<String, String> reads = new LinkedHashMap<>();
    reads.put("dashboard", "/reports/dashboard");
    reads.put("executions", "/reports/executions?limit=50");
    reads.put("executions_next_page", "/reports/executions?limit=50&before=" + (recent - 500));
    reads.put(
        "executions_of_package_failed",
        "/reports/executions?folder=Folder3&project=Project3&package=Package13&status=failed"
            + "&limit=50");
    reads.put("executions_of_worker", "/reports/executions?worker=worker-2&limit=50");
    reads.put(
        "executions_of_caller_started",
        "/reports/executions?caller=bob&startedAfter=" + week + "&limit=50");
    reads.put("execution", "/executions/" + failed);
    reads.put("execution_messages", "/executions/" + failed + "/messages?limit=1000");
    reads.put("execution_statistics", "/executions/" + recent + "/statistics");
    reads.put("validations", "/reports/validations?limit=50");
    reads.put("operations", "/operations?type=deploy&limit=50");
    reads.put("messages", "/reports/messages?limit=100");
    reads.put("error_messages", "/reports/messages?type=error&limit=100");
    reads.put(
        "messages_of_package",
        "/reports/messages?folder=Folder3&project=Project3&package=Package13&limit=100");
    reads.put(
        "performance", "/reports/performance?folder=Folder3&project=Project3&package=Package13");
    reads.put("connections", "/reports/connections?since=" + window + "&limit=100");
    return reads;
  }

  private static double[] time(HttpClient http, String url, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60))
            .build();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < WARM_UP + RUNS; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      double took = (System.nanoTime() - start) / 1e6;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            url + " answered " + response.statusCode() + ": " + response.body());
      }
      if (i >= WARM_UP) {
        millis.add(took);
      }
    }
    Collections.sort(millis);
    return new double[] {
      millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1)
    };
  }

  private static void fill(Jdbi jdbi, int executions, int perExecution, int days) {
    long start = System.nanoTime();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    jdbi.useTransaction(h -> LogPartitions.ensure(h, today.minusDays(days + 1L), today));
    CatalogRows rows = new CatalogRows(jdbi);
    for (int f = 0; f < 10; f++) {
      long folder = rows.folder("Folder" + f);
      for (int p = 0; p < 5; p++) {
        if (p % 5 == f % 5) {
          long version = rows.project(folder, "Project" + p).versionId();
          for (int k = 0; k < 50; k++) {
            if (k % 10 == f && k % 5 == p) {
              rows.packageOf(version, "Package" + k, true);
            }
          }
        }
      }
    }
    jdbi.useTransaction(
        h -> {
          for (int w = 0; w < 5; w++) {
            h.execute(
                "insert into worker_agent (worker_agent_id, display_name, machine_name, enabled,"
                    + " certificate_fingerprint) values (gen_random_uuid(), ?, 'bench', true, ?)",
                "worker-" + w,
                "fp-" + w);
          }
          // Executions spread evenly over the days, newest last; package n % 50 lies in folder
          // n % 10 and project n % 5. 2% fail, 0.1% end unexpectedly.
          h.createUpdate(
                  """
                  with workers as (select array_agg(worker_agent_id order by display_name) as ids
                                   from worker_agent),
                  rows as (
                      select n,
                             now() - make_interval(secs => n * (:days * 86400.0 / :executions))
                                 as created_time,
                             case when n % 50 = 0 then 4 when n % 997 = 0 then 6 else 7 end
                                 as status
                      from generate_series(1, :executions) n),
                  operations as (
                      insert into operation (operation_type, object_type, object_name, status,
                                             created_time, start_time, end_time, caller_name,
                                             machine_name)
                      select 200, 20, 'Package' || (n % 50), status, created_time,
                             created_time + interval '1 second',
                             created_time + make_interval(secs => 31 + n % 300),
                             (array['alice', 'bob', 'token:ci'])[1 + n % 3], 'bench'
                      from rows order by n desc
                      returning operation_id, created_time, start_time, end_time, status,
                                caller_name, object_name)
                  insert into execution (execution_id, folder_name, project_name,
                                         project_version_id, package_name, run_in_scale_out,
                                         logging_level, status, created_time, start_time,
                                         end_time, executed_count, caller_name, worker_agent_id)
                  select o.operation_id,
                         'Folder' || (substring(o.object_name from 8)::int % 10),
                         'Project' || (substring(o.object_name from 8)::int % 5),
                         1, o.object_name, true, 1, o.status, o.created_time, o.start_time,
                         o.end_time, 1, o.caller_name,
                         (select ids[1 + o.operation_id % 5] from workers)
                  from operations o
                  """)
              .bind("days", days)
              .bind("executions", executions)
              .execute();
          // A few running and waiting now, as a busy cluster has.
          h.execute(
              "update execution set status = 2, end_time = null where execution_id in"
                  + " (select execution_id from execution order by created_time desc limit 8)");
          h.execute(
              "update execution set status = 5, start_time = null, end_time = null"
                  + " where execution_id in (select execution_id from execution"
                  + " order by created_time desc offset 8 limit 20)");
          h.execute(
              "insert into operation (operation_type, status, caller_name, machine_name,"
                  + " created_time) select t, 7, 'alice', 'bench', now() - n * interval '1 hour'"
                  + " from generate_series(1, 2000) n, (values (101), (300), (301)) types(t)");
        });
    log("filled %,d executions in %.0f s", executions, seconds(start));
    for (int day = days; day >= 0; day--) {
      long dayStart = System.nanoTime();
      int dayAgo = day;
      int inserted =
          jdbi.inTransaction(
              h ->
                  h.createUpdate(
                          """
                          insert into event_message (operation_id, message_time, message_type,
                                                     message_source_type, message, package_name,
                                                     message_source_name, subcomponent_name,
                                                     execution_path, thread_id, message_code)
                          select e.execution_id,
                                 e.created_time + m * interval '500 milliseconds',
                                 case when e.status = 4 and m = :last then 120
                                      when m % 25 = 0 then 110
                                      else (array[10, 20, 30, 40, 60, 70])[1 + m % 6] end,
                                 40,
                                 case when e.status = 4 and m = :last and e.execution_id % 10 = 0
                                      then 'cannot connect with connection ''Warehouse'' to'
                                           || ' jdbc:postgresql://db' || e.execution_id % 3
                                           || '/dw?password=********: Connection refused'
                                      when e.status = 4 and m = :last
                                      then 'Copy rows failed: duplicate key value'
                                      else 'Copy rows: ' || (m * 1000) || ' rows written' end,
                                 e.package_name, 'Copy rows',
                                 case when e.status = 4 and m = :last
                                          and e.execution_id % 10 = 0 then 'Warehouse' end,
                                 '\\Load\\Copy rows', 1 + m % 4,
                                 case when e.status = 4 and m = :last
                                          and e.execution_id % 10 = 0 then :code else 0 end
                          from execution e, generate_series(1, :perExecution) m
                          where e.created_time >= now() - make_interval(days => :day + 1)
                            and e.created_time < now() - make_interval(days => :day)
                          """)
                      .bind("perExecution", perExecution)
                      .bind("last", perExecution)
                      .bind("code", CONNECTION_FAILED)
                      .bind("day", dayAgo)
                      .execute());
      if (inserted > 0) {
        log("  %d days ago: %,d messages in %.1f s", dayAgo, inserted, seconds(dayStart));
      }
    }
    jdbi.useHandle(
        h ->
            h.execute(
                """
                insert into executable_statistics (execution_id, executable_name, executable_path,
                                                   execution_path, start_time, end_time,
                                                   duration_ms, execution_result)
                select e.execution_id, t, '\\Load\\' || t, '\\Load\\' || t, e.start_time,
                       e.end_time, 1000, 0
                from execution e, unnest(array['Prepare', 'Copy rows', 'Load']) t
                where e.created_time > now() - interval '1 day' and e.end_time is not null
                """));
    // What autovacuum does on a catalog that has run for a while: statistics, and the visibility
    // map that lets index-only scans skip the table.
    jdbi.useHandle(h -> h.execute("vacuum (analyze)"));
    log("filled in %.0f s", seconds(start));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static long count(Jdbi jdbi, String sql) {
    return jdbi.withHandle(h -> h.createQuery(sql).mapTo(long.class).one());
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void log(String format, Object... args) {
    System.err.println(String.format(Locale.ROOT, format, args));
  }
}
