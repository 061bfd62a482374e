package dev.leakhound.formats.pprof;

import dev.leakhound.formats.io.InputFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes an uncompressed profile.proto message (google/pprof {@code proto/profile.proto}) into a
 * {@link Profile}, by hand: every field of the current proto, packed and unpacked repeated fields,
 * unknown fields skipped. Checks what pprof's {@code ParseUncompressed} and {@code CheckValid}
 * check, and fails with an {@link InputFormatException} naming the byte offset: bad or truncated
 * varints, wrong wire types, lengths past the enclosing message, a string table whose entry 0 is
 * not empty, string indexes out of range, zero or duplicate ids, lines naming missing functions,
 * samples naming missing locations or with the wrong number of values, concatenated profiles.
 *
 * <p>As pprof does, a location naming a mapping that does not exist is kept without a mapping, and
 * a label with neither a string nor a number (nor a unit) is dropped.
 *
 * <p>Use {@link PprofReader} for files: it gunzips and recognizes the legacy text formats. Not
 * thread-safe (one instance per input); the static entry points are. Cost: one pass over the bytes,
 * then one pass over the decoded samples to resolve ids; memory is about the size of the decoded
 * model.
 */
public final class ProfileProtoReader {
  private final ProtoInput in;
  private final List<String> strings = new ArrayList<>();
  private final ProfileBuilder out = new ProfileBuilder();

  private final LongBuffer valueTypes = new LongBuffer(16); // typeX, unitX, offset
  private final LongBuffer mappings = new LongBuffer(64); // 9 per mapping, see readMapping
  private final LongBuffer functions = new LongBuffer(64); // offset, id, nameX, sysX, fileX, line
  private final LongBuffer locations = new LongBuffer(64); // offset, id, mapping, address, folded,
  // first line, line count
  private final LongBuffer lines = new LongBuffer(64); // functionId, line, column, offset
  private final LongBuffer sampleOffsets = new LongBuffer(1024);
  // Location ids as ints while they fit (they nearly always do): half the memory of longs, and
  // resolved to indexes in place. The first id that does not fit moves them all to longs.
  private int[] narrowIds = new int[8192];
  private int idCount;
  private LongBuffer wideIds;
  private final LongBuffer sampleStackEnds = new LongBuffer(1024);
  private final LongBuffer sampleValues = new LongBuffer(4096);
  private final LongBuffer sampleValueEnds = new LongBuffer(1024);
  private final LongBuffer sampleLabelEnds = new LongBuffer(1024);
  private final LongBuffer labels = new LongBuffer(1024); // keyX, strX, num, unitX, offset
  private final LongBuffer comments = new LongBuffer(4); // index, offset
  private final int[] stringFieldOffset = new int[16];
  private final long[] stringField = new long[16];
  private final int[] periodTypeRaw = {-1, 0, 0};
  private boolean hasTime;

  private ProfileProtoReader(String source, byte[] data, int offset, int length) {
    in = new ProtoInput(source, data, offset, length);
  }

  /** Decodes all of {@code data}; {@code source} names the input in error messages. */
  public static Profile read(String source, byte[] data) throws InputFormatException {
    return read(source, data, 0, data.length);
  }

  /** Decodes {@code length} bytes of {@code data} from {@code offset}. */
  public static Profile read(String source, byte[] data, int offset, int length)
      throws InputFormatException {
    if (length == 0) {
      throw InputFormatException.atByte(source, 0, "a profile.proto message (the input is empty)");
    }
    return new ProfileProtoReader(source, data, offset, length).decode();
  }

