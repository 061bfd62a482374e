package demo.shop;

import java.util.ArrayList;
import java.util.List;

/** A long-lived event source whose listener list only grows. */
final class PriceFeed {
  private final List<PriceListener> listeners = new ArrayList<>();

  void subscribe(PriceListener listener) {
    listeners.add(listener);
  }

  void publish(long tick) {
    // Notifies only the newest listeners: the point is the retention, not the work.
    for (int i = Math.max(0, listeners.size() - 10); i < listeners.size(); i++) {
      listeners.get(i).onPrice(tick);
    }
  }
}
