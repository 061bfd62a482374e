package dev.leakhound.analysis.profile;

import dev.leakhound.analysis.render.Renderer;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileProtoWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a {@link Profile} as gzipped profile.proto, the format {@code go tool pprof} reads: the
 * {@code --format pprof} output of {@code leakhound pprof diff}.
 *
 * <p>Stateless; thread-safe.
 */
public final class PprofRenderer implements Renderer<Profile> {
  @Override
  public String contentType() {
    return "application/vnd.google.protobuf+gzip";
  }

  @Override
  public void write(Profile model, OutputStream out) throws IOException {
    ProfileProtoWriter.writeGzipped(model, out);
  }
}
