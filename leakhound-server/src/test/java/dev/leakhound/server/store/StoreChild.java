package dev.leakhound.server.store;

import dev.leakhound.server.signal.Signal;
import java.nio.file.Path;
import java.util.Map;

/**
 * A child process for the durability test: appends samples to a store as fast as it can, one
 * scrape's worth (three signals) at a time with increasing times, and after each commit prints
 * {@code committed N} (samples durably written). The test kills it with SIGKILL at some moment.
 */
public final class StoreChild {
  private StoreChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long t0 = Long.parseLong(args[1]);
    Store store = Store.open(dir, 20);
    store.targets().ensure("shop", "go", "", "{}");
    long t = t0;
    long printed = -1;
    while (true) {
      for (int i = 0; i < 50; i++) {
        store
            .samples()
            .append(
                "shop",
                t,
                Map.of(Signal.HEAP_FLOOR, t * 2.0, Signal.GOROUTINES, 7.0, Signal.RSS, 1e6));
        t++;
      }
      // Ask the writer for a round: everything appended so far is committed when it returns.
      store.database().write(c -> null);
      long written = store.samples().written();
      if (written != printed) {
        System.out.println("committed " + written + " last " + (t - 1));
        System.out.flush();
        printed = written;
      }
    }
  }
}
