package dev.leakhound.analysis.render;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a model in one output format. The command line picks a renderer by {@code --format}, the
 * HTTP API by the {@code Accept} header; the model never knows how it is shown.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <T> the model type
 */
public interface Renderer<T> {
  /** The media type of what {@link #write} produces, e.g. {@code application/json}. */
  String contentType();

  /** Writes {@code model} to {@code out}; does not close {@code out}. */
  void write(T model, OutputStream out) throws IOException;
}
