package io.sluice.cli.remote;

import io.sluice.catalog.message.EventMessage;
import io.sluice.catalog.message.MessageQuery;
import io.sluice.catalog.message.Messages;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link Messages} through a master. Following a running execution ({@code execute --wait}) asks
 * again with {@code after} = the last id read, exactly as on a local catalog.
 */
final class RemoteMessages implements Messages {

  private final MasterConnection master;

  RemoteMessages(MasterConnection master) {
    this.master = master;
  }

  @Override
  public List<EventMessage> ofExecution(long executionId, MessageQuery query) {
    String types =
        query.types().stream()
            .map(t -> String.valueOf(t.code()))
            .sorted()
            .collect(Collectors.joining(","));
    Query parameters =
        new Query()
            .with("type", types.isEmpty() ? null : types)
            .with("after", query.afterMessageId())
            .with("limit", query.limit());
    return master.getList(
        "/executions/" + executionId + "/messages" + parameters, EventMessage.class);
  }
}
