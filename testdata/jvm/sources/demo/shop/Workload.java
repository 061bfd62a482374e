package demo.shop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small leaking program used to capture real class histograms and GC logs (see ../../SOURCE.md).
 * Three leaks run at once, each in its own shape and at its own rate so that the classes growing
 * with each can be told apart (no rate is a whole multiple of another): a session per request kept
 * in a static map, a price listener for two requests in three registered on a feed and never
 * removed, and a request context for two requests in five stored in a new ThreadLocal on a pooled
 * thread. Short-lived garbage churns beside them so the collector has work, a large
 * array now and then is a humongous allocation on G1, and one System.gc() shows an explicit GC.
 *
 * <p>Usage: java demo.shop.Workload SECONDS
 */
public final class Workload {
  static final Map<Long, Session> SESSIONS = new HashMap<>();
  static final PriceFeed FEED = new PriceFeed();
  static final List<ThreadLocal<RequestContext>> CONTEXT_SLOTS = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
    ExecutorService pool =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r);
              t.setDaemon(true); // an OutOfMemoryError in main must end the process
              return t;
            });
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long request = 0;
    long churn = 0;
    System.out.println("ready " + ProcessHandle.current().pid());
    while (System.nanoTime() < end) {
      for (int i = 0; i < 200; i++, request++) {
        long id = request;
        SESSIONS.put(id, new Session(id, "user-" + id, new byte[256]));
        if (id % 3 != 0) {
          FEED.subscribe(new PriceListener(id, price -> price * 1.2));
        }
        if (id % 5 < 2) {
          pool.submit(
              () -> {
                ThreadLocal<RequestContext> slot = new ThreadLocal<>();
                synchronized (CONTEXT_SLOTS) {
                  CONTEXT_SLOTS.add(slot);
                }
                slot.set(new RequestContext(id, "trace-" + id));
              });
        }
        churn += garbage(id);
      }
      if (request % 20_000 == 0) {
        churn += new byte[3 << 20].length; // humongous on G1 with regions of 1-4 MB
      }
      if (request == 40_000) {
        System.gc();
      }
      FEED.publish(request);
      Thread.sleep(5);
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    System.out.println("done " + SESSIONS.size() + " " + churn);
  }

  private static long garbage(long id) {
    Map<String, Object> scratch = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      scratch.put("k" + i, new long[16 + (int) (id % 32)]);
    }
    return scratch.size();
  }
}
