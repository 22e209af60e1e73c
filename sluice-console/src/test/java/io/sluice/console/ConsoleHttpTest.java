package io.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.operation.OperationStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's door over plain HTTPS, against a real master: the headers every page carries, the
 * session cookie's attributes, changes refused unless they come from the console's own pages with
 * the session's form token, read-only tokens that may only look, administrator certificates, and
 * error pages in words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleHttpTest {

  @TempDir static Path dir;
  private ConsoleCluster cluster;

  @BeforeAll
  void start() {
    cluster = ConsoleCluster.start(dir);
    cluster.cluster.ca.issueAdministrator("alice", Duration.ofDays(1)).writePem(dir, "alice");
  }

  @AfterAll
  void stop() {
    cluster.close();
  }

  private ConsoleClient client() {
    return new ConsoleClient(dir, cluster.managementPort(), null);
  }

  @Test
  void pagesCarryTheSecurityHeadersAndTheSessionCookieIsHostOnlyStrictAndHidden() {
    ConsoleClient client = client();
    HttpResponse<String> signInPage = client.get("/console/sign-in");
    String csp = signInPage.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(signInPage.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(signInPage.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(signInPage.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(signInPage.body()).doesNotContain("<script>", "onclick=", "onload=");

    HttpResponse<String> signedIn =
        client.post(
            "/console/sign-in",
            Map.of(
                "_signin",
                ConsoleClient.field(signInPage.body(), "_signin"),
                "with",
                "token",
                "token",
                cluster.adminToken),
            "Origin",
            client.origin());
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("__Host-sluice-session=")
                    .contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict")
                    .doesNotContain("Domain="));
    String page = client.get("/console/").body();
    assertThat(page).contains("token:console-admin").doesNotContain(cluster.adminToken);
  }

  @Test
  void aChangeWithoutTheFormTokenOrFromAnotherSiteIsRefusedAndTheRightOneGoesThrough() {
    long id = cluster.createSlow(60);
    ConsoleClient client = client();
    String csrf = client.signIn(cluster.adminToken);
    String stop = "/console/executions/" + id + "/stop";

    HttpResponse<String> noToken = client.post(stop, Map.of(), "Origin", client.origin());
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("form token").doesNotContain("Exception", "at io.");

    HttpResponse<String> wrongToken =
        client.post(stop, Map.of("_csrf", csrf + "x"), "Origin", client.origin());
    assertThat(wrongToken.statusCode()).isEqualTo(403);

    HttpResponse<String> otherOrigin =
        client.post(stop, Map.of("_csrf", csrf), "Origin", "https://evil.example");
    assertThat(otherOrigin.statusCode()).isEqualTo(403);
    assertThat(otherOrigin.body()).contains("another site");

    HttpResponse<String> crossSite =
        client.post(stop, Map.of("_csrf", csrf), "Sec-Fetch-Site", "cross-site");
    assertThat(crossSite.statusCode()).isEqualTo(403);

    HttpResponse<String> nullOrigin = client.post(stop, Map.of("_csrf", csrf), "Origin", "null");
    assertThat(nullOrigin.statusCode())
        .as("an opaque origin, and no Sec-Fetch-Site")
        .isEqualTo(403);

    HttpResponse<String> noSession = client().post(stop, Map.of("_csrf", csrf));
    assertThat(noSession.statusCode()).isEqualTo(403);
    assertThat(cluster.status(id)).as("nothing was stopped").isEqualTo(1);

    // As Chromium sends the console's own forms under Referrer-Policy: no-referrer.
    HttpResponse<String> fromTheConsole =
        client.post(stop, Map.of("_csrf", csrf), "Origin", "null", "Sec-Fetch-Site", "same-origin");
    assertThat(fromTheConsole.statusCode()).as(fromTheConsole.body()).isEqualTo(303);
    assertThat(cluster.status(id)).isEqualTo(OperationStatus.CANCELED.code());
  }

  @Test
  void aReadOnlyTokenSeesNoActionsAndItsChangesAreRefused() {
    long id = cluster.createSlow(60);
    ConsoleClient client = client();
    String csrf = client.signIn(cluster.readToken);
    String page = client.get("/console/executions/" + id).body();
    assertThat(page).contains("read only").doesNotContain("/stop\"", "run-again");

    HttpResponse<String> stop =
        client.post(
            "/console/executions/" + id + "/stop",
            Map.of("_csrf", csrf),
            "Origin",
            client.origin());
    assertThat(stop.statusCode()).isEqualTo(403);
    assertThat(stop.body()).contains("may only read");
    assertThat(cluster.status(id)).isEqualTo(1);
  }

  @Test
  void anAdministratorCertificateSignsIn() {
    ConsoleClient alice = new ConsoleClient(dir, cluster.managementPort(), "alice");
    String page = alice.get("/console/sign-in").body();
    assertThat(page).contains("Sign in as alice (administrator certificate)");
    HttpResponse<String> signedIn =
        alice.post(
            "/console/sign-in",
            Map.of("_signin", ConsoleClient.field(page, "_signin"), "with", "certificate"),
            "Origin",
            alice.origin());
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(alice.get("/console/workers").body()).contains("alice · administrator");

    // Without a certificate, asking for a certificate sign-in is refused in words.
    ConsoleClient nobody = client();
    String form = nobody.get("/console/sign-in").body();
    assertThat(form).doesNotContain("administrator certificate)");
    HttpResponse<String> refused =
        nobody.post(
            "/console/sign-in",
            Map.of("_signin", ConsoleClient.field(form, "_signin"), "with", "certificate"),
            "Origin",
            nobody.origin());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("No administrator certificate came with this request");
  }

  @Test
  void signingOutEndsTheSessionEverywhere() {
    ConsoleClient client = client();
    String csrf = client.signIn(cluster.adminToken);
    String session = client.cookies.get("__Host-sluice-session");
    HttpResponse<String> out =
        client.post("/console/sign-out", Map.of("_csrf", csrf), "Origin", client.origin());
    assertThat(out.statusCode()).isEqualTo(303);
    ConsoleClient replay = client();
    replay.cookies.put("__Host-sluice-session", session);
    HttpResponse<String> after = replay.get("/console/");
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("Location").orElseThrow())
        .startsWith("/console/sign-in?ended=1");
  }

  @Test
  void missingObjectsAndUnknownPagesAreClearPagesNotStackTraces() {
    ConsoleClient client = client();
    client.signIn(cluster.adminToken);
    HttpResponse<String> execution = client.get("/console/executions/999999");
    assertThat(execution.statusCode()).isEqualTo(404);
    assertThat(execution.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/html");
    assertThat(execution.body()).contains("execution 999999 does not exist");
    HttpResponse<String> notANumber = client.get("/console/executions/abc");
    assertThat(notANumber.statusCode()).isEqualTo(404);
    HttpResponse<String> worker =
        client.get("/console/workers/00000000-0000-0000-0000-000000000001");
    assertThat(worker.statusCode()).isEqualTo(404);
    assertThat(worker.body()).contains("there is no worker");
    HttpResponse<String> page = client.get("/console/no-such-page");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("there is no console page /console/no-such-page");
    HttpResponse<String> badTime = client.get("/console/executions?since=yesterday");
    assertThat(badTime.statusCode()).isEqualTo(400);
    assertThat(badTime.body()).contains("is not a time");
    for (HttpResponse<String> r : List.of(execution, worker, page, badTime)) {
      assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }
  }

  @Test
  void anExecutionsPageShowsItsTimelineAndDataFlowRowsAsTheRestApiHasThem() {
    long id = cluster.ranWithStatistics();
    ConsoleClient client = client();
    client.signIn(cluster.adminToken);
    String page = client.get("/console/executions/" + id).body();
    assertThat(page).doesNotContain("data-slot=\"execution-statistics\"", "once the REST API");
    String timeline = between(page, "id=\"timeline\"", "</table>");
    // In the order they started, each with its duration as text and a bar on one 4 s axis.
    assertThat(timeline)
        .containsSubsequence("Slow", "Extract", "Load")
        .contains("4.0 s", "2.0 s", "1.0 s", "success", "failure")
        .contains("x=\"0\" y=\"1\" width=\"1000\"") // the package: the whole axis
        .contains("x=\"125\" y=\"1\" width=\"500\"") // Extract: 0.5 s in, 2 s long
        .contains("x=\"650\" y=\"1\" width=\"250\""); // Load: 2.6 s in, 1 s long
    String dataFlow = between(page, "id=\"dataflow\"", "</table>");
    assertThat(dataFlow).contains("Source Output", "Orders source", "Orders table", "1,234");
  }

  @Test
  void theDashboardShowsTheLast24HoursFromOneReadByTheMastersClock() {
    long failed = cluster.ranWithStatistics();
    long waiting = cluster.startSlow(60); // no worker here: it waits, its task queued
    ConsoleClient client = client();
    client.signIn(cluster.adminToken);
    String page = client.get("/console/").body();
    assertThat(page).doesNotContain("data-slot=", "once the REST API", "100+");
    long pending =
        cluster
            .cluster
            .jdbi()
            .withHandle(
                h ->
                    h.select("select count(*) from execution where status = 5")
                        .mapTo(Long.class)
                        .one());
    assertThat(pending).isPositive();
    assertThat(between(page, "id=\"queue-depth\"", "</b>")).endsWith(">" + pending);
    // The failure with its FIRST error, from the dashboard read (no query per failure).
    String failures = between(page, "id=\"failures\"", "</table>");
    assertThat(failures)
        .contains("/console/executions/" + failed + "\"", "the table Orders is locked")
        .doesNotContain("Slow failed");
    assertThat(between(page, "id=\"by-status\"", "</ul>")).contains("failed", "pending");
    assertThat(between(page, "id=\"per-hour\"", "</svg>")).contains("<rect class=\"s-failed\"");
    assertThat(between(page, "id=\"per-hour-table\"", "</table>")).contains("<td class=\"num\">");
    // The busiest package with its ended runs' durations: the failed one took 0 s here.
    assertThat(between(page, "id=\"busiest\"", "</table>"))
        .contains(
            "F / S / Slow", "folder=F&amp;project=S&amp;package=Slow", "<svg class=\"spark\"");
    assertThat(client.get("/console/dashboard/live").body())
        .contains("id=\"queue-depth\"")
        .doesNotContain("<html");
    cluster.cluster.catalog().executions().stop(waiting);
  }

  @Test
  void theExecutionsListFiltersByCallerAndPagesOlderWithTheTotal() {
    for (int i = 0; i < 3; i++) {
      cluster.createSlow(60);
    }
    List<Long> expected =
        cluster
            .cluster
            .jdbi()
            .withHandle(
                h ->
                    h.select(
                            "select execution_id from execution where caller_name = 'tester'"
                                + " order by created_time desc, execution_id desc")
                        .mapTo(Long.class)
                        .list());
    assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
    ConsoleClient client = client();
    client.signIn(cluster.adminToken);
    List<Long> seen = new ArrayList<>();
    String path = "/console/executions?caller=tester&limit=2";
    int pages = 0;
    while (path != null) {
      HttpResponse<String> response = client.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      String page = response.body();
      assertThat(page).doesNotContain("data-slot=", "waits for the REST API");
      assertThat(between(page, "id=\"total\"", "</p>"))
          .contains(expected.size() + " executions match");
      Matcher ids = Pattern.compile("<td><a href=\"/console/executions/(\\d+)\">").matcher(page);
      while (ids.find()) {
        seen.add(Long.parseLong(ids.group(1)));
      }
      Matcher older = Pattern.compile("id=\"older\" rel=\"next\" href=\"([^\"]+)\"").matcher(page);
      path = older.find() ? older.group(1).replace("&amp;", "&") : null;
      if (path != null) {
        assertThat(path).contains("caller=tester", "limit=2", "before=");
      }
      pages++;
    }
    assertThat(seen).as("every one once, newest first, over the pages").isEqualTo(expected);
    assertThat(pages).isEqualTo((expected.size() + 1) / 2);

    String none = client.get("/console/executions?caller=token:nobody").body();
    assertThat(none)
        .contains("0 executions match", "No execution matches")
        .doesNotContain("id=\"older\"");
    HttpResponse<String> badCursor = client.get("/console/executions?before=yesterday");
    assertThat(badCursor.statusCode()).isEqualTo(400);
    assertThat(badCursor.body()).contains("that is not an execution id");
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    assertThat(start).as("%s in the page", from).isNotNegative();
    return text.substring(start, text.indexOf(to, start));
  }

  @Test
  void theConsoleIsNotServedOnTheWorkerPort() {
    ConsoleClient onWorkerPort =
        new ConsoleClient(dir, cluster.cluster.master.workerPort(), "alice");
    HttpResponse<String> page = onWorkerPort.get("/console/sign-in");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("not served on the worker port");
  }

  @Test
  void theMessageStreamEndsForAnEndedExecutionAndRefusesWithoutASession() {
    long id = cluster.createSlow(60);
    cluster.cluster.catalog().executions().stop(id); // created -> canceled at once
    ConsoleClient client = client();
    client.signIn(cluster.adminToken);
    // As a browser's EventSource asks.
    HttpResponse<String> stream =
        client.get(
            "/console/executions/" + id + "/messages?after=0", "Accept", "text/event-stream");
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    assertThat(stream.body()).contains("event: end");

    HttpResponse<String> anonymous =
        client().get("/console/executions/" + id + "/messages", "Accept", "text/event-stream");
    assertThat(anonymous.body()).contains("event: refused").doesNotContain("event: message");
  }
}
