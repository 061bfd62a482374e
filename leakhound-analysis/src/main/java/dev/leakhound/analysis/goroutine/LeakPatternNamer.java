package dev.leakhound.analysis.goroutine;

import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.analysis.source.SourceLines;
import dev.leakhound.formats.goroutine.Frame;
import dev.leakhound.formats.goroutine.GoNames;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names the {@link LeakPattern} of a suspect goroutine group, from the dump and, when the source is
 * at hand, from the line the goroutines wait on and their functions' signatures:
 *
 * <ol>
 *   <li>request context held: a goroutine that is not serving a request ({@code
 *       net/http.(*conn).serve} is not on its stack) but runs {@code gin.(*Context)} methods, or
 *       whose functions take a {@code *gin.Context}, {@code echo.Context}, {@code *fiber.Ctx},
 *       {@code *http.Request} or {@code http.ResponseWriter};
 *   <li>ticker never stopped: {@code time.(*Ticker)}, {@code time.NewTicker} or {@code time.Tick}
 *       on the stack or as the creator, or a wait line (or a case of the select) that receives from
 *       a ticker's channel ({@code ticker.C});
 *   <li>by state: {@code chan send} is a send nobody receives, {@code chan receive} a receive
 *       nobody sends on, {@code select} a select without a cancellation case, the mutex states a
 *       lock held too long; an unknown state (count profiles) is read off the wait line.
 * </ol>
 *
 * <p>Stateless apart from the source it reads; thread-safe when the source is.
 */
final class LeakPatternNamer {
  /** How far above a wait line its {@code func} line may be. */
  private static final int MAX_FUNCTION_LINES = 400;

  /** How many lines after {@code select {} its cases are looked for. */
  private static final int MAX_SELECT_LINES = 40;

  private static final Pattern TICKER_RECEIVE =
      Pattern.compile("(?i)tick\\w*\\.C\\b|time\\.Tick\\(|NewTicker\\(");
  private static final Pattern REQUEST_PARAMETER =
      Pattern.compile(
          "\\*gin\\.Context\\b|\\becho\\.Context\\b|\\*fiber\\.Ctx\\b|\\*http\\.Request\\b"
              + "|\\bhttp\\.ResponseWriter\\b");

  /** A pattern and the evidence for it, in words, or null evidence when the state alone says. */
  record Naming(LeakPattern pattern, String evidence) {}

  private final SourceLines source;

  LeakPatternNamer(SourceLines source) {
    this.source = source;
  }

  Naming name(String state, List<Frame> stack, Frame createdBy) {
    boolean servingRequest = false;
    for (Frame f : stack) {
      servingRequest |= f.function().equals("net/http.(*conn).serve");
    }
    Frame wait = waitFrame(stack);
    if (!servingRequest) {
      for (Frame f : stack) {
        if (f.function().startsWith("github.com/gin-gonic/gin.(*Context).")) {
          return new Naming(
              LeakPattern.REQUEST_CONTEXT_HELD, "it runs " + f.function() + " outside any request");
        }
      }
      for (Frame f : stack) {
        if (!isUserCode(f)) {
          continue;
        }
        int at = functionLine(f);
        String signature = at < 1 ? null : source.line(f.file(), at);
        if (signature != null && REQUEST_PARAMETER.matcher(signature).find()) {
          return new Naming(
              LeakPattern.REQUEST_CONTEXT_HELD,
              "its function takes the request: `"
                  + signature.strip()
                  + "` ("
                  + new Frame(f.function(), f.file(), at).shortPosition()
                  + ")");
        }
      }
    }
    for (Frame f : createdBy == null ? stack : append(stack, createdBy)) {
      String fn = f.function();
      if (fn.startsWith("time.(*Ticker)")
          || fn.equals("time.NewTicker")
          || fn.equals("time.Tick")) {
        return new Naming(LeakPattern.TICKER_NEVER_STOPPED, "a ticker frame: " + fn);
      }
    }
    String waitLine = wait == null ? null : source.line(wait.file(), wait.line());
    if (waitLine != null) {
      String ticker = tickerLine(wait, waitLine);
      if (ticker != null) {
        return new Naming(
            LeakPattern.TICKER_NEVER_STOPPED,
            "it waits on a ticker's channel: `"
                + ticker.strip()
                + "` ("
                + wait.shortPosition()
                + ")");
      }
    }
    LeakPattern byState = byState(state);
    if (byState == LeakPattern.UNKNOWN && waitLine != null) {
      LeakPattern byLine = byWaitLine(waitLine);
      if (byLine != LeakPattern.UNKNOWN) {
        return new Naming(
            byLine,
            "the wait line reads `" + waitLine.strip() + "` (" + wait.shortPosition() + ")");
      }
    }
    return new Naming(byState, null);
  }

