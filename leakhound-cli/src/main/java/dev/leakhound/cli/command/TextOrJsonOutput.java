package dev.leakhound.cli.command;

import dev.leakhound.analysis.render.JsonRenderer;
import dev.leakhound.analysis.render.Renderer;
import dev.leakhound.cli.Output;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --format text|json} and {@code -o/--output} options the offline commands share, and
 * the writing of their result: one place for the option texts and for the choice of renderer.
 * picocli rejects any other format (exit 64) before the command reads its input.
 *
 * <p>A picocli mixin ({@code @Mixin TextOrJsonOutput out;}), set once by picocli before the command
 * runs; not for use from several threads.
 */
public final class TextOrJsonOutput {
  /** The formats these commands write. */
  public enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  /** Whether JSON was asked for. */
  public boolean json() {
    return format == Format.json;
  }

  /** Writes {@code model} as JSON, or as text through {@code text}, to stdout or {@code -o}. */
  public <T> void write(Renderer<T> text, T model) throws IOException {
    Renderer<T> renderer = json() ? new JsonRenderer<>() : text;
    Output.write(renderer, model, output);
  }
}
