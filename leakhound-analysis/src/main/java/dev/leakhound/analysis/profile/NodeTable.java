package dev.leakhound.analysis.profile;

import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Mapping;
import dev.leakhound.formats.pprof.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report nodes of a profile at a granularity, as pprof's {@code graph.CreateNodes} after {@code
 * Aggregate}: one node per distinct function (or function and line), each location mapped to the
 * nodes of its lines (innermost inlined call first). Locations without lines become a node for
 * their binary, or {@code <unknown>}.
 *
 * <p>Immutable after construction. Cost: one pass over the locations; samples are not touched.
 */
final class NodeTable {
  /** pprof's {@code graph.NodeInfo}, restricted to the fields these granularities use. */
  record Info(String name, String file, long startLine, long lineno, String objfile) {
    /** pprof's {@code PrintableName}. */
    String printableName() {
      StringBuilder s = new StringBuilder();
      if (!name.isEmpty()) {
        s.append(name);
      }
      String extra;
      if (lineno != 0) {
        extra = file + ":" + lineno;
      } else if (!file.isEmpty()) {
        extra = file;
      } else if (!name.isEmpty()) {
        extra = null;
      } else if (!objfile.isEmpty()) {
        extra = "[" + baseName(objfile) + "]";
      } else {
        extra = "<unknown>";
      }
      if (extra != null) {
        if (!s.isEmpty()) {
          s.append(' ');
        }
        s.append(extra);
      }
      return s.toString();
    }

    /** Go's {@code fmt.Sprint} of the full NodeInfo: pprof's last tie-breaker. */
    String goSprint() {
      return "{" + name + "  0 " + file + " " + startLine + " " + lineno + " 0 " + objfile + "}";
    }
  }

  final List<Info> infos = new ArrayList<>();

  /** Where the representative function of each node came from (file and start line for JSON). */
  final List<Function> functions = new ArrayList<>();

  /** locationNodes[loc] = node ids of the location's lines, innermost first. */
  final int[][] locationNodes;

  NodeTable(Profile p, Granularity granularity) {
    Map<Info, Integer> ids = new HashMap<>();
    locationNodes = new int[p.locations().size()][];
    for (int i = 0; i < locationNodes.length; i++) {
      Location l = p.locations().get(i);
      Mapping m = p.mappingOf(l);
      String objfile = m == null ? "" : m.filename();
      if (l.lines().isEmpty()) {
        locationNodes[i] = new int[] {id(ids, new Info("", "", 0, 0, objfile), null)};
        continue;
      }
      int[] nodes = new int[l.lines().size()];
      for (int k = 0; k < nodes.length; k++) {
        Line line = l.lines().get(k);
        Function f = p.functionOf(line);
        nodes[k] = id(ids, info(f, line, objfile, granularity), f);
      }
      locationNodes[i] = nodes;
    }
  }

  int size() {
    return infos.size();
  }

  private int id(Map<Info, Integer> ids, Info info, Function f) {
    Integer id = ids.get(info);
    if (id == null) {
      id = infos.size();
      ids.put(info, id);
      infos.add(info);
      functions.add(f);
    }
    return id;
  }

  private static Info info(Function f, Line line, String objfile, Granularity granularity) {
    boolean lines = granularity == Granularity.LINE;
    String file = lines && !f.filename().isEmpty() ? cleanPath(trimPath(f.filename())) : "";
    long lineno = lines ? line.line() : 0;
    if (f.name().isEmpty()) {
      return new Info("", file, f.startLine(), lineno, objfile);
    }
    return new Info(f.name(), file, 0, lineno, "");
  }

  /** pprof's default {@code trimPath}: strips the {@code /proc/self/cwd/} prefixes. */
  private static String trimPath(String path) {
    for (String prefix : List.of("/proc/self/cwd/./", "/proc/self/cwd/")) {
      if (path.startsWith(prefix)) {
        return path.substring(prefix.length());
      }
    }
    return path;
  }

  /** Go's {@code filepath.Clean} (Unix): lexical, no file system access. */
  static String cleanPath(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add("..");
        }
        continue;
      }
      out.add(part);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** Go's {@code filepath.Base}. */
  static String baseName(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = p.lastIndexOf('/');
    return slash >= 0 && p.length() > 1 ? p.substring(slash + 1) : p;
  }
}
