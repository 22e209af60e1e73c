package io.sluice.cli.catalog;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.cli.common.UsageException;
import io.sluice.engine.event.MessageType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog messages}: Show the event messages of an execution. */
@Command(
    name = "messages",
    mixinStandardHelpOptions = true,
    description = "Show the event messages of an execution, in time order.")
public final class MessagesCommand extends CatalogCommandBase {

  @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "Id of the execution.")
  long executionId;

  @Option(
      names = "--type",
      split = ",",
      description = "Only these types: codes or names, e.g. --type Error,Warning or --type 120.")
  List<String> types = List.of();

  @Option(
      names = "--after",
      defaultValue = "0",
      description = "Only messages stored after the one with this id (to follow a running one).")
  long afterMessageId;

  @Option(
      names = "--limit",
      defaultValue = "1000",
      description = "At most this many (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  protected int run(Catalog catalog, Output out) {
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1", "give a positive number");
    }
    Set<MessageType> wanted =
        types.stream().map(MessagesCommand::messageType).collect(Collectors.toSet());
    List<EventMessage> messages =
        catalog
            .messages()
            .ofExecution(executionId, new MessageQuery(wanted, afterMessageId, limit));
    out.table(
        messages,
        column("ID", EventMessage::eventMessageId),
        column("TIME", EventMessage::messageTime),
        column("TYPE", m -> MessageType.display(m.messageType())),
        column("SOURCE", EventMessage::messageSourceName),
        column("MESSAGE", EventMessage::message));
    return 0;
  }

  private static MessageType messageType(String text) {
    return MessageType.parse(text)
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown message type '" + text + "'",
                    "use a code or name, e.g. 120 or Error, 110 or Warning, 70 or Information"));
  }
}
