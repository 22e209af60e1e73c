package io.sluice.catalog.message;

import io.sluice.catalog.CatalogContext;
import io.sluice.catalog.CatalogException;
import io.sluice.engine.event.MessageType;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** {@link Messages} on the catalog database. */
public final class JdbcMessages implements Messages {

  private final CatalogContext context;

  public JdbcMessages(CatalogContext context) {
    this.context = context;
  }

  /** The time span an execution's messages lie in. */
  private record Span(Instant fromTime, Instant untilTime) {}

  @Override
  public List<EventMessage> ofExecution(long executionId, MessageQuery query) {
    return context
        .database()
        .jdbi()
        .withHandle(
            handle -> {
              // Messages are stamped between the execution's creation and its end (the runtime
              // clamps them; the hour is slack for a write racing with the end). Passing these
              // bounds as values lets PostgreSQL open only the day partitions they cover.
              Span span =
                  handle
                      .createQuery(
                          """
                          select created_time as from_time,
                                 coalesce(end_time, now()) + interval '1 hour' as until_time
                          from execution
                          where execution_id = :executionId
                          """)
                      .bind("executionId", executionId)
                      .map(ConstructorMapper.of(Span.class))
                      .findOne()
                      .orElseThrow(
                          () ->
                              CatalogException.notFound(
                                  "execution " + executionId + " does not exist",
                                  "list executions with: sluice catalog executions list"));
              return handle
                  .createQuery(
                      """
                      select * from event_message
                      where operation_id = :executionId
                        and message_time >= :fromTime and message_time < :untilTime
                        and (cardinality(:types) = 0 or message_type = any(:types))
                        and event_message_id > :afterId
                      order by message_time, event_message_id
                      limit :limit
                      """)
                  .bind("executionId", executionId)
                  .bind("fromTime", span.fromTime())
                  .bind("untilTime", span.untilTime())
                  .bindArray(
                      "types",
                      Integer.class,
                      query.types().stream().map(MessageType::code).sorted().toList())
                  .bind("afterId", query.afterMessageId())
                  .bind("limit", query.limit())
                  .map(ConstructorMapper.of(EventMessage.class))
                  .list();
            });
  }
}
