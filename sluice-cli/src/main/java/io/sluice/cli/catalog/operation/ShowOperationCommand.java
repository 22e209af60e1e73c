package io.sluice.cli.catalog.operation;

import static io.sluice.cli.common.Output.column;

import io.sluice.catalog.Catalog;
import io.sluice.catalog.operation.Operation;
import io.sluice.catalog.operation.OperationMessage;
import io.sluice.catalog.operation.OperationStatus;
import io.sluice.catalog.operation.OperationType;
import io.sluice.cli.common.CatalogCommandBase;
import io.sluice.cli.common.Output;
import io.sluice.engine.event.MessageType;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sluice catalog operations show}: one operation and its messages. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show an operation and its messages.")
public final class ShowOperationCommand extends CatalogCommandBase {

  @Parameters(index = "0", paramLabel = "OPERATION_ID", description = "Id of the operation.")
  long operationId;

  /** What --json prints. */
  public record Details(Operation operation, List<OperationMessage> messages) {}

  @Override
  protected int run(Catalog catalog, Output out) {
    Operation o = catalog.operations().get(operationId);
    List<OperationMessage> messages = catalog.operations().messages(operationId);
    if (out.json()) {
      out.printJson(new Details(o, messages));
      return 0;
    }
    out.object(
        o,
        List.of(
            new String[] {"operation", String.valueOf(o.operationId())},
            new String[] {"type", OperationType.display(o.operationType())},
            new String[] {"status", OperationStatus.display(o.status())},
            new String[] {"object", Output.text(o.objectName())},
            new String[] {"created", Output.text(o.createdTime())},
            new String[] {"started", Output.text(o.startTime())},
            new String[] {"ended", Output.text(o.endTime())},
            new String[] {"caller", o.callerName()},
            new String[] {"machine", o.machineName()}));
    System.out.println();
    out.table(
        messages,
        column("TIME", OperationMessage::messageTime),
        column("TYPE", m -> MessageType.display(m.messageType())),
        column("MESSAGE", OperationMessage::message));
    return 0;
  }
}