  private Profile decode() throws InputFormatException {
    while (in.nextField()) {
      switch (in.field) {
        case 1 -> readValueType("Profile.sample_type", valueTypes);
        case 2 -> readSample();
        case 3 -> readMapping();
        case 4 -> readLocation();
        case 5 -> readFunction();
        case 6 -> readString();
        case 7 -> readStringField(7, "Profile.drop_frames");
        case 8 -> readStringField(8, "Profile.keep_frames");
        case 9 -> {
          if (hasTime) {
            throw in.fail(
                in.tagStart, "one profile (time_nanos appears twice: concatenated profiles?)");
          }
          hasTime = true;
          out.timeNanos(in.readVarintField("Profile.time_nanos"));
        }
        case 10 -> out.durationNanos(in.readVarintField("Profile.duration_nanos"));
        case 11 -> {
          LongBuffer pt = new LongBuffer(3);
          readValueType("Profile.period_type", pt);
          periodTypeRaw[0] = (int) pt.get(2);
          periodTypeRaw[1] = (int) pt.get(0);
          periodTypeRaw[2] = (int) pt.get(1);
        }
        case 12 -> out.period(in.readVarintField("Profile.period"));
        case 13 -> readComments();
        case 14 -> readStringField(14, "Profile.default_sample_type");
        case 15 -> readStringField(15, "Profile.doc_url");
        default -> in.skipField();
      }
    }
    return assemble();
  }

  // ---- field decoders ----

  private void readValueType(String name, LongBuffer into) throws InputFormatException {
    in.expectWireType(ProtoInput.LENGTH_DELIMITED, name);
    int at = in.tagStart;
    int old = in.pushLimit(in.readLengthEnd());
    long type = 0;
    long unit = 0;
    while (in.nextField()) {
      switch (in.field) {
        case 1 -> type = in.readVarintField("ValueType.type");
        case 2 -> unit = in.readVarintField("ValueType.unit");
        default -> in.skipField();
      }
    }
    in.popLimit(old);
    into.add(type);
    into.add(unit);
    into.add(at);
  }

  private void readSample() throws InputFormatException {
    in.expectWireType(ProtoInput.LENGTH_DELIMITED, "Profile.sample");
    sampleOffsets.add(in.tagStart);
    int old = in.pushLimit(in.readLengthEnd());
    while (in.nextField()) {
      switch (in.field) {
        case 1 -> readLocationIds();
        case 2 -> readRepeatedVarints("Sample.value", sampleValues);
        case 3 -> readLabel();
        default -> in.skipField();
      }
    }
    in.popLimit(old);
    // Each sample's stack ends where the next begins: record the running totals.
    sampleStackEnds.add(idCount);
    sampleValueEnds.add(sampleValues.size());
    sampleLabelEnds.add(labels.size() / 5);
  }

  private void readRepeatedVarints(String name, LongBuffer into) throws InputFormatException {
    if (in.wireType == ProtoInput.LENGTH_DELIMITED) {
      int old = in.pushLimit(in.readLengthEnd());
      while (in.hasMore()) {
        into.add(in.readVarint());
      }
      in.popLimit(old);
    } else {
      into.add(in.readVarintField(name));
    }
  }

  private void readLocationIds() throws InputFormatException {
    if (in.wireType == ProtoInput.LENGTH_DELIMITED) {
      int old = in.pushLimit(in.readLengthEnd());
      while (in.hasMore()) {
        addLocationId(in.readVarint());
      }
      in.popLimit(old);
    } else {
      addLocationId(in.readVarintField("Sample.location_id"));
    }
  }

  private void addLocationId(long id) {
    if (wideIds != null) {
      wideIds.add(id);
    } else if (id >= 0 && id <= Integer.MAX_VALUE) {
      if (idCount == narrowIds.length) {
        narrowIds = Arrays.copyOf(narrowIds, idCount * 2);
      }
      narrowIds[idCount] = (int) id;
    } else {
      wideIds = new LongBuffer(Math.max(16, idCount * 2));
      for (int i = 0; i < idCount; i++) {
        wideIds.add(narrowIds[i]);
      }
      wideIds.add(id);
      narrowIds = null;
    }
    idCount++;
  }

  private long locationId(int i) {
    return wideIds != null ? wideIds.get(i) : narrowIds[i];
  }

  private void readLabel() throws InputFormatException {
    in.expectWireType(ProtoInput.LENGTH_DELIMITED, "Sample.label");
    int at = in.tagStart;
    int old = in.pushLimit(in.readLengthEnd());
    long key = 0;
    long str = 0;
    long num = 0;
    long unit = 0;
    while (in.nextField()) {
      switch (in.field) {
        case 1 -> key = in.readVarintField("Label.key");
        case 2 -> str = in.readVarintField("Label.str");
        case 3 -> num = in.readVarintField("Label.num");
        case 4 -> unit = in.readVarintField("Label.num_unit");
        default -> in.skipField();
      }
    }
    in.popLimit(old);
    labels.add(key);
    labels.add(str);
    labels.add(num);
    labels.add(unit);
    labels.add(at);
  }

