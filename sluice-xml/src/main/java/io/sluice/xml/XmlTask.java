package io.sluice.xml;

import io.sluice.api.PluginException;
import io.sluice.api.settings.SettingValues;
import io.sluice.api.task.TaskContext;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One execution of an XML task: the operands read, the operation run, its result saved. */
final class XmlTask {

  private final TaskContext context;
  private final SettingValues settings;

  XmlTask(TaskContext context) {
    this.context = context;
    this.settings = context.settings();
  }

  void run() {
    XmlText source = operand("sourceType", "source");
    XmlText second = operand("secondOperandType", "secondOperand");
    context.cancellation().check();
    Output result =
        switch (settings.text("operationType")) {
          case "validate" -> new XsdValidation(context).run(source, second);
          case "xpath" -> new XPathQuery(context).run(source, second);
          case "xslt" -> Xslt.run(context, source, second);
          case "merge" ->
              Merge.run(
                  context,
                  source,
                  second,
                  settings.has("xpathString")
                      ? operand("xpathStringSourceType", "xpathString")
                      : null);
          default ->
              throw new PluginException(
                  "operationType " + settings.text("operationType") + " is not supported", null);
        };
    save(result);
  }

  private XmlText operand(String typeSetting, String valueSetting) {
    if (!settings.has(valueSetting)) {
      throw new PluginException(
          "'" + valueSetting + "' is missing",
          "give the " + valueSetting + " the " + settings.text("operationType") + " needs");
    }
    return OperandSource.of(settings.text(typeSetting)).read(context, valueSetting);
  }

  /** SSIS's SaveOperationResult: to a variable (a string) or a file connection's file. */
  private void save(Output result) {
    if (!settings.has("destination")) {
      return;
    }
    String destination = settings.text("destination");
    if (settings.text("destinationType").equals("variable")) {
      context.variables().set(destination, result.string());
      return;
    }
    Path file = OperandSource.file(context, "destination", destination);
    boolean overwrite = settings.bool("overwriteDestination", false);
    try {
      if (overwrite) {
        Files.write(file, result.bytes());
      } else {
        Files.write(file, result.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
    } catch (FileAlreadyExistsException e) {
      throw new PluginException(
          "destination " + file + " (connection '" + destination + "') exists",
          "set overwriteDestination: true to replace it, or remove the file first");
    } catch (IOException e) {
      throw new PluginException(
          "cannot write the result to "
              + file
              + " (connection '"
              + destination
              + "'): "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage(),
          "check that the folder of connection '" + destination + "' exists and is writable");
    }
    context
        .events()
        .information("wrote the result (" + result.bytes().length + " bytes) to " + file);
  }
}
