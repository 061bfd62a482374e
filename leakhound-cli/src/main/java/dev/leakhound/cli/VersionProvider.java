package dev.leakhound.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version the build stamped into {@code leakhound-version.properties}. */
public final class VersionProvider implements IVersionProvider {
  /** The version the build stamped in, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/leakhound-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "leakhound " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")",
    };
  }
}
