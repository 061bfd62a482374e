package dev.leakhound.analysis.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders any model record as JSON through Jackson: record components in declaration order, so the
 * JSON shape documented in README is the record's shape. Pretty-printed, one trailing newline.
 *
 * <p>Stateless and thread-safe.
 *
 * @param <T> the model type
 */
public final class JsonRenderer<T> implements Renderer<T> {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .build();

  @Override
  public String contentType() {
    return "application/json";
  }

  @Override
  public void write(T model, OutputStream out) throws IOException {
    MAPPER.writeValue(out, model);
    out.write('\n');
    out.flush();
  }

  /** The shared mapper, configured as above; for code that reads JSON back (tests, the server). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
