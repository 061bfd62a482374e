package dev.leakhound.analysis.goroutine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leakhound.analysis.pattern.LeakPattern;
import dev.leakhound.analysis.source.SourceLines;
import dev.leakhound.formats.goroutine.GoroutineDump;
import dev.leakhound.formats.goroutine.GoroutineDumpReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoroutineAnalyzerTest {
  static GoroutineDump dump(String name, String text) throws IOException {
    return new GoroutineDumpReader()
        .read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A full dump of {@code n} goroutines blocked at one site, plus one server goroutine. */
  static String blocked(int n, String state, String function, String file, int line, int firstId) {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        goroutine 1 [IO wait]:
        internal/poll.runtime_pollWait(0x7f, 0x72)
        	/usr/local/go/src/runtime/netpoll.go:351 +0x85
        net/http.(*Server).Serve(0xc000100000, {0x1, 0x2})
        	/usr/local/go/src/net/http/server.go:3434 +0x30b
        main.main()
        	/app/main.go:20 +0x1d

        """);
    for (int i = 0; i < n; i++) {
      out.append("goroutine ")
          .append(firstId + i)
          .append(" [")
          .append(state)
          .append("]:\nruntime.gopark(0x1, 0x2, 0x3, 0x4, 0x5)\n")
          .append("\t/usr/local/go/src/runtime/proc.go:435 +0xce\n")
          .append(function)
          .append("(0xc000010000)\n\t")
          .append(file)
          .append(':')
          .append(line)
          .append(" +0x2f\ncreated by example.com/app/shop.Start in goroutine 1\n")
          .append("\t/app/shop/start.go:9 +0x25\n\n");
    }
    return out.toString();
  }

  /** Snapshots, oldest first, of a group blocked receiving in shop.await, sized as given. */
  static GoroutineReport awaiting(int... counts) throws IOException {
    List<GoroutineDump> dumps = new java.util.ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      dumps.add(
          dump(
              "t" + i,
              blocked(
                  counts[i],
                  "chan receive",
                  "example.com/app/shop.await",
                  "/app/shop/a.go",
                  12,
                  10)));
    }
    return new GoroutineAnalyzer().analyze(dumps);
  }

  /** The top group of two snapshots in which a group grows from 1 to 50 goroutines. */
  static GoroutineGroup growing(
      GoroutineAnalyzer analyzer, String state, String function, String file, int line)
      throws IOException {
    return analyzer
        .analyze(
            List.of(
                dump("t0", blocked(1, state, function, file, line, 10)),
                dump("t1", blocked(50, state, function, file, line, 10))))
        .groups()
        .get(0);
  }

  @Test
  void aGroupThatGrowsWhileBlockedOnAReceiveIsASuspectNamedByItsState() throws IOException {
    GoroutineReport report = awaiting(5, 40);

    GoroutineGroup top = report.groups().get(0);
    assertThat(report.total()).isEqualTo(41);
    assertThat(top.count()).isEqualTo(40);
    assertThat(top.function()).isEqualTo("example.com/app/shop.await");
    assertThat(top.growth()).containsExactly(5L, 40L);
    assertThat(top.suspect()).isTrue();
    assertThat(top.pattern()).isEqualTo(LeakPattern.BLOCKED_RECEIVE_NO_SENDER);
    assertThat(top.reason())
        .isEqualTo(
            "40 goroutines in chan receive at shop.await (a.go:12): grew 5 -> 40 across 2"
                + " snapshots");
    assertThat(top.remedy()).isEqualTo(LeakPattern.BLOCKED_RECEIVE_NO_SENDER.remedy());
    assertThat(top.createdBy().function()).isEqualTo("example.com/app/shop.Start");
    assertThat(report.groups().get(1).suspect()).isFalse();
  }

  @Test
  void theRuntimeFramesOnTopAreLeftOutOfTheGroupsStack() throws IOException {
    GoroutineReport report =
        new GoroutineAnalyzer()
            .analyze(
                List.of(
                    dump(
                        "t0",
                        blocked(
                            2, "select", "example.com/app/shop.loop", "/app/shop/l.go", 3, 10))));

    assertThat(report.groups().get(0).stack())
        .extracting(f -> f.function())
        .containsExactly("example.com/app/shop.loop");
  }

  @Test
  void aGroupThatShrinksIsNotGrowing() throws IOException {
    GoroutineReport report = awaiting(5, 40, 30);

    assertThat(report.groups().get(0).growth()).containsExactly(5L, 40L, 30L);
    assertThat(report.groups().get(0).suspect()).isFalse();
  }

  @Test
  void manyGoroutinesBlockedForLongAreSuspectsInASingleDump() throws IOException {
    String text =
        blocked(60, "select, 25 minutes", "example.com/app/shop.wait", "/app/shop/w.go", 7, 10);

    GoroutineGroup top = new GoroutineAnalyzer().analyze(List.of(dump("t", text))).groups().get(0);

    assertThat(top.maxWaitMinutes()).isEqualTo(25);
    assertThat(top.suspect()).isTrue();
    assertThat(top.pattern()).isEqualTo(LeakPattern.SELECT_WITHOUT_CANCELLATION);
    assertThat(top.reason()).endsWith("60 have been blocked for up to 25 minutes");
  }

  @Test
  void aSmallIdlePoolWaitingForWorkIsNotASuspect() throws IOException {
    String text =
        blocked(
            8, "chan receive, 600 minutes", "example.com/app/pool.worker", "/app/pool/w.go", 7, 10);

    GoroutineReport report = new GoroutineAnalyzer().analyze(List.of(dump("t", text)));

    assertThat(report.suspects()).isZero();
  }

  @Test
  void serversWaitingForIoAreNeverSuspectsHoweverManyAndLong() throws IOException {
    String text =
        blocked(
            500,
            "IO wait, 90 minutes",
            "net/http.(*conn).serve",
            "/usr/local/go/src/net/http/server.go",
            2067,
            10);

    GoroutineReport report =
        new GoroutineAnalyzer()
            .analyze(List.of(dump("t", text), dump("t2", text.replace("500", "500"))));

    assertThat(report.suspects()).isZero();
  }

  @Test
  void aGoroutineleakProfileGivenBesideADumpMarksTheGroupsItLists() throws IOException {
    GoroutineDump full =
        dump(
            "g.txt",
            blocked(3, "chan send", "example.com/app/shop.publish", "/app/shop/p.go", 21, 10));
    GoroutineDump listing =
        dump(
            "leak.txt",
            """
            goroutineleak profile: total 3
            3 @ 0x49012e 0x41e62e 0x41e152 0xe805f0 0x497f41
            #	0xe805ef	example.com/app/shop.publish+0x2f	/app/shop/p.go:21
            """);

    GoroutineReport report = new GoroutineAnalyzer().analyze(List.of(full, listing));

    GoroutineGroup top = report.groups().get(0);
    assertThat(report.total()).isEqualTo(4);
    assertThat(report.dumps())
        .extracting(GoroutineReport.DumpSummary::role)
        .containsExactly("snapshot", "leak-listing");
    assertThat(top.leaked()).isEqualTo(3);
    assertThat(top.pattern()).isEqualTo(LeakPattern.BLOCKED_SEND_NO_RECEIVER);
    assertThat(top.reason()).contains("the goroutineleak profile lists all 3");
  }

  @Test
  void aCountProfileAndALaterFullDumpOfTheSameProgramLineUp() throws IOException {
    GoroutineDump counts =
        dump(
            "t0.txt",
            """
            goroutine profile: total 4
            4 @ 0x49012e 0x41e62e 0x41e152 0xe805f0 0x497f41
            #	0xe805ef	example.com/app/shop.await+0x2f	/app/shop/a.go:12
            """);
    GoroutineDump full =
        dump(
            "t1.txt",
            blocked(30, "chan receive", "example.com/app/shop.await", "/app/shop/a.go", 12, 10));

    GoroutineGroup top = new GoroutineAnalyzer().analyze(List.of(counts, full)).groups().get(0);

    assertThat(top.state()).isEqualTo("chan receive");
    assertThat(top.growth()).containsExactly(4L, 30L);
    assertThat(top.suspect()).isTrue();
  }

  @Test
  void theFunctionIsTheFirstFrameOutsideTheStandardLibrary() throws IOException {
    String text =
        """
        goroutine 7 [sync.Mutex.Lock]:
        internal/sync.runtime_SemacquireMutex(0xc0000b8004, 0x0, 0x1)
        	/usr/local/go/src/runtime/sema.go:95 +0x25
        internal/sync.(*Mutex).lockSlow(0xc0000b8000)
        	/usr/local/go/src/internal/sync/mutex.go:149 +0x15d
        sync.(*Mutex).Lock(...)
        	/usr/local/go/src/sync/mutex.go:46
        github.com/acme/cache.(*LRU[...]).Get(0xc0000b8000, {0x5, 0x1})
        	/go/pkg/mod/github.com/acme/cache@v1.2.0/lru.go:31 +0x5b
        main.handler(...)
        	/app/main.go:40
        """;

    GoroutineGroup g = new GoroutineAnalyzer().analyze(List.of(dump("t", text))).groups().get(0);

    assertThat(g.function()).isEqualTo("github.com/acme/cache.(*LRU[...]).Get");
    assertThat(g.location()).isEqualTo("/go/pkg/mod/github.com/acme/cache@v1.2.0/lru.go:31");
    assertThat(g.stack().get(0).function()).isEqualTo("internal/sync.runtime_SemacquireMutex");
  }

  @Test
  void theSourceNamesATickerAndARequestContextThatTheDumpCannotShow() throws IOException {
    Map<String, List<String>> files =
        Map.of(
            "/app/shop/price.go",
            List.of(
                "package shop",
                "",
                "func (w *Watcher) refresh() {",
                "\tfor range w.ticker.C {",
                "\t}",
                "}"),
            "/app/shop/audit.go",
            List.of(
                "package shop",
                "",
                "func (t *Trail) ship(c *gin.Context) {",
                "\tfor {",
                "\t\tselect {",
                "\t\tcase <-t.done:"));
    SourceLines source =
        (file, line) -> {
          List<String> lines = files.get(file);
          return lines == null || line > lines.size() ? null : lines.get(line - 1);
        };
    GoroutineAnalyzer analyzer = new GoroutineAnalyzer(SuspectRules.DEFAULT, source);

    GoroutineGroup ticker =
        growing(
            analyzer,
            "chan receive",
            "example.com/app/shop.(*Watcher).refresh",
            "/app/shop/price.go",
            4);
    GoroutineGroup context =
        growing(analyzer, "select", "example.com/app/shop.(*Trail).ship", "/app/shop/audit.go", 5);

    assertThat(ticker.pattern()).isEqualTo(LeakPattern.TICKER_NEVER_STOPPED);
    assertThat(ticker.reason())
        .endsWith("it waits on a ticker's channel: `for range w.ticker.C {` (price.go:4)");
    assertThat(context.pattern()).isEqualTo(LeakPattern.REQUEST_CONTEXT_HELD);
    assertThat(context.reason())
        .endsWith(
            "its function takes the request: `func (t *Trail) ship(c *gin.Context) {` (audit.go:3)");
  }

  @Test
  void withoutSourceTheSameGroupsAreNamedByTheirState() throws IOException {
    GoroutineGroup g =
        growing(
            new GoroutineAnalyzer(),
            "select",
            "example.com/app/shop.(*Trail).ship",
            "/app/shop/audit.go",
            5);

    assertThat(g.pattern()).isEqualTo(LeakPattern.SELECT_WITHOUT_CANCELLATION);
  }
}