  private void readMapping() throws InputFormatException {
    in.expectWireType(ProtoInput.LENGTH_DELIMITED, "Profile.mapping");
    int at = in.tagStart;
    int old = in.pushLimit(in.readLengthEnd());
    long[] m = new long[8];
    long flags = 0;
    while (in.nextField()) {
      int f = in.field;
      switch (f) {
        case 1, 2, 3, 4, 5, 6 -> m[f - 1] = in.readVarintField(MAPPING_FIELDS[f - 1]);
        case 7, 8, 9, 10 -> {
          long bit = 1L << (f - 7);
          flags = in.readVarintField(MAPPING_FIELDS[f - 1]) != 0 ? flags | bit : flags & ~bit;
        }
        default -> in.skipField();
      }
    }
    in.popLimit(old);
    mappings.add(at);
    for (int i = 0; i < 6; i++) {
      mappings.add(m[i]);
    }
    mappings.add(flags);
    mappings.add(0);
  }

  private static final String[] MAPPING_FIELDS = {
    "Mapping.id",
    "Mapping.memory_start",
    "Mapping.memory_limit",
    "Mapping.file_offset",
    "Mapping.filename",
    "Mapping.build_id",
    "Mapping.has_functions",
    "Mapping.has_filenames",
    "Mapping.has_line_numbers",
    "Mapping.has_inline_frames",
  };

  private void readLocation() throws InputFormatException {
    in.expectWireType(ProtoInput.LENGTH_DELIMITED, "Profile.location");
    int at = in.tagStart;
    int old = in.pushLimit(in.readLengthEnd());
    long id = 0;
    long mapping = 0;
    long address = 0;
    long folded = 0;
    int firstLine = lines.size() / 4;
    while (in.nextField()) {
      switch (in.field) {
        case 1 -> id = in.readVarintField("Location.id");
        case 2 -> mapping = in.readVarintField("Location.mapping_id");
        case 3 -> address = in.readVarintField("Location.address");
        case 4 -> readLine();
        case 5 -> folded = in.readVarintField("Location.is_folded") != 0 ? 1 : 0;
        default -> in.skipField();
      }
    }
    in.popLimit(old);
    locations.add(at);
    locations.add(id);
    locations.add(mapping);
    locations.add(address);
    locations.add(folded);
    locations.add(firstLine);
    locations.add(lines.size() / 4 - firstLine);
  }

  private void readLine() throws InputFormatException {
    in.expectWireType(ProtoInput.LENGTH_DELIMITED, "Location.line");
    int at = in.tagStart;
    int old = in.pushLimit(in.readLengthEnd());
    long function = 0;
    long line = 0;
    long column = 0;
    while (in.nextField()) {
      switch (in.field) {
        case 1 -> function = in.readVarintField("Line.function_id");
        case 2 -> line = in.readVarintField("Line.line");
        case 3 -> column = in.readVarintField("Line.column");
        default -> in.skipField();
      }
    }
    in.popLimit(old);
    lines.add(function);
    lines.add(line);
    lines.add(column);
    lines.add(at);
  }

  private void readFunction() throws InputFormatException {
    in.expectWireType(ProtoInput.LENGTH_DELIMITED, "Profile.function");
    int at = in.tagStart;
    int old = in.pushLimit(in.readLengthEnd());
    long[] f = new long[5];
    while (in.nextField()) {
      switch (in.field) {
        case 1 -> f[0] = in.readVarintField("Function.id");
        case 2 -> f[1] = in.readVarintField("Function.name");
        case 3 -> f[2] = in.readVarintField("Function.system_name");
        case 4 -> f[3] = in.readVarintField("Function.filename");
        case 5 -> f[4] = in.readVarintField("Function.start_line");
        default -> in.skipField();
      }
    }
    in.popLimit(old);
    functions.add(at);
    for (long v : f) {
      functions.add(v);
    }
  }

  private void readString() throws InputFormatException {
    in.expectWireType(ProtoInput.LENGTH_DELIMITED, "Profile.string_table");
    int at = in.tagStart;
    String s = in.readString();
    if (strings.isEmpty() && !s.isEmpty()) {
      throw in.fail(at, "string_table[0] to be the empty string");
    }
    strings.add(s);
  }

