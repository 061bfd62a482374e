package dev.leakhound.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version the build stamped into {@code leakhound-version.properties}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/leakhound-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return new String[] {
      "leakhound " + properties.getProperty("version", "unknown"),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")",
    };
  }
}
