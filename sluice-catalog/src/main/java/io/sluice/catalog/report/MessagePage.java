package io.sluice.catalog.report;

import java.util.List;

/**
 * A page of messages across executions, newest first.
 *
 * @param nextBefore the cursor of the next page; null on the last
 */
public record MessagePage(List<CatalogMessage> messages, String nextBefore) {}
