package org.vomcase.kernel;

/** One choice of a select a task's form fills from a variable ({@code valuesKey}): what it shows and its value. */
public record Option(String label, String value) {}
