package io.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.operation.OperationStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
    for (HttpResponse<String> r : java.util.List.of(execution, worker, page, badTime)) {
      assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }
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
