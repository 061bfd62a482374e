package dev.leakhound.formats.goroutine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoroutineDumpReaderTest {
  static GoroutineDump read(String text) throws IOException {
    return new GoroutineDumpReader()
        .read("dump.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> functions(GoroutineDump dump, int record) {
    List<String> out = new ArrayList<>();
    for (int f : dump.stack(dump.stackId(record))) {
      out.add(dump.frame(f).function());
    }
    return out;
  }

  private static final String EVERY_HEADER =
      """
      goroutine 18 [chan receive]:
      main.worker(0xc000012345?)
      	/src/app/main.go:12 +0x2f
      created by main.start in goroutine 1
      	/src/app/main.go:30 +0x87

      goroutine 19 [select, 12 minutes]:
      main.(*Poller).loop(0xc000100000)
      	/src/app/poll.go:40 +0x1a5
      created by main.(*Poller).Start
      	/src/app/poll.go:22 +0x4f

      goroutine 20 [chan send, locked to thread]:
      main.produce[...](0xc00001c0c0, {0x4b7ad8, 0x3})
      	/src/app/gen.go:7 +0x3d
      main.Run[go.shape.int](...)
      	/src/app/gen.go:15

      goroutine 21 [running (scan)]:
      main.spin.func1()
      	/src/app/spin.go:9 +0x12

      goroutine 22 [syscall]:
      syscall.Syscall(0x0, 0x3, 0xc000200000, 0x1000)
      	/usr/local/go/src/syscall/syscall_linux.go:73 +0x25

      goroutine 23 [IO wait, 5 minutes]:
      internal/poll.runtime_pollWait(0x7f1c2c0e1e48, 0x72)
      	/usr/local/go/src/runtime/netpoll.go:351 +0x85

      goroutine 24 [sync.Mutex.Lock, 3 minutes]:
      internal/sync.(*Mutex).lockSlow(0xc0000b8008)
      	/usr/local/go/src/internal/sync/mutex.go:149 +0x15d
      sync.(*Mutex).Lock(...)
      	/usr/local/go/src/sync/mutex.go:46
      main.(*Store).Put-fm(0xc0000b8000, {0x5, 0x1})
      	/src/app/store.go:31 +0x5b

      goroutine 25 [sync.WaitGroup.Wait]:
      sync.(*WaitGroup).Wait(0xc0000b6010)
      	/usr/local/go/src/sync/waitgroup.go:118 +0x65

      goroutine 26 [sleep, 1 minutes]:
      time.Sleep(0x3b9aca00)
      	/usr/local/go/src/runtime/time.go:363 +0x165

      goroutine 27 [select (leaked), 2 minutes]:
      main.await()
      	/src/app/leak.go:5 +0x20

      goroutine 1 gp=0xc000002380 m=0 mp=0x5a8f00 [running, locked to thread labels:{"handler": "cart, v2]"}]:
      panic({0x4b5e20?, 0xc000014070?})
      	/usr/local/go/src/runtime/panic.go:792 +0x132 fp=0xc000068f38 sp=0xc000068e88 pc=0x46d5b2
      main.main()
      	C:/src/app/main.go:8 +0x1d fp=0xc000068f50 sp=0xc000068f38 pc=0x4a1e1d
      """;

  @Test
  void everyHeaderFormGivesStateWaitAndFlags() throws IOException {
    GoroutineDump dump = read(EVERY_HEADER);

    assertThat(dump.kind()).isEqualTo(DumpKind.FULL);
    assertThat(dump.total()).isEqualTo(11);
    List<String> states = new ArrayList<>();
    for (int r = 0; r < dump.recordCount(); r++) {
      states.add(
          dump.goroutineId(r)
              + " "
              + dump.state(r)
              + " "
              + dump.waitMinutes(r)
              + (dump.lockedToThread(r) ? " locked" : "")
              + (dump.scanning(r) ? " scan" : "")
              + (dump.leaked(r) ? " leaked" : ""));
    }
    assertThat(states)
        .containsExactly(
            "18 chan receive 0",
            "19 select 12",
            "20 chan send 0 locked",
            "21 running 0 scan",
            "22 syscall 0",
            "23 IO wait 5",
            "24 sync.Mutex.Lock 3",
            "25 sync.WaitGroup.Wait 0",
            "26 sleep 1",
            "27 select 2 leaked",
            "1 running 0 locked");
    assertThat(dump.labels(10)).isEqualTo("{\"handler\": \"cart, v2]\"}");
  }

  @Test
  void functionNamesKeepGenericsMethodValuesAndReceiversButLoseArguments() throws IOException {
    GoroutineDump dump = read(EVERY_HEADER);

    assertThat(functions(dump, 2)).containsExactly("main.produce[...]", "main.Run[go.shape.int]");
    assertThat(functions(dump, 6))
        .containsExactly(
            "internal/sync.(*Mutex).lockSlow", "sync.(*Mutex).Lock", "main.(*Store).Put-fm");
    assertThat(functions(dump, 10)).containsExactly("panic", "main.main");
    Frame windows = dump.frame(dump.stack(dump.stackId(10))[1]);
    assertThat(windows).isEqualTo(new Frame("main.main", "C:/src/app/main.go", 8));
    Frame inlined = dump.frame(dump.stack(dump.stackId(2))[1]);
    assertThat(inlined.position()).isEqualTo("/src/app/gen.go:15");
  }

  @Test
  void createdByIsReadInBothTheOldAndTheGo121Form() throws IOException {
    GoroutineDump dump = read(EVERY_HEADER);

    assertThat(dump.frame(dump.creatorFrame(0)))
        .isEqualTo(new Frame("main.start", "/src/app/main.go", 30));
    assertThat(dump.creatorGoroutine(0)).isEqualTo(1);
    assertThat(dump.frame(dump.creatorFrame(1)).function()).isEqualTo("main.(*Poller).Start");
    assertThat(dump.creatorGoroutine(1)).isEqualTo(-1);
    assertThat(dump.creatorFrame(2)).isEqualTo(-1);
  }

  @Test
  void elidedFramesStayInTheStackAsTheRuntimePrintedThem() throws IOException {
    GoroutineDump dump =
        read(
            """
            goroutine 7 [running]:
            main.rec(0x63)
            	/src/r.go:4 +0x1f
            ...30 frames elided...
            main.rec(0x1)
            	/src/r.go:4 +0x1f
            main.main()
            	/src/r.go:9 +0x17
            """);

    assertThat(functions(dump, 0))
        .containsExactly("main.rec", "...30 frames elided...", "main.rec", "main.main");
  }

  @Test
  void identicalStacksShareOneInternedStackWhateverTheirArguments() throws IOException {
    GoroutineDump dump =
        read(
            """
            goroutine 5 [chan receive]:
            main.worker(0xc000010000)
            	/src/w.go:3 +0x2f
            created by main.main in goroutine 1
            	/src/w.go:9 +0x25

            goroutine 6 [chan receive, 4 minutes]:
            main.worker(0xc000020000)
            	/src/w.go:3 +0x2f
            created by main.main in goroutine 1
            	/src/w.go:9 +0x25
            """);

    assertThat(dump.stackId(0)).isEqualTo(dump.stackId(1));
    assertThat(dump.stackCount()).isEqualTo(1);
    assertThat(dump.creatorFrame(0)).isEqualTo(dump.creatorFrame(1));
  }

  @Test
  void aPanicMessageBeforeTheFirstGoroutineAndAnExitStatusAfterAreSkipped() throws IOException {
    GoroutineDump dump =
        read(
            """
            panic: boom

            goroutine 1 [running]:
            main.main()
            	/src/p.go:5 +0x25
            exit status 2
            """);

    assertThat(dump.total()).isEqualTo(1);
    assertThat(dump.skippedLines()).isEqualTo(2);
  }

  @Test
  void aGoroutineRunningOnAnotherThreadHasAnEmptyStack() throws IOException {
    GoroutineDump dump =
        read(
            """
            goroutine 9 [running]:
            	goroutine running on other thread; stack unavailable
            created by main.main in goroutine 1
            	/src/p.go:12 +0x25
            """);

    assertThat(dump.stackDepth(dump.stackId(0))).isZero();
    assertThat(dump.frame(dump.creatorFrame(0)).function()).isEqualTo("main.main");
  }

  @Test
  void aDumpCutInsideAGoroutineKeepsTheCompleteOnesAndSaysItWasCut() throws IOException {
    String whole =
        """
        goroutine 5 [chan receive]:
        main.worker(0xc000010000)
        	/src/w.go:3 +0x2f

        goroutine 6 [chan receive]:
        main.worker(0xc000020000)
        	/src/w.go:3 +0x2f
        """;
    GoroutineDump cutAfterFunction = read(whole.substring(0, whole.indexOf("\t/src/w.go:3", 60)));
    GoroutineDump cutInsideHeader = read(whole.substring(0, whole.indexOf("goroutine 6") + 15));

    assertThat(cutAfterFunction.truncated()).isTrue();
    assertThat(cutAfterFunction.total()).isEqualTo(1);
    assertThat(cutInsideHeader.truncated()).isTrue();
    assertThat(cutInsideHeader.total()).isEqualTo(1);
    assertThat(read(whole).truncated()).isFalse();
  }

  @Test
  void aFunctionLineWithoutItsPositionNamesTheLine() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    goroutine 5 [chan receive]:
                    main.worker(0xc000010000)
                    main.main()
                    	/src/w.go:3 +0x2f
                    """))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("dump.txt: on line 3: expected a tab-indented 'file:line' line");
  }

  @Test
  void aPositionWithoutALineNumberIsBadData() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    goroutine 5 [chan receive]:
                    main.worker(0xc000010000)
                    	/src/w.go +0x2f
                    """))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("dump.txt: on line 3: expected a position 'file:line'");
  }

  @Test
  void aBrokenHeaderAfterTheFirstGoroutineIsBadData() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    goroutine 5 [chan receive]:
                    main.worker(0xc000010000)
                    	/src/w.go:3 +0x2f

                    goroutine x6 [chan receive]:
                    """))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("dump.txt: on line 5: expected a goroutine header");
  }

  @Test
  void textWithoutAnyGoroutineIsNotADump() {
    assertThatThrownBy(() -> read("hello\nworld\n"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("dump.txt: on line 1: expected a goroutine dump");
  }

  private static final String COUNTS =
      """
      goroutine profile: total 6
      3 @ 0x49012e 0x41e62e 0x41e152 0xe805f0 0x497f41
      #	0xe805ef	leakhound.dev/lab/go-shop/shop.awaitReservationConfirmation+0x2f	/lab/shop/inventory_reservations.go:70

      2 @ 0x49012e 0x451497 0x48f305 0x497f41
      # labels: {"route":"/api/cart"}
      #	0x48f304	internal/poll.runtime_pollWait+0x84		/usr/local/go/src/runtime/netpoll.go:351
      #	0x6eb00f	net/http.(*conn).serve+0x68f			/usr/local/go/src/net/http/server.go:2067

      1 @ 0x44d691 0x497f41
      #	0x44d690
      """;

  @Test
  void aCountProfileGivesOneRecordPerStackWithItsCountAndLabels() throws IOException {
    GoroutineDump dump = read(COUNTS);

    assertThat(dump.kind()).isEqualTo(DumpKind.COUNTS);
    assertThat(dump.total()).isEqualTo(6);
    assertThat(dump.declaredTotal()).isEqualTo(6);
    assertThat(dump.recordCount()).isEqualTo(3);
    assertThat(dump.count(0)).isEqualTo(3);
    assertThat(functions(dump, 0))
        .containsExactly("leakhound.dev/lab/go-shop/shop.awaitReservationConfirmation");
    assertThat(dump.frame(dump.stack(dump.stackId(1))[1]))
        .isEqualTo(
            new Frame("net/http.(*conn).serve", "/usr/local/go/src/net/http/server.go", 2067));
    assertThat(dump.labels(1)).isEqualTo("{\"route\":\"/api/cart\"}");
    assertThat(functions(dump, 2)).containsExactly("0x44d690");
  }

  @Test
  void aCountProfileInfersTheStateOnlyWhereTheTopFrameNamesIt() throws IOException {
    GoroutineDump dump = read(COUNTS);

    assertThat(dump.state(0)).isEqualTo(GoroutineDump.UNKNOWN_STATE);
    assertThat(dump.state(1)).isEqualTo("IO wait");
  }

  @Test
  void theGoroutineleakProfileMarksEveryRecordLeaked() throws IOException {
    GoroutineDump dump = read(COUNTS.replace("goroutine profile", "goroutineleak profile"));

    assertThat(dump.kind()).isEqualTo(DumpKind.LEAK_COUNTS);
    assertThat(dump.leaked(0)).isTrue();
  }

  @Test
  void countsThatDoNotAddUpToTheHeaderTotalAreBadData() {
    assertThatThrownBy(() -> read(COUNTS.replace("total 6", "total 7")))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("adding up to the header's total 7 (they add up to 6");
  }

  @Test
  void anotherProfileInCountFormIsRefusedByName() {
    assertThatThrownBy(() -> read("threadcreate profile: total 3\n"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(
            "dump.txt: on line 1: expected a goroutine or goroutineleak profile (found a"
                + " 'threadcreate profile: total 3' header)");
  }

  @Test
  void aMalformedFrameLineInACountProfileNamesItsLine() {
    assertThatThrownBy(() -> read(COUNTS.replace("#\t0x6eb00f", "#\tzz")))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("dump.txt: on line 8: expected a program counter");
  }
}
