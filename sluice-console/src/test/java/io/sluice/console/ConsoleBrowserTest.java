package io.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.master.management.WorkerAgent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The console in a real browser (headless Chromium) against a real master, a real worker and a real
 * catalog: sign-in, a worker enabled in the console taking work, an execution's messages arriving
 * live and the execution stopped, run again, a forged cross-site POST refused, and the pages for a
 * bad token, an ended session and a missing object. Every page is saved under target/screenshots/,
 * and the browser's console must stay free of errors (a script or style the Content-Security-Policy
 * blocked would show there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

  private static final Duration LONG = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private ConsoleCluster cluster;
  private Browser browser;
  private WorkerAgent worker;

  @BeforeAll
  void start() {
    cluster = ConsoleCluster.start(dir);
    browser = Browser.start(dir.resolve("chromium-profile"));
    worker = cluster.startWorker("w1");
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    cluster.close();
  }

  @AfterEach
  void noErrorsInTheBrowser() {
    browser.assertNoConsoleErrors();
  }

  private void signIn(String token) {
    browser.open(cluster.url("/console/sign-in"));
    browser.find("#token").sendKeys(token);
    browser.find("form button[type=submit]").click();
  }

  /** Signs in as the administrator unless the browser has a session already. */
  private void signedIn() {
    browser.open(cluster.url("/console/"));
    if (browser.driver.getCurrentUrl().contains("/console/sign-in")) {
      signIn(cluster.adminToken);
    }
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.text().contains("token:console-admin"));
  }

  @Test
  @Order(1)
  void aBadTokenIsRefusedInWordsAndAGoodOneOpensTheDashboard() {
    browser.open(cluster.url("/console/executions"));
    assertThat(browser.driver.getCurrentUrl()).contains("/console/sign-in");
    browser.screenshot("sign-in");

    // On the page the console sent the browser to, so it returns to the executions after.
    browser.find("#token").sendKeys("sluice_not-a-token");
    browser.find("form button[type=submit]").click();
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.text().contains("That API token is not valid"));
    assertThat(browser.find("#token").getAttribute("value")).as("never echoed back").isEmpty();
    browser.screenshot("sign-in-bad-token");

    browser.find("#token").sendKeys(cluster.adminToken);
    browser.find("form button[type=submit]").click();
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.driver.getCurrentUrl().endsWith("/console/executions"));
    assertThat(browser.text()).contains("token:console-admin · administrator", "Executions");
    assertThat(browser.driver.getPageSource()).doesNotContain(cluster.adminToken);
  }

  @Test
  @Order(2)
  void aWorkerEnabledInTheConsoleTakesWorkAndItsMessagesArriveLiveUntilItIsStopped() {
    signedIn();
    long id = cluster.startSlow(120);
    // The worker registered disabled: the execution waits, and its page says why.
    browser.open(cluster.url("/console/executions/" + id));
    assertThat(browser.find("#execution-status").getText()).isEqualTo("pending");
    assertThat(browser.text()).contains("no worker is enabled");
    int before = browser.all("#messages tbody tr[data-id]").size();
    browser.screenshot("execution-waiting");
    String executionTab = browser.driver.getWindowHandle();

    // In another tab, the Scale Out Manager: enable w1.
    browser.driver.switchTo().newWindow(WindowType.TAB);
    browser.open(cluster.url("/console/workers"));
    WebElement row = browser.find("tr[data-worker='w1']");
    assertThat(row.getText()).contains("disabled", "online");
    row.findElement(By.xpath(".//button[normalize-space()='Enable']")).click();
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.text().contains("Worker w1 enabled."));
    browser.screenshot("workers");

    // The execution's page, open all along, shows the worker's messages as they arrive.
    browser.driver.switchTo().window(executionTab);
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.find("#execution-status").getText().equals("running"));
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> !browser.all("#messages tbody tr.new").isEmpty());
    assertThat(browser.all("#messages tbody tr[data-id]:not(.new)"))
        .as("the messages the page came with")
        .hasSize(before);
    // The worker's messages of task Wait came over the stream, with no reload.
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(
            () ->
                browser.all("#messages tbody tr.new").stream()
                    .anyMatch(message -> message.getText().contains("Wait")));
    assertThat(browser.find("#status").getText()).contains("w1");
    browser.screenshot("execution-running");

    browser.find("#stop").click();
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(
            () ->
                browser.find("#execution-status").getText().equals("canceled")
                    || browser.find("#execution-status").getText().equals("stopping"));
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> cluster.status(id) == OperationStatus.CANCELED.code());
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.find("#execution-status").getText().equals("canceled"));
    browser.screenshot("execution-stopped");
    assertThat(cluster.cluster.workers().get(worker.workerAgentId().toString()).enabled()).isTrue();
  }

  @Test
  @Order(3)
  void runAgainStartsANewExecutionWithTheSameValues() {
    signedIn();
    long id = cluster.startSlow(1);
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> OperationStatus.of(cluster.status(id)).isFinal());
    browser.open(cluster.url("/console/executions/" + id));
    assertThat(browser.find("#execution-status").getText()).isEqualTo("succeeded");
    browser.find("#run-again").click();
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.text().contains("Started again from execution " + id));
    String url = browser.driver.getCurrentUrl();
    long again = Long.parseLong(url.replaceAll(".*/executions/(\\d+).*", "$1"));
    assertThat(again).isGreaterThan(id);
    assertThat(browser.text()).containsPattern("\\$Package::Seconds\\s+Int32\\s+1\\s+execution");
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.find("#execution-status").getText().equals("succeeded"));
    browser.screenshot("execution-run-again");

    browser.open(cluster.url("/console/executions?status=succeeded"));
    assertThat(browser.all("table tbody tr")).hasSizeGreaterThanOrEqualTo(2);
    browser.screenshot("executions");

    // Filtered by the worker through the form, one a page: the newest, then Older.
    browser.open(cluster.url("/console/executions"));
    assertThat(browser.all("[data-slot]")).isEmpty();
    browser.find("input[name=worker]").sendKeys("w1");
    browser.find("input[name=limit]").clear();
    browser.find("input[name=limit]").sendKeys("1");
    browser.find("form.filters button[type=submit]").click();
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.driver.getCurrentUrl().contains("worker=w1"));
    assertThat(browser.find("#total").getText()).containsPattern("^\\d+ executions match$");
    assertThat(browser.all("table tbody tr")).hasSize(1);
    assertThat(browser.find("table tbody tr").getText()).contains(String.valueOf(again), "w1");
    browser.screenshot("executions-by-worker");
    browser.find("#older").click();
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.driver.getCurrentUrl().contains("before=" + again));
    assertThat(browser.find("table tbody tr").getText()).contains(String.valueOf(id), "w1");
    assertThat(browser.find("#total").getText()).contains("older than execution " + again);
    assertThat(browser.all("#newest")).hasSize(1);
  }

  @Test
  @Order(3)
  void anExecutionsTimelineAndDataFlowRender() {
    signedIn();
    long id = cluster.ranWithStatistics();
    browser.open(cluster.url("/console/executions/" + id));
    assertThat(browser.all("[data-slot]")).isEmpty();
    assertThat(browser.all("#timeline svg rect")).hasSize(3);
    // Drawn, not just present: Extract's bar spans half the track.
    WebElement track = browser.all("#timeline svg.track").get(1);
    WebElement bar = track.findElement(By.tagName("rect"));
    assertThat((double) bar.getRect().getWidth() / track.getRect().getWidth())
        .isBetween(0.45, 0.55);
    assertThat(browser.find("#dataflow").getText()).contains("Orders table", "1,234");
    browser.screenshot("execution-statistics");
    browser.phoneScreenshot("execution-statistics-phone");
  }

  @Test
  @Order(4)
  void aForgedCrossSitePostIsRefused() throws IOException {
    signedIn();
    long id = cluster.createSlow(60);
    String form =
        """
        <!doctype html><title>Prizes</title>
        <form method="post" action="%s">
          <input type="hidden" name="_csrf" value="a-guess">
          <button id="win">Win a prize</button>
        </form>
        """
            .formatted(cluster.url("/console/executions/" + id + "/stop"));
    HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    attacker.createContext(
        "/",
        exchange -> {
          byte[] body = form.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    attacker.start();
    try {
      browser.open("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
      browser.find("#win").click();
      await().atMost(LONG).ignoreExceptions().until(() -> browser.text().contains("Refused"));
      assertThat(browser.text()).contains("the change was refused");
      browser.screenshot("cross-site-post-refused");
    } finally {
      attacker.stop(0);
    }
    assertThat(cluster.status(id)).as("the execution was not stopped").isEqualTo(1);
    // The session itself is untouched: the console still opens.
    signedIn();
  }

  @Test
  @Order(5)
  void aMissingObjectAndAnEndedSessionGetClearPages() {
    signedIn();
    browser.open(cluster.url("/console/executions/424242"));
    assertThat(browser.text()).contains("Not found", "execution 424242 does not exist");
    browser.screenshot("not-found");

    browser.open(cluster.url("/console/workers/" + java.util.UUID.randomUUID()));
    assertThat(browser.text()).contains("there is no worker");

    // The session's time runs out (as if 12 hours had passed).
    cluster
        .cluster
        .jdbi()
        .useHandle(
            h ->
                h.execute("update console_session set expires_time = now() - interval '1 second'"));
    browser.open(cluster.url("/console/workers"));
    assertThat(browser.driver.getCurrentUrl()).contains("/console/sign-in");
    assertThat(browser.text()).contains("Your session has ended");
    browser.screenshot("session-ended");
    browser.find("#token").sendKeys(cluster.adminToken);
    browser.find("form button[type=submit]").click();
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.driver.getCurrentUrl().endsWith("/console/workers"));
  }

  @Test
  @Order(6)
  void theDashboardWorkersAndMastersPagesShowTheCluster() {
    signedIn();
    browser.open(cluster.url("/console/"));
    long running = cluster.startSlow(120);
    // The live part refreshes itself: the execution started after the page loaded appears in it.
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(
            () ->
                browser.find("#live").getText().contains(String.valueOf(running))
                    && browser.find("#running-count").getText().equals("1"));
    assertThat(browser.text()).contains("Running now", "w1", "leading master");
    // The last 24 h from the dashboard read: the runs of the tests before, by status and per hour
    // (drawn: the columns have height), and F/S/Slow among the busiest packages with its durations.
    assertThat(browser.all("[data-slot]")).isEmpty();
    assertThat(browser.find("#by-status").getText()).contains("succeeded", "running");
    assertThat(browser.all("#per-hour rect")).isNotEmpty();
    assertThat(browser.find("#per-hour").getRect().getHeight()).isGreaterThan(50);
    assertThat(browser.find("#busiest").getText()).contains("F / S / Slow");
    assertThat(browser.all("#busiest svg.spark rect")).isNotEmpty();
    assertThat(browser.find("#failures").getText()).contains("the table Orders is locked");
    browser.screenshot("dashboard");
    browser.phoneScreenshot("dashboard-phone");

    browser.open(cluster.url("/console/workers/" + worker.workerAgentId()));
    browser.find("input[name=tags]").clear();
    browser.find("input[name=tags]").sendKeys("east, big");
    browser.find("form.filters button[type=submit]").click();
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.text().contains("Worker w1 changed."));
    assertThat(cluster.cluster.workers().get(worker.workerAgentId().toString()).tags())
        .containsExactly("east", "big");
    browser.open(cluster.url("/console/workers/" + worker.workerAgentId()));
    // Its certificate was issued for a day: the master recorded when it expires.
    assertThat(browser.find("#certificate-expires").getText()).contains("UTC (in ");
    browser.screenshot("worker");

    browser.open(cluster.url("/console/masters"));
    assertThat(browser.find("#masters").getText()).contains("leader", "online");
    assertThat(browser.find("#ca-expiry").getText()).contains("cluster CA expires", "(in 29 d");
    browser.screenshot("masters");
    browser.open(cluster.url("/console/executions/" + running));
    browser.phoneScreenshot("execution-phone");
    cluster.cluster.catalog().executions().stop(running);
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> OperationStatus.of(cluster.status(running)).isFinal());
    assertThat(List.of(Browser.SCREENSHOTS.toFile().list())).contains("dashboard.png");
  }

  @Test
  @Order(7)
  void removingAWorkerAsksFirstThenRefusesIt() {
    signedIn();
    String id = worker.workerAgentId().toString();
    browser.open(cluster.url("/console/workers/" + id));
    browser.find("a[href$='/remove']").click();
    assertThat(browser.text()).contains("Remove worker w1?", "Its certificate is refused");
    browser.screenshot("worker-remove");
    browser.find("button.danger").click();
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.text().contains("Worker w1 removed."));
    assertThat(browser.find("tr[data-worker='w1']").getText()).contains("removed");
    assertThat(cluster.cluster.workers().get(id).removedTime()).isNotNull();
  }

  @Test
  @Order(8)
  void aReadOnlyViewerSeesNoActionsAndTheKeyboardReachesEverything() {
    signedIn();
    long id = cluster.createSlow(5);
    browser.find(".who button").click(); // sign out
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.text().contains("You have signed out."));
    signIn(cluster.readToken);
    await()
        .atMost(LONG)
        .ignoreExceptions()
        .until(() -> browser.text().contains("token:console-reader · read only"));
    browser.open(cluster.url("/console/executions/" + id));
    assertThat(browser.all("#stop")).isEmpty();
    assertThat(browser.all("#run-again")).isEmpty();
    browser.open(cluster.url("/console/workers"));
    assertThat(browser.all("#workers button")).isEmpty();
    browser.screenshot("workers-read-only");

    // The first Tab stop skips to the content; the next ones are the navigation's real links.
    browser.find("body").sendKeys(Keys.TAB);
    assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
    browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Sluice");
  }
}
