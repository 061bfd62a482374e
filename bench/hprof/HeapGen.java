import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds a realistic, leaking object graph of about N objects and waits, so bench/hprof.sh can
 * take a heap dump of it with jcmd: a price feed whose listeners are registered per checkout and
 * never removed (each holding its cart, items and strings), and a static session map that only
 * grows (each session with an id, a 1 KB token and a list). Run: java -Xmx4g HeapGen.java N.
 * Prints "ready OBJECTS" when the graph is built, then sleeps until killed.
 */
public final class HeapGen {
  static final class PriceFeed {
    static final PriceFeed INSTANCE = new PriceFeed();
    final List<CheckoutPriceListener> listeners = new ArrayList<>();

    void register(CheckoutPriceListener l) {
      listeners.add(l);
    }
  }

  static final class CheckoutPriceListener {
    final long orderId;
    final Cart cart;

    CheckoutPriceListener(long orderId, Cart cart) {
      this.orderId = orderId;
      this.cart = cart;
    }
  }

  static final class Cart {
    final String customer;
    final List<Item> items = new ArrayList<>();

    Cart(String customer) {
      this.customer = customer;
    }
  }

  static final class Item {
    final String sku;
    final int quantity;
    final long priceCents;
    final byte[] description;

    Item(String sku, int quantity, long priceCents, byte[] description) {
      this.sku = sku;
      this.quantity = quantity;
      this.priceCents = priceCents;
      this.description = description;
    }
  }

  static final class Session {
    final String id;
    final long started;
    final byte[] token;
    final List<String> recent = new ArrayList<>(0);

    Session(String id, long started, byte[] token) {
      this.id = id;
      this.started = started;
      this.token = token;
    }
  }

  static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    long target = Long.parseLong(args[0]);
    long objects = 0;
    for (long i = 0; objects < target; i++) {
      Cart cart = new Cart(("customer-" + (i % 100_000)).intern() == null ? "" : "c" + i);
      for (int k = 0; k < 3; k++) {
        cart.items.add(
            new Item("sku-" + (i * 3 + k), 1 + k, 199 + k, new byte[64]));
      }
      PriceFeed.INSTANCE.register(new CheckoutPriceListener(i, cart));
      objects += 18;
      if ((i & 1) == 0) {
        String id = "session-" + i;
        byte[] token = new byte[1024];
        token[0] = (byte) i;
        SESSIONS.put(id, new Session(id, i, token));
        objects += 6;
      }
    }
    System.out.println("ready " + objects);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
    System.out.println(new String(new byte[0], StandardCharsets.UTF_8));
  }
}
