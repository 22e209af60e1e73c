package io.sluice.master.mount;

import io.sluice.catalog.CatalogContext;
import io.sluice.master.management.ApiTokens;
import io.sluice.master.management.ManagementAuth;
import io.sluice.master.management.MasterNodes;
import io.sluice.master.management.WorkerAgents;
import java.time.Clock;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What a {@link MasterMount} may use: the same objects the REST API's routes use.
 *
 * @param catalog the master's catalog context (its database and catalog key); work done for a
 *     caller goes through a catalog opened in the caller's name, as the REST API does
 * @param masterName this master's name, known once its server has started
 * @param workerPort the worker port, known once the server has started: mounted routes are for the
 *     management port only
 * @param version the master's version, or "development" when run from a build tree
 * @param caExpires when the cluster CA's certificate (the master's {@code ca:}) expires
 */
public record MasterServices(
    CatalogContext catalog,
    ManagementAuth auth,
    ApiTokens tokens,
    WorkerAgents workers,
    MasterNodes masters,
    Supplier<String> masterName,
    IntSupplier workerPort,
    Clock clock,
    String version,
    Instant caExpires) {}
