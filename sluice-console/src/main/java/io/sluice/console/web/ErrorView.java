package io.sluice.console.web;

/** An error page: never a stack trace, always what happened and what to do. */
public record ErrorView(int status, String title, String message, String hint) {}
