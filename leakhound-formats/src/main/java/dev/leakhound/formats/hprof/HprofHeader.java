package dev.leakhound.formats.hprof;

/**
 * The first bytes of an HPROF file: the format version ({@code JAVA PROFILE 1.0.2}), the size of
 * object identifiers (4 or 8 bytes) and when the dump was written.
 *
 * @param version the version string without the {@code JAVA PROFILE } prefix, e.g. {@code 1.0.2}
 * @param identifierSize 4 or 8
 * @param timestampMillis milliseconds since the epoch, as the dumping VM wrote them
 * @param length bytes the header takes in the file
 */
public record HprofHeader(String version, int identifierSize, long timestampMillis, int length) {
  public HprofHeader {
    if (identifierSize != 4 && identifierSize != 8) {
      throw new IllegalArgumentException("identifier size must be 4 or 8: " + identifierSize);
    }
  }
}
