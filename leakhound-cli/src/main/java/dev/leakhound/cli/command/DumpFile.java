package dev.leakhound.cli.command;

import dev.leakhound.formats.io.Inputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A heap dump as a file the analysis can read several times: the given path, or standard input
 * copied to a temporary file that is deleted on close.
 */
final class DumpFile implements AutoCloseable {
  private final Path path;
  private final boolean temporary;
  private final String name;

  private DumpFile(Path path, boolean temporary, String name) {
    this.path = path;
    this.temporary = temporary;
    this.name = name;
  }

  static DumpFile of(String argument) throws IOException {
    if (!Inputs.STDIN.equals(argument)) {
      Path p = Path.of(argument);
      if (!Files.isRegularFile(p)) {
        throw new NoSuchFileException(argument);
      }
      return new DumpFile(p, false, argument);
    }
    Path tmp = Files.createTempFile("leakhound-stdin-", ".hprof");
    InputStream in = System.in;
    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    return new DumpFile(tmp, true, Inputs.displayName(argument));
  }

  Path path() {
    return path;
  }

  /** The name to show: the argument, or {@code <stdin>}. */
  String name() {
    return name;
  }

  @Override
  public void close() throws IOException {
    if (temporary) {
      Files.deleteIfExists(path);
    }
  }
}
