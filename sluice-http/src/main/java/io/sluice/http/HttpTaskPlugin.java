package io.sluice.http;

import io.sluice.api.settings.Setting;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.settings.SettingsSchema;
import io.sluice.api.task.PluginTask;
import io.sluice.api.task.TaskPlugin;
import io.sluice.api.task.TaskResult;
import io.sluice.api.task.TaskSetup;
import io.sluice.api.text.Articles;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Http task ({@code type: Http}), what SSIS's Web Service task is for today's services: one
 * request through an http connection (a method, a path relative to the connection's URL, headers, a
 * body written in the task, from a variable or from a file connection), the response body into a
 * variable or a file connection's file, and the statuses that count as success. WSDL and SOAP
 * method calls are not built: a SOAP service is called by POSTing its envelope as the body.
 */
final class HttpTaskPlugin implements TaskPlugin {

  static final String NAME = "Http";

  static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

  /** Headers the JDK's client sets itself and refuses from a caller. */
  static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SettingsSchema settings() {
    return SettingsSchema.of(
        Setting.connection("httpConnection", HttpConnectionType.TYPE)
            .required()
            .describedAs("The http connection to call through (HttpConnection)"),
        Setting.choice("method", METHODS).describedAs("The HTTP method; GET"),
        Setting.text("path")
            .describedAs("The URL's path (and query) relative to the connection's serverUrl"),
        Setting.mapping("headers").describedAs("Request headers, name: value"),
        Setting.choice("bodySourceType", BodySource.NAMES.toArray(String[]::new))
            .describedAs("Where the body comes from, directInput by default"),
        Setting.text("body").describedAs("The body, a variable's name or a file connection's"),
        Setting.text("contentType")
            .describedAs("The body's Content-Type; text/plain or application/octet-stream"),
        Setting.choice("outputType", OutputTarget.NAMES.toArray(String[]::new))
            .describedAs("Where the response body goes (OutputType); variable"),
        Setting.text("output")
            .describedAs("The variable or file connection the response body goes to (Output)"),
        Setting.text("statusVariable").describedAs("A variable that gets the response's status"),
        Setting.list("successStatusCodes")
            .describedAs("Statuses and ranges that are success, e.g. [200-299, 404]; 200-299"));
  }

  @Override
  public PluginTask prepare(TaskSetup setup) {
    SettingValues s = setup.settings();
    BodySource source = BodySource.of(s.text("bodySourceType"));
    if (source != null) {
      source.check(setup);
    }
    String method = s.has("method") ? s.text("method") : "GET";
    if ((method.equals("GET") || method.equals("HEAD")) && s.has("body")) {
      setup.problem(Articles.a(method) + " request sends no body; use POST, PUT or PATCH");
    }
    OutputTarget output = OutputTarget.of(s.text("outputType"));
    if (output != null) {
      output.check(setup);
    }
    String status = s.text("statusVariable");
    if (status != null && !setup.hasVariable(status)) {
      setup.problem("statusVariable: variable '" + status + "' does not exist");
    }
    for (Map.Entry<String, Object> h : s.mapping("headers").entrySet()) {
      String name = h.getKey();
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        setup.problem("headers: '" + name + "' is not a header name");
      } else if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        setup.problem("headers: " + name + " is set by the HTTP client itself; remove it");
      }
      if (h.getValue() == null || String.valueOf(h.getValue()).matches("(?s).*[\\r\\n].*")) {
        setup.problem("headers: the value of " + name + " must be one line of text");
      }
    }
    StatusCodes codes;
    try {
      codes = StatusCodes.parse(s.list("successStatusCodes"));
    } catch (IllegalArgumentException e) {
      setup.problem(e.getMessage());
      codes = StatusCodes.DEFAULT;
    }
    StatusCodes success = codes;
    return context -> {
      new HttpCall(context, success).run();
      return TaskResult.SUCCESS;
    };
  }
}
