package dev.leakhound.cli.command;

/** The values of {@code --format}; each command accepts the subset it can write. */
public enum OutputFormat {
  text,
  json,
  pprof,
  junit
}
