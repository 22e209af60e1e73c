package io.sluice.protocol.worker;

/** A master's answer to a report: ACCEPTED, STOP or ABORT. */
public record Acknowledgement(Verdict verdict) {}