  private void readStringField(int field, String name) throws InputFormatException {
    stringFieldOffset[field] = in.tagStart;
    stringField[field] = in.readVarintField(name);
  }

  private void readComments() throws InputFormatException {
    int at = in.tagStart;
    LongBuffer indexes = new LongBuffer(4);
    readRepeatedVarints("Profile.comment", indexes);
    for (int i = 0; i < indexes.size(); i++) {
      comments.add(indexes.get(i));
      comments.add(at);
    }
  }

  // ---- assembly: resolve strings and ids, with the offsets of what fails ----

  private Profile assemble() throws InputFormatException {
    if (strings.isEmpty()) {
      throw in.fail(
          in.position(), "a string_table (every profile has one; its entry 0 is the empty string)");
    }
    for (int i = 0; i < valueTypes.size(); i += 3) {
      int at = (int) valueTypes.get(i + 2);
      out.addSampleType(
          new ValueType(
              string(valueTypes.get(i), at, "ValueType.type"),
              string(valueTypes.get(i + 1), at, "ValueType.unit")));
    }
    if (periodTypeRaw[0] >= 0) {
      int at = periodTypeRaw[0];
      out.periodType(
          new ValueType(
              string(periodTypeRaw[1], at, "ValueType.type"),
              string(periodTypeRaw[2], at, "ValueType.unit")));
    }
    IdIndex mappingIndex = assembleMappings();
    IdIndex functionIndex = assembleFunctions();
    IdIndex locationIndex = assembleLocations(mappingIndex, functionIndex);
    assembleSamples(locationIndex);
    out.dropFrames(headerString(7, "Profile.drop_frames"));
    out.keepFrames(headerString(8, "Profile.keep_frames"));
    out.defaultSampleType(headerString(14, "Profile.default_sample_type"));
    out.docUrl(headerString(15, "Profile.doc_url"));
    for (int i = 0; i < comments.size(); i += 2) {
      out.addComment(string(comments.get(i), (int) comments.get(i + 1), "Profile.comment"));
    }
    try {
      return out.build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw in.fail(0, "a valid profile (" + e.getMessage() + ")");
    }
  }

