package io.sluice.ssis.convert;

import static io.sluice.ssis.convert.ProcessAndFileTasks.attr;

import io.sluice.engine.plugin.BuiltInPlugins;
import io.sluice.ssis.convert.PackageContext.ConvertedConnection;
import io.sluice.ssis.convert.TaskConverters.Outcome;
import io.sluice.ssis.xml.Dts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.w3c.dom.Element;

/**
 * The Send Mail task, whose settings a .dtsx keeps as attributes of {@code
 * SendMailTask:SendMailTaskData} under DTS:ObjectData, into sluice-mail's SendMail task; its SMTP
 * connection manager (SMTPServer, by name or DTSID) must have become an {@code smtp} connection.
 */
final class SendMailTaskConverter {

  private final PackageContext ctx;
  private final BiFunction<String, Boolean, Optional<String>> referenceProblem;

  SendMailTaskConverter(
      PackageContext ctx, BiFunction<String, Boolean, Optional<String>> referenceProblem) {
    this.ctx = ctx;
    this.referenceProblem = referenceProblem;
  }

  Outcome convert(Element e, Draft d) {
    if (BuiltInPlugins.taskPlugins().stream().noneMatch(t -> t.name().equals("SendMail"))) {
      return Outcome.placeholder(
          "this Sluice has no SendMail task (the sluice-mail module is not on its class path)",
          "import with the sluice command, whose distribution has it");
    }
    Element data = Dts.objectData(e).orElse(null);
    if (data == null) {
      return Outcome.placeholder("its Send Mail settings (SendMailTaskData) are missing", null);
    }
    String reference = attr(data, "SMTPServer").trim();
    if (reference.isEmpty()) {
      return Outcome.placeholder(
          "it names no SMTP connection manager (SMTPServer)",
          "add an smtp connection and name it in the task's smtpConnection");
    }
    Optional<ConvertedConnection> c = ctx.connection(reference);
    if (c.isEmpty()) {
      return Outcome.placeholder(
          "its SMTP connection manager " + reference + " is not in this package",
          "import the project folder, or add an smtp connection and set smtpConnection");
    }
    if (!"smtp".equals(c.get().type())) {
      return Outcome.placeholder(
          "its connection manager "
              + c.get().name()
              + " was not converted to an smtp connection"
              + (c.get().why() == null ? "" : " (" + c.get().why() + ")"),
          "convert the connection by hand, then write the task as SendMail");
    }
    if (attr(data, "From").isBlank() && !hasExpression(e, "FromLine")) {
      return Outcome.placeholder("it has no From address", "give it the sender's address (from:)");
    }
    if (attr(data, "To").isBlank()
        && attr(data, "CC").isBlank()
        && attr(data, "BCC").isBlank()
        && !hasExpression(e, "ToLine")
        && !hasExpression(e, "CCLine")
        && !hasExpression(e, "BCCLine")) {
      return Outcome.placeholder("it has no recipient", "give it one (to:)");
    }
    List<String> notes = new ArrayList<>();
    d.type = "SendMail";
    d.properties.put("smtpConnection", c.get().name());
    putText(d, "from", attr(data, "From"));
    putText(d, "to", attr(data, "To"));
    putText(d, "cc", attr(data, "CC"));
    putText(d, "bcc", attr(data, "BCC"));
    putText(d, "subject", attr(data, "Subject"));
    String type = attr(data, "MessageSourceType").trim();
    String source = attr(data, "MessageSource");
    switch (type.toUpperCase(Locale.ROOT)) {
      case "", "DIRECTINPUT", "0" -> putText(d, "messageSource", source);
      case "FILECONNECTION", "1" -> {
        Optional<ConvertedConnection> file = ctx.connection(source.trim());
        if (file.isEmpty() || !"file".equals(file.get().type())) {
          return Outcome.placeholder(
              "its message comes from the file of connection manager "
                  + source
                  + ", which "
                  + (file.isEmpty()
                      ? "is not in this package"
                      : "was not converted to a file connection")
                  + "",
              "add a file connection for the message and set messageSource to its name");
        }
        d.properties.put("messageSourceType", "fileConnection");
        d.properties.put("messageSource", file.get().name());
      }
      case "VARIABLE", "2" -> {
        Optional<String> problem = referenceProblem.apply(source.trim(), false);
        if (problem.isPresent()) {
          return Outcome.placeholder(
              "its message comes from " + source + ", and " + problem.get(), null);
        }
        d.properties.put("messageSourceType", "variable");
        d.properties.put("messageSource", source.trim());
      }
      default -> {
        return Outcome.placeholder("its MessageSourceType " + type + " is not SSIS's", null);
      }
    }
    String priority = attr(data, "Priority").trim().toLowerCase(Locale.ROOT);
    switch (priority) {
      case "high", "low" -> d.properties.put("priority", priority);
      case "", "normal" -> {}
      default -> notes.add("its priority " + priority + " is not High, Normal or Low: Normal");
    }
    putText(d, "attachments", attr(data, "FileAttachments"));
    if (attr(data, "FileAttachments").matches("(?i).*([a-z]:\\\\|\\\\\\\\).*")) {
      notes.add("its attachments are Windows paths: point them at the machine that runs it");
    }
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("FromLine", "from");
    targets.put("ToLine", "to");
    targets.put("CCLine", "cc");
    targets.put("BCCLine", "bcc");
    targets.put("Subject", "subject");
    targets.put("MessageSource", "messageSource");
    targets.put("FileAttachments", "attachments");
    return Outcome.converted(targets, notes);
  }

  /** Whether the task has a property expression on {@code property}. */
  private static boolean hasExpression(Element task, String property) {
    return Dts.children(task, "PropertyExpression").stream()
        .anyMatch(pe -> property.equalsIgnoreCase(Dts.attr(pe, "Name")));
  }

  private static void putText(Draft d, String setting, String value) {
    if (value != null && !value.isBlank()) {
      d.properties.put(setting, value);
    }
  }
}
