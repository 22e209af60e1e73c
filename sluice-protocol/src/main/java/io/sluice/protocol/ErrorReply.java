package io.sluice.protocol;

/** The body of every non-2xx answer: what is wrong and what to do about it. */
public record ErrorReply(String error, String hint) {}