  private IdIndex assembleMappings() throws InputFormatException {
    int n = mappings.size() / 9;
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      int b = i * 9;
      int at = (int) mappings.get(b);
      long flags = mappings.get(b + 7);
      ids[i] = mappings.get(b + 1);
      out.addMapping(
          new Mapping(
              ids[i],
              mappings.get(b + 2),
              mappings.get(b + 3),
              mappings.get(b + 4),
              string(mappings.get(b + 5), at, "Mapping.filename"),
              string(mappings.get(b + 6), at, "Mapping.build_id"),
              (flags & 1) != 0,
              (flags & 2) != 0,
              (flags & 4) != 0,
              (flags & 8) != 0));
    }
    return index("mapping", ids, mappings, 9);
  }

  private IdIndex assembleFunctions() throws InputFormatException {
    int n = functions.size() / 6;
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      int b = i * 6;
      int at = (int) functions.get(b);
      ids[i] = functions.get(b + 1);
      out.addFunction(
          new Function(
              ids[i],
              string(functions.get(b + 2), at, "Function.name"),
              string(functions.get(b + 3), at, "Function.system_name"),
              string(functions.get(b + 4), at, "Function.filename"),
              functions.get(b + 5)));
    }
    return index("function", ids, functions, 6);
  }

  private IdIndex assembleLocations(IdIndex mappingIndex, IdIndex functionIndex)
      throws InputFormatException {
    int n = locations.size() / 7;
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      int b = i * 7;
      ids[i] = locations.get(b + 1);
      long mapping = locations.get(b + 2);
      int first = (int) locations.get(b + 5);
      int count = (int) locations.get(b + 6);
      Line[] resolved = new Line[count];
      for (int k = 0; k < count; k++) {
        int lb = (first + k) * 4;
        long function = lines.get(lb);
        if (functionIndex.indexOf(function) < 0) {
          throw in.fail(
              (int) lines.get(lb + 3),
              "a Line.function_id naming a function of the profile, not "
                  + Long.toUnsignedString(function));
        }
        resolved[k] = new Line(function, lines.get(lb + 1), lines.get(lb + 2));
      }
      out.addLocation(
          new Location(
              ids[i],
              // pprof keeps a location whose mapping is missing, without a mapping.
              mappingIndex.indexOf(mapping) >= 0 ? mapping : 0,
              locations.get(b + 3),
              List.of(resolved),
              locations.get(b + 4) != 0));
    }
    return index("location", ids, locations, 7);
  }

  private void assembleSamples(IdIndex locationIndex) throws InputFormatException {
    int n = sampleOffsets.size();
    int types = out.sampleTypes.size();
    if (n > 0 && types == 0) {
      throw in.fail(
          (int) sampleOffsets.get(0), "Profile.sample_type entries (the profile has samples)");
    }
    int[] stackStart = new int[n + 1];
    // Resolve in place when the ids were narrow: the id array becomes the index array.
    int[] stack = wideIds == null ? narrowIds : new int[idCount];
    int[] labelStart = new int[n + 1];
    List<Label> labelList = new ArrayList<>();
    int valueAt = 0;
    int stackAt = 0;
    int labelAt = 0;
    for (int s = 0; s < n; s++) {
      int at = (int) sampleOffsets.get(s);
      int valueEnd = (int) sampleValueEnds.get(s);
      if (valueEnd - valueAt != types) {
        throw in.fail(
            at,
            "one Sample.value per sample type ("
                + types
                + " types), not "
                + (valueEnd - valueAt)
                + " values");
      }
      valueAt = valueEnd;
      int stackEnd = (int) sampleStackEnds.get(s);
      for (; stackAt < stackEnd; stackAt++) {
        long id = locationId(stackAt);
        int index = locationIndex.indexOf(id);
        if (index < 0) {
          throw in.fail(
              at,
              "a Sample.location_id naming a location of the profile, not "
                  + Long.toUnsignedString(id));
        }
        stack[stackAt] = index;
      }
      stackStart[s + 1] = stackEnd;
      int labelEnd = (int) sampleLabelEnds.get(s);
      for (; labelAt < labelEnd; labelAt++) {
        Label label = label(labelAt * 5);
        if (label != null) {
          labelList.add(label);
        }
      }
      labelStart[s + 1] = labelList.size();
    }
    out.sampleCount = n;
    out.values = sampleValues.toArray();
    out.stackStart = stackStart;
    out.stackLocations = stack;
    out.labelStart = labelStart;
    out.labels = labelList.toArray(new Label[0]);
  }

  private Label label(int b) throws InputFormatException {
    int at = (int) labels.get(b + 4);
    String key = string(labels.get(b), at, "Label.key");
    long str = labels.get(b + 1);
    long num = labels.get(b + 2);
    long unit = labels.get(b + 3);
    if (str != 0) {
      return Label.of(key, string(str, at, "Label.str"));
    }
    if (num != 0 || unit != 0) {
      return Label.ofNumber(key, num, string(unit, at, "Label.num_unit"));
    }
    return null; // pprof drops a label with neither value nor unit
  }

  private IdIndex index(String what, long[] ids, LongBuffer raw, int stride)
      throws InputFormatException {
    int[] problem = new int[1];
    IdIndex index = IdIndex.of(ids, problem);
    if (problem[0] >= 0) {
      long id = ids[problem[0]];
      int at = (int) raw.get(problem[0] * stride);
      throw in.fail(
          at,
          id == 0
              ? "a nonzero " + what + " id (0 is reserved)"
              : "a unique "
                  + what
                  + " id ("
                  + Long.toUnsignedString(id)
                  + " appears "
                  + (Arrays.stream(ids).filter(x -> x == id).count())
                  + " times)");
    }
    return index;
  }

  private String headerString(int field, String name) throws InputFormatException {
    return string(stringField[field], stringFieldOffset[field], name);
  }

  private String string(long index, int at, String name) throws InputFormatException {
    if (index < 0 || index >= strings.size()) {
      throw in.fail(
          at,
          "a string_table index below "
              + strings.size()
              + " in "
              + name
              + ", not "
              + Long.toUnsignedString(index));
    }
    return strings.get((int) index);
  }
}