  static LeakPattern byState(String state) {
    if (state.startsWith("chan send")) {
      return LeakPattern.BLOCKED_SEND_NO_RECEIVER;
    }
    if (state.startsWith("chan receive")) {
      return LeakPattern.BLOCKED_RECEIVE_NO_SENDER;
    }
    if (state.startsWith("select")) {
      return LeakPattern.SELECT_WITHOUT_CANCELLATION;
    }
    if (state.startsWith("sync.Mutex.Lock")
        || state.startsWith("sync.RWMutex.")
        || state.equals("semacquire")) {
      return LeakPattern.BLOCKED_ON_LOCK;
    }
    return LeakPattern.UNKNOWN;
  }

  private static LeakPattern byWaitLine(String line) {
    String code = line.strip();
    if (code.startsWith("select {") || code.equals("select{")) {
      return LeakPattern.SELECT_WITHOUT_CANCELLATION;
    }
    if (code.contains(".Lock()") || code.contains(".RLock()")) {
      return LeakPattern.BLOCKED_ON_LOCK;
    }
    if (code.matches(".*(^|[=(,\\s])<-.*") || code.startsWith("for range ")) {
      return LeakPattern.BLOCKED_RECEIVE_NO_SENDER;
    }
    if (code.matches("[\\w.\\[\\]()]+\\s*<-.*")) {
      return LeakPattern.BLOCKED_SEND_NO_RECEIVER;
    }
    return LeakPattern.UNKNOWN;
  }

  /** The wait line itself, or the case of the select under it, that receives from a ticker. */
  private String tickerLine(Frame wait, String waitLine) {
    if (TICKER_RECEIVE.matcher(waitLine).find()) {
      return waitLine;
    }
    if (!waitLine.strip().startsWith("select")) {
      return null;
    }
    for (int i = 1; i <= MAX_SELECT_LINES; i++) {
      String next = source.line(wait.file(), wait.line() + i);
      if (next == null || next.startsWith("}") || next.startsWith("func ")) {
        return null;
      }
      if (next.strip().startsWith("case") && TICKER_RECEIVE.matcher(next).find()) {
        return next;
      }
    }
    return null;
  }

  /** The number of the {@code func ...} line holding the frame, from the source, or -1. */
  private int functionLine(Frame frame) {
    for (int i = 0; i < MAX_FUNCTION_LINES && frame.line() - i >= 1; i++) {
      String line = source.line(frame.file(), frame.line() - i);
      if (line == null) {
        return -1;
      }
      if (line.startsWith("func ")) {
        return frame.line() - i;
      }
    }
    return -1;
  }

  /** The frame the goroutines wait in: the first one outside the runtime. */
  static Frame waitFrame(List<Frame> stack) {
    for (Frame f : stack) {
      if (!GoNames.isRuntime(f.function()) && !isPseudo(f)) {
        return f;
      }
    }
    return null;
  }

  static boolean isUserCode(Frame f) {
    return !isPseudo(f) && !GoNames.isStandardLibrary(f.function());
  }

  /** The runtime's markers that are not functions: elided frames, unsymbolized pcs. */
  static boolean isPseudo(Frame f) {
    String fn = f.function();
    return fn.startsWith("...") || fn.startsWith("0x") || fn.equals("?");
  }

  private static List<Frame> append(List<Frame> stack, Frame last) {
    List<Frame> out = new java.util.ArrayList<>(stack);
    out.add(last);
    return out;
  }
}
