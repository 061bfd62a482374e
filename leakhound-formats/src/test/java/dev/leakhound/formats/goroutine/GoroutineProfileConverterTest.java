package dev.leakhound.formats.goroutine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leakhound.formats.io.InputFormatException;
import dev.leakhound.formats.pprof.Function;
import dev.leakhound.formats.pprof.Label;
import dev.leakhound.formats.pprof.Line;
import dev.leakhound.formats.pprof.Location;
import dev.leakhound.formats.pprof.Profile;
import dev.leakhound.formats.pprof.ProfileProtoWriter;
import dev.leakhound.formats.pprof.ValueType;
import dev.leakhound.testkit.RepoRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protobuf goroutine and goroutineleak profiles, read through the pprof decoder. */
class GoroutineProfileConverterTest {
  private static GoroutineDump read(String fixture) throws IOException {
    return new GoroutineDumpReader()
        .read(RepoRoot.resolve("testdata/goroutine/" + fixture).toString());
  }

  private static List<String> summary(GoroutineDump dump) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r < dump.recordCount(); r++) {
      int[] stack = dump.stack(dump.stackId(r));
      String top = "";
      for (int f : stack) {
        String fn = dump.frame(f).function();
        if (!GoNames.isRuntime(fn)) {
          top = fn;
          break;
        }
      }
      out.add(dump.count(r) + " " + dump.state(r) + " " + top);
    }
    return out;
  }

  @Test
  void theGoroutineProfileOfTheLabGivesTheSameGroupsAsItsDebug1Form() throws IOException {
    GoroutineDump proto = read("leak-end.pb.gz");

    assertThat(proto.kind()).isEqualTo(DumpKind.PROTO);
    assertThat(proto.total()).isEqualTo(187);
    assertThat(summary(proto))
        .contains(
            "60 chan receive leakhound.dev/lab/go-shop/shop.awaitReservationConfirmation",
            "60 chan receive leakhound.dev/lab/go-shop/shop.(*PriceWatcher).refreshLoop",
            "60 select leakhound.dev/lab/go-shop/shop.(*AuditTrail).shipWhenDone");
    assertThat(proto.total()).isEqualTo(read("leak-end.debug1.txt").total());
  }

  @Test
  void theGoroutineleakProfileMarksEveryGoroutineLeaked() throws IOException {
    GoroutineDump leak = read("leak-end.goroutineleak.pb.gz");

    assertThat(leak.kind()).isEqualTo(DumpKind.LEAK_PROTO);
    assertThat(leak.kind().isLeakProfile()).isTrue();
    assertThat(summary(leak))
        .containsExactlyInAnyOrder(
            "60 chan receive leakhound.dev/lab/go-shop/shop.awaitReservationConfirmation",
            "60 select leakhound.dev/lab/go-shop/shop.(*AuditTrail).shipWhenDone");
    assertThat(leak.leaked(0)).isTrue();
  }

  @Test
  void inlinedLinesBecomeFramesAndLabelsAreKept() throws IOException {
    Profile p =
        Profile.builder()
            .addSampleType(new ValueType("goroutine", "count"))
            .addFunction(Function.of(1, "runtime.gopark", "/go/src/runtime/proc.go"))
            .addFunction(Function.of(2, "runtime.selectgo", "/go/src/runtime/select.go"))
            .addFunction(Function.of(3, "main.inner", "/app/main.go"))
            .addFunction(Function.of(4, "main.outer", "/app/main.go"))
            .addLocation(new Location(1, 0, 0x1000, List.of(new Line(1, 435, 0)), false))
            .addLocation(new Location(2, 0, 0x2000, List.of(new Line(2, 351, 0)), false))
            .addLocation(
                new Location(3, 0, 0x3000, List.of(new Line(3, 12, 0), new Line(4, 30, 0)), false))
            .addLocation(new Location(4, 0, 0x4000, List.of(), false))
            .addSample(new long[] {1, 2, 3, 4}, new long[] {7}, List.of(Label.of("route", "/cart")))
            .build();
    byte[] bytes = ProfileProtoWriter.toBytes(p);

    GoroutineDump dump = new GoroutineDumpReader().read("g.pb", new ByteArrayInputStream(bytes));

    assertThat(dump.count(0)).isEqualTo(7);
    assertThat(dump.state(0)).isEqualTo("select");
    assertThat(dump.labels(0)).isEqualTo("{\"route\":\"/cart\"}");
    List<Frame> frames = new ArrayList<>();
    for (int f : dump.stack(dump.stackId(0))) {
      frames.add(dump.frame(f));
    }
    assertThat(frames)
        .containsExactly(
            new Frame("runtime.gopark", "/go/src/runtime/proc.go", 435),
            new Frame("runtime.selectgo", "/go/src/runtime/select.go", 351),
            new Frame("main.inner", "/app/main.go", 12),
            new Frame("main.outer", "/app/main.go", 30),
            new Frame("0x4000", "", 0));
  }

  @Test
  void aHeapProfileIsNotAGoroutineProfile() throws IOException {
    byte[] heap =
        java.nio.file.Files.readAllBytes(RepoRoot.resolve("testdata/pprof/go-shop-heap-end.pb.gz"));

    assertThatThrownBy(
            () -> new GoroutineDumpReader().read("heap.pb.gz", new ByteArrayInputStream(heap)))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith(
            "heap.pb.gz: at byte 0: expected a goroutine or goroutineleak profile");
  }

  @Test
  void aBrokenProtobufNamesTheOffset() {
    byte[] proto = {0x0a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x12, 0x7f};

    assertThatThrownBy(
            () -> new GoroutineDumpReader().read("g.pb", new ByteArrayInputStream(proto)))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("g.pb: at byte ");
  }
}
