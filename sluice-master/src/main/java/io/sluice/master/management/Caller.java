package io.sluice.master.management;

/**
 * Who calls the management API.
 *
 * @param name recorded as the caller of what it does: the certificate's common name, or {@code
 *     token:NAME}
 */
public record Caller(String name, Role role) {}
