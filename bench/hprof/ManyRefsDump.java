import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic gzipped HPROF dump with more than 2^31 references, streaming (no JVM can be
 * made to hold that many and dump them on this machine): ARRAYS object arrays of 2^LOG2 elements,
 * each a GC root, array j referencing round-robin its own LEAVES instances of class Leaf, so each
 * array dominates its leaves. 4-byte identifiers; one HEAP_DUMP_SEGMENT per array.
 *
 * <pre>
 *   java bench/hprof/ManyRefsDump.java OUT.hprof.gz [ARRAYS=9] [LOG2=28] [LEAVES=4096]
 * </pre>
 *
 * What an analysis must report: objects = ARRAYS * (LEAVES + 1); references = ARRAYS * 2^LOG2 (9 *
 * 2^28 = 2,415,919,104 by default); each array retains round8(12 + 4 * 2^LOG2) + 8 * LEAVES bytes.
 * The uncompressed dump is 4 bytes per reference (9.7 GB by default); with LEAVES at most 8192 an
 * array repeats within deflate's 32 KB window and the file shrinks some 300-fold (with 100,000 it
 * stays at a quarter, 2.6 GB).
 */
public final class ManyRefsDump {
  private static final int OBJECT_CLASS = 0x1000;
  private static final int LEAF_CLASS = 0x1010;
  private static final int ARRAY_CLASS = 0x1020;
  private static final int FIRST_LEAF = 0x100000;
  private static final int FIRST_ARRAY = 0x40000000;

  public static void main(String[] args) throws IOException {
    int arrays = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    int log2 = args.length > 2 ? Integer.parseInt(args[2]) : 28;
    int leaves = args.length > 3 ? Integer.parseInt(args[3]) : 4096;
    int length = 1 << log2;
    OutputStream file = new BufferedOutputStream(new FileOutputStream(args[0]), 1 << 20);
    try (DataOutputStream out = new DataOutputStream(new FastGzip(file))) {
      out.write("JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII));
      out.write(0);
      out.writeInt(4);
      out.writeLong(1_700_000_000_000L);
      String[] names = {"java/lang/Object", "Leaf", "[Ljava/lang/Object;"};
      int[] classIds = {OBJECT_CLASS, LEAF_CLASS, ARRAY_CLASS};
      for (int i = 0; i < names.length; i++) {
        byte[] utf = names[i].getBytes(StandardCharsets.UTF_8);
        record(out, 0x01, 4 + utf.length);
        out.writeInt(i + 1);
        out.write(utf);
      }
      for (int i = 0; i < names.length; i++) {
        record(out, 0x02, 16);
        out.writeInt(i + 1);
        out.writeInt(classIds[i]);
        out.writeInt(1);
        out.writeInt(i + 1);
      }
      // Classes, roots and leaves: 3 class dumps of 43 bytes, 5 bytes per root, 17 per leaf.
      int total = arrays * leaves;
      record(out, 0x1c, 3 * 43 + arrays * 5 + total * 17);
      for (int i = 0; i < names.length; i++) {
        out.writeByte(0x20);
        out.writeInt(classIds[i]);
        out.writeInt(1);
        out.writeInt(i == 0 ? 0 : OBJECT_CLASS);
        for (int k = 0; k < 5; k++) {
          out.writeInt(0);
        }
        out.writeInt(0);
        out.writeShort(0);
        out.writeShort(0);
        out.writeShort(0);
      }
      for (int j = 0; j < arrays; j++) {
        out.writeByte(0xff);
        out.writeInt(FIRST_ARRAY + 16 * j);
      }
      for (int i = 0; i < total; i++) {
        out.writeByte(0x21);
        out.writeInt(FIRST_LEAF + 16 * i);
        out.writeInt(1);
        out.writeInt(LEAF_CLASS);
        out.writeInt(0);
      }
      byte[] block = new byte[4 * leaves];
      for (int j = 0; j < arrays; j++) {
        for (int i = 0; i < leaves; i++) {
          int id = FIRST_LEAF + 16 * (j * leaves + i);
          block[4 * i] = (byte) (id >>> 24);
          block[4 * i + 1] = (byte) (id >>> 16);
          block[4 * i + 2] = (byte) (id >>> 8);
          block[4 * i + 3] = (byte) id;
        }
        record(out, 0x1c, 17 + 4L * length);
        out.writeByte(0x22);
        out.writeInt(FIRST_ARRAY + 16 * j);
        out.writeInt(1);
        out.writeInt(length);
        out.writeInt(ARRAY_CLASS);
        for (long written = 0; written < length; written += leaves) {
          out.write(block, 0, (int) (4 * Math.min(leaves, length - written)));
        }
        System.err.printf("array %d of %d written%n", j + 1, arrays);
      }
      record(out, 0x2c, 0);
    }
  }

  private static void record(DataOutputStream out, int tag, long length) throws IOException {
    out.writeByte(tag);
    out.writeInt(0);
    out.writeInt((int) length);
  }

  /**
   * gzip at the default level: arrays repeat one short block, which it finds in its window (level 1
   * does not look far enough along its hash chains to, and stays four times bigger and slower).
   */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.DEFAULT_COMPRESSION);
    }
  }
}
