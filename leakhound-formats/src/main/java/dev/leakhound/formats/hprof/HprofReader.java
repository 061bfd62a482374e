package dev.leakhound.formats.hprof;

import dev.leakhound.formats.io.CountingInputStream;
import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.progress.CancelSignal;
import dev.leakhound.formats.progress.ProgressListener;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streams over an HPROF heap dump (versions 1.0.1, 1.0.2 and 1.0.3, identifiers of 4 or 8 bytes,
 * one HEAP_DUMP record or HEAP_DUMP_SEGMENTs closed by HEAP_DUMP_END, plain or gzipped as {@code
 * jcmd GC.heap_dump -gz=N} writes them) and hands every record to an {@link HprofVisitor}.
 *
 * <p>A plain file is read through a {@link FileChannel} into one direct buffer with explicit
 * refills (large contents the visitor does not want are skipped by moving the channel), so a pass
 * runs at disk speed and files of any size work: every offset is a {@code long}. A gzipped file
 * cannot be mapped or skipped, so it is decompressed as a stream. Nothing is allocated per object.
 *
 * <p>Bad data fails with {@link InputFormatException} naming the byte offset (in the decompressed
 * dump). A dump that simply ends early (an interrupted {@code jcmd}) is not an error: the pass
 * delivers everything before the cut and says where it was in its {@link HprofReadResult}.
 *
 * <p>One reader makes one pass; open a new one for the next. Not thread-safe (single-threaded by
 * design, like async-profiler's JfrReader).
 */
public final class HprofReader implements Closeable {
  private static final int BUFFER_SIZE = 1 << 22;
  private static final int PROGRESS_EVERY = 1 << 24;
  private static final String STEP = "reading heap dump";
  private static final String MAGIC = "JAVA PROFILE 1.0.";

  private static final int TAG_STRING = 0x01;
  private static final int TAG_LOAD_CLASS = 0x02;
  private static final int TAG_HEAP_DUMP = 0x0c;
  private static final int TAG_HEAP_DUMP_SEGMENT = 0x1c;
  private static final int TAG_HEAP_DUMP_END = 0x2c;
  private static final int MAX_TOP_LEVEL_TAG = 0x0e;

  private final String source;
  private final FileChannel file;
  private final InputStream stream;
  private final CountingInputStream compressed;
  private final long inputSize;
  private final ByteBuffer buf;
  private final HprofHeader header;
  private final int idSize;
  private int pos;
  private int limit;
  private long bufferStart;
  private boolean eof;
  private boolean used;
  private long nextProgress;
  private ProgressListener progress = ProgressListener.NONE;
  private CancelSignal cancel = CancelSignal.NEVER;

  private HprofReader(
      String source,
      FileChannel file,
      InputStream stream,
      CountingInputStream compressed,
      long inputSize,
      ByteBuffer buf)
      throws IOException {
    this.source = source;
    this.file = file;
    this.stream = stream;
    this.compressed = compressed;
    this.inputSize = inputSize;
    this.buf = buf;
    this.header = readHeader();
    this.idSize = header.identifierSize();
  }

  /**
   * Opens a dump file, decompressing it when it starts with the gzip magic bytes, and reads its
   * header. Closes the file when the header is bad.
   */
  public static HprofReader open(Path path) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      ByteBuffer magic = ByteBuffer.allocate(2);
      channel.read(magic, 0);
      if (magic.position() == 2 && (magic.get(0) & 0xff) == 0x1f && (magic.get(1) & 0xff) == 0x8b) {
        long size = channel.size();
        channel.close();
        return openStream(path.toString(), Files.newInputStream(path), size);
      }
      return new HprofReader(
          path.toString(),
          channel,
          null,
          null,
          channel.size(),
          ByteBuffer.allocateDirect(BUFFER_SIZE));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Reads a dump from a stream (standard input, a network body), gunzipping it when it starts with
   * the gzip magic. {@code size} is the stream's length for progress, or -1.
   */
  public static HprofReader openStream(String source, InputStream in, long size)
      throws IOException {
    CountingInputStream counted = new CountingInputStream(in);
    BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    InputStream content = buffered;
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        content = new GZIPInputStream(buffered, 1 << 16);
      } catch (IOException e) {
        in.close();
        throw InputFormatException.atByte(source, 0, "a valid gzip header", e);
      }
    }
    try {
      return new HprofReader(
          source, null, content, counted, size, ByteBuffer.allocate(BUFFER_SIZE));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The header read when the reader was opened. */
  public HprofHeader header() {
    return header;
  }

  /**
   * Streams the whole dump into {@code visitor}, reporting progress in bytes of input and polling
   * {@code cancel} at every buffer refill.
   *
   * @throws InputFormatException when the dump is malformed, with the offset of the bad record
   * @throws java.util.concurrent.CancellationException when cancelled
   */
  public HprofReadResult read(HprofVisitor visitor, ProgressListener progress, CancelSignal cancel)
      throws IOException {
    if (used) {
      throw new IllegalStateException("an HprofReader makes one pass; open another");
    }
    used = true;
    this.progress = progress;
    this.cancel = cancel;
    visitor.header(header);
    boolean contents = visitor.wantsContents();
    boolean segmented = false;
    boolean ended = false;
    long recordStart = offset();
    String reading = "a record header";
    try {
      while (true) {
        recordStart = offset();
        reading = "a record header";
        if (!request(9)) {
          if (limit > pos) {
            return truncated(recordStart, reading);
          }
          break;
        }
        int tag = u1();
        pos += 4;
        long length = u4();
        if (tag == 0
            || (tag > MAX_TOP_LEVEL_TAG
                && tag != TAG_HEAP_DUMP_SEGMENT
                && tag != TAG_HEAP_DUMP_END)) {
          throw bad(recordStart, "a record tag (0x01-0x0e, 0x1c or 0x2c), not 0x" + hex(tag));
        }
        long end = offset() + length;
        switch (tag) {
          case TAG_STRING -> {
            reading = "a string record";
            readString(recordStart, length, visitor);
          }
          case TAG_LOAD_CLASS -> {
            reading = "a class record";
            if (length < 8 + 2L * idSize) {
              throw bad(recordStart, "a LOAD_CLASS record of " + (8 + 2 * idSize) + " bytes");
            }
            ensure(8 + 2 * idSize);
            int serial = (int) u4();
            long classId = id();
            int stack = (int) u4();
            long nameId = id();
            visitor.loadClass(serial, classId, stack, nameId);
            skip(end - offset());
          }
          case TAG_HEAP_DUMP, TAG_HEAP_DUMP_SEGMENT -> {
            reading = "a heap dump sub-record";
            segmented |= tag == TAG_HEAP_DUMP_SEGMENT;
            long segmentEnd = tag == TAG_HEAP_DUMP && length == 0 ? Long.MAX_VALUE : end;
            recordStart = readHeapDump(segmentEnd, contents, visitor);
          }
          case TAG_HEAP_DUMP_END -> {
            ended = true;
            skip(length);
          }
          default -> {
            reading = "a record of " + length + " bytes";
            skip(length);
          }
        }
      }
    } catch (EndOfInput e) {
      return truncated(e.at >= 0 ? e.at : recordStart, reading);
    }
    if (segmented && !ended) {
      return new HprofReadResult(offset(), offset(), "the HEAP_DUMP_END record");
    }
    progress.onProgress(STEP, inputSize > 0 ? inputSize : offset(), inputSize);
    return new HprofReadResult(offset(), -1, "");
  }

  private HprofReadResult truncated(long at, String what) {
    return new HprofReadResult(offset(), at, what);
  }

  private void readString(long recordStart, long length, HprofVisitor visitor) throws IOException {
    if (length < idSize) {
      throw bad(recordStart, "a string record of at least " + idSize + " bytes");
    }
    ensure(idSize);
    long id = id();
    long textLength = length - idSize;
    if (textLength <= BUFFER_SIZE / 2) {
      ensure((int) textLength);
      visitor.string(id, buf, pos, (int) textLength);
      pos += (int) textLength;
    } else {
      skip(textLength);
    }
  }

  /** Reads sub-records up to {@code segmentEnd}; returns the offset of the last one started. */
  private long readHeapDump(long segmentEnd, boolean contents, HprofVisitor visitor)
      throws IOException {
    long start = offset();
    while (offset() < segmentEnd) {
      start = offset();
      if (segmentEnd == Long.MAX_VALUE && !request(1)) {
        break;
      }
      try {
        readSubRecord(start, segmentEnd, contents, visitor);
      } catch (EndOfInput e) {
        e.at = start;
        throw e;
      }
      if (offset() > segmentEnd) {
        throw bad(
            start,
            "a sub-record that ends within its heap dump segment (ends at " + segmentEnd + ")");
      }
    }
    return start;
  }

  private void readSubRecord(long start, long segmentEnd, boolean contents, HprofVisitor visitor)
      throws IOException {
    ensure(1 + idSize);
    int tag = u1();
    switch (tag) {
      case 0xff -> root(HprofRootKind.UNKNOWN, 0, visitor);
      case 0x01 -> root(HprofRootKind.JNI_GLOBAL, idSize, visitor);
      case 0x02 -> root(HprofRootKind.JNI_LOCAL, 8, visitor);
      case 0x03 -> root(HprofRootKind.JAVA_FRAME, 8, visitor);
      case 0x04 -> root(HprofRootKind.NATIVE_STACK, 4, visitor);
      case 0x05 -> root(HprofRootKind.STICKY_CLASS, 0, visitor);
      case 0x06 -> root(HprofRootKind.THREAD_BLOCK, 4, visitor);
      case 0x07 -> root(HprofRootKind.MONITOR_USED, 0, visitor);
      case 0x08 -> root(HprofRootKind.THREAD_OBJECT, 8, visitor);
      case 0x89 -> root(HprofRootKind.INTERNED_STRING, 0, visitor);
      case 0x8a -> root(HprofRootKind.FINALIZING, 0, visitor);
      case 0x8b -> root(HprofRootKind.DEBUGGER, 0, visitor);
      case 0x8c -> root(HprofRootKind.REFERENCE_CLEANUP, 0, visitor);
      case 0x8d -> root(HprofRootKind.VM_INTERNAL, 0, visitor);
      case 0x8e -> root(HprofRootKind.JNI_MONITOR, 8, visitor);
      case 0x90 -> root(HprofRootKind.UNREACHABLE, 0, visitor);
      case 0xfe -> {
        // Android HEAP_DUMP_INFO: which heap the following objects live in.
        ensure(4 + idSize);
        pos += 4 + idSize;
      }
      case 0x20 -> readClassDump(start, visitor);
      case 0x21 -> readInstance(start, segmentEnd, contents, visitor);
      case 0x22 -> readObjectArray(start, segmentEnd, contents, visitor);
      case 0x23, 0xc3 ->
          readPrimitiveArray(start, segmentEnd, contents && tag == 0x23, tag == 0xc3, visitor);
      default -> throw bad(start, "a heap dump sub-record tag, not 0x" + hex(tag));
    }
  }

  private void root(HprofRootKind kind, int extra, HprofVisitor visitor) throws IOException {
    long id = id();
    int thread = 0;
    if (extra > 0) {
      ensure(extra);
      if (kind != HprofRootKind.JNI_GLOBAL) {
        thread = (int) u4();
        pos += extra - 4;
      } else {
        pos += extra;
      }
    }
    visitor.gcRoot(kind, id, thread);
  }

  private void readClassDump(long start, HprofVisitor visitor) throws IOException {
    ensure(7 * idSize + 10);
    long classId = id();
    pos += 4;
    long superId = id();
    long loaderId = id();
    pos += 4 * idSize;
    long instanceSize = u4();
    int constants = u2();
    for (int i = 0; i < constants; i++) {
      ensure(3);
      pos += 2;
      HprofType type = type(start, u1());
      ensure(type.size(idSize));
      pos += type.size(idSize);
    }
    ensure(2);
    int statics = u2();
    List<HprofClassDump.StaticField> staticFields = new ArrayList<>(statics);
    for (int i = 0; i < statics; i++) {
      ensure(idSize + 1);
      long name = id();
      HprofType type = type(start, u1());
      ensure(type.size(idSize));
      staticFields.add(new HprofClassDump.StaticField(name, type, value(type)));
    }
    ensure(2);
    int fields = u2();
    List<HprofClassDump.Field> instanceFields = new ArrayList<>(fields);
    for (int i = 0; i < fields; i++) {
      ensure(idSize + 1);
      long name = id();
      instanceFields.add(new HprofClassDump.Field(name, type(start, u1())));
    }
    if (instanceSize > Integer.MAX_VALUE) {
      throw bad(start, "a class instance size below 2^31, not " + instanceSize);
    }
    visitor.classDump(
        new HprofClassDump(
            classId, superId, loaderId, (int) instanceSize, staticFields, instanceFields));
  }

  private void readInstance(long start, long segmentEnd, boolean contents, HprofVisitor visitor)
      throws IOException {
    ensure(2 * idSize + 8);
    long id = id();
    pos += 4;
    long classId = id();
    long length = u4();
    checkFits(start, length, segmentEnd, "instance field data");
    if (contents) {
      if (length > BUFFER_SIZE) {
        throw bad(start, "an instance of at most " + BUFFER_SIZE + " bytes, not " + length);
      }
      int n = (int) length;
      ensure(n);
      visitor.instance(id, classId, buf, pos, n);
      pos += n;
    } else {
      skip(length);
      visitor.instance(id, classId, null, 0, (int) length);
    }
  }

  private void readObjectArray(long start, long segmentEnd, boolean contents, HprofVisitor visitor)
      throws IOException {
    ensure(2 * idSize + 8);
    long id = id();
    pos += 4;
    int length = count(start, u4());
    long classId = id();
    long bytes = (long) length * idSize;
    checkFits(start, bytes, segmentEnd, "object array elements");
    if (!contents) {
      skip(bytes);
      visitor.objectArray(id, classId, length, null, 0, 0, 0);
      return;
    }
    int chunk = BUFFER_SIZE / idSize;
    int first = 0;
    do {
      int n = Math.min(chunk, length - first);
      ensure(n * idSize);
      visitor.objectArray(id, classId, length, buf, pos, first, n);
      pos += n * idSize;
      first += n;
    } while (first < length);
  }

  private void readPrimitiveArray(
      long start, long segmentEnd, boolean contents, boolean noData, HprofVisitor visitor)
      throws IOException {
    ensure(idSize + 9);
    long id = id();
    pos += 4;
    int length = count(start, u4());
    HprofType type = type(start, u1());
    if (type == HprofType.OBJECT) {
      throw bad(start, "a primitive array element type, not an object type");
    }
    long bytes = noData ? 0 : (long) length * type.size(idSize);
    checkFits(start, bytes, segmentEnd, "primitive array elements");
    if (!contents) {
      skip(bytes);
      visitor.primitiveArray(id, type, length, null, 0, 0);
      return;
    }
    int available = (int) Math.min(bytes, BUFFER_SIZE);
    ensure(available);
    visitor.primitiveArray(id, type, length, buf, pos, available);
    pos += available;
    skip(bytes - available);
  }

  private void checkFits(long start, long bytes, long segmentEnd, String what)
      throws InputFormatException {
    if (bytes > segmentEnd - offset()) {
      throw bad(start, what + " that fit in their heap dump segment (" + bytes + " bytes claimed)");
    }
  }

  private int count(long start, long value) throws InputFormatException {
    if (value > Integer.MAX_VALUE) {
      throw bad(start, "an array length below 2^31, not " + value);
    }
    return (int) value;
  }

  private HprofType type(long start, int tag) throws InputFormatException {
    HprofType type = HprofType.ofTagOrNull(tag);
    if (type == null) {
      throw bad(start, "a basic type tag (2 or 4-11), not " + tag);
    }
    return type;
  }

  private long value(HprofType type) {
    long v =
        switch (type) {
          case OBJECT -> idSize == 8 ? buf.getLong(pos) : buf.getInt(pos) & 0xffffffffL;
          case BOOLEAN, BYTE -> buf.get(pos);
          case CHAR -> buf.getChar(pos);
          case SHORT -> buf.getShort(pos);
          case INT, FLOAT -> buf.getInt(pos);
          case LONG, DOUBLE -> buf.getLong(pos);
        };
    pos += type.size(idSize);
    return v;
  }

  // ---- header --------------------------------------------------------------------------------

  private HprofHeader readHeader() throws IOException {
    String what = "an HPROF header (\"JAVA PROFILE 1.0.x\", a NUL, the identifier size, a time)";
    if (!request(MAGIC.length() + 2)) {
      throw InputFormatException.atByte(source, 0, what);
    }
    int nul = -1;
    for (int i = pos; i < Math.min(limit, 32); i++) {
      if (buf.get(i) == 0) {
        nul = i;
        break;
      }
    }
    byte[] text = new byte[nul < 0 ? Math.min(limit, 32) : nul];
    buf.get(0, text);
    String magic = new String(text, StandardCharsets.ISO_8859_1);
    if (nul < 0 || !magic.startsWith(MAGIC)) {
      throw InputFormatException.atByte(source, 0, what);
    }
    String version = magic.substring("JAVA PROFILE ".length());
    if (!version.equals("1.0.1") && !version.equals("1.0.2") && !version.equals("1.0.3")) {
      throw InputFormatException.atByte(
          source, 0, "HPROF version 1.0.1, 1.0.2 or 1.0.3, not " + version);
    }
    pos = nul + 1;
    if (!request(12)) {
      throw InputFormatException.atByte(source, pos, "the identifier size and dump time");
    }
    int size = (int) u4();
    if (size != 4 && size != 8) {
      throw InputFormatException.atByte(
          source, pos - 4, "an identifier size of 4 or 8, not " + size);
    }
    long time = buf.getLong(pos);
    pos += 8;
    return new HprofHeader(version, size, time, pos);
  }

  // ---- buffer --------------------------------------------------------------------------------

  private long offset() {
    return bufferStart + pos;
  }

  private int u1() {
    return buf.get(pos++) & 0xff;
  }

  private int u2() {
    int v = buf.getShort(pos) & 0xffff;
    pos += 2;
    return v;
  }

  private long u4() {
    long v = buf.getInt(pos) & 0xffffffffL;
    pos += 4;
    return v;
  }

  private long id() {
    long v;
    if (idSize == 8) {
      v = buf.getLong(pos);
      pos += 8;
    } else {
      v = buf.getInt(pos) & 0xffffffffL;
      pos += 4;
    }
    return v;
  }

  /** Makes {@code n} bytes available or signals the end of input. */
  private void ensure(int n) throws IOException {
    if (limit - pos < n && !request(n)) {
      throw EndOfInput.at(-1);
    }
  }

  /** Makes {@code n} bytes available; false when the input ends first. */
  private boolean request(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (eof) {
      return false;
    }
    buf.limit(limit).position(pos);
    buf.compact();
    bufferStart += pos;
    limit -= pos;
    pos = 0;
    while (limit < buf.capacity()) {
      int r = readSome();
      if (r < 0) {
        eof = true;
        break;
      }
      limit += r;
    }
    buf.clear();
    afterRefill();
    return limit >= n;
  }

  private int readSome() throws IOException {
    if (file != null) {
      buf.position(limit);
      return file.read(buf);
    }
    try {
      return stream.read(buf.array(), limit, buf.capacity() - limit);
    } catch (EOFException e) {
      // GZIPInputStream's way of saying the compressed stream was cut short.
      return -1;
    } catch (IOException e) {
      String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw InputFormatException.atByte(
          source, bufferStart + limit, "valid gzip data (" + detail + ")", e);
    }
  }

  private void skip(long n) throws IOException {
    if (n <= limit - pos) {
      pos += (int) n;
      return;
    }
    long rest = n - (limit - pos);
    bufferStart += limit;
    pos = 0;
    limit = 0;
    if (file != null) {
      long target = bufferStart + rest;
      if (target > inputSize) {
        bufferStart = inputSize;
        eof = true;
        throw EndOfInput.at(-1);
      }
      file.position(target);
      bufferStart = target;
      afterRefill();
      return;
    }
    while (rest > 0) {
      int want = (int) Math.min(rest, buf.capacity());
      if (!request(want)) {
        bufferStart += limit;
        pos = 0;
        limit = 0;
        throw EndOfInput.at(-1);
      }
      pos = want;
      rest -= want;
    }
  }

  private void afterRefill() {
    cancel.throwIfCancelled();
    long done = compressed != null ? compressed.count() : bufferStart;
    if (done >= nextProgress) {
      nextProgress = done + PROGRESS_EVERY;
      progress.onProgress(STEP, done, inputSize);
    }
  }

  private InputFormatException bad(long at, String expected) {
    return InputFormatException.atByte(source, at, expected);
  }

  private static String hex(int b) {
    return String.format("%02x", b);
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    } else {
      stream.close();
    }
  }

  /** The input ended inside a record; caught in {@link #read} and turned into a partial result. */
  private static final class EndOfInput extends RuntimeException {
    private static final long serialVersionUID = 1L;
    long at;

    private EndOfInput(long at) {
      super("end of input", null, false, false);
      this.at = at;
    }

    static EndOfInput at(long at) {
      return new EndOfInput(at);
    }
  }
}
