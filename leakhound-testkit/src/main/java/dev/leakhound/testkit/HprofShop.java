package dev.leakhound.testkit;

import dev.leakhound.testkit.HprofBuilder.Field;
import dev.leakhound.testkit.HprofBuilder.Root;
import dev.leakhound.testkit.HprofBuilder.Type;

/**
 * The synthetic heap the hprof tests share: a shop whose {@code shop.PriceFeed.INSTANCE} keeps
 * every {@code shop.CheckoutPriceListener} in an {@code ArrayList}, each listener holding a {@code
 * shop.Cart} with a 1 KB {@code byte[]} (the lab's listener leak in miniature).
 *
 * <p>Stateless; the builder it fills is not thread-safe.
 */
public final class HprofShop {
  private HprofShop() {}

  /** Defines the classes and objects of the leaking shop in {@code b}; returns {@code b}. */
  public static HprofBuilder listenerLeak(HprofBuilder b, int listeners) {
    long object = b.defineClass("java.lang.Object", 0);
    long list =
        b.defineClass(
            "java.util.ArrayList",
            object,
            new Field("elementData", Type.OBJECT),
            new Field("size", Type.INT));
    long array = b.defineClass("[Ljava.lang.Object;", object);
    long cart = b.defineClass("shop.Cart", object, new Field("payload", Type.OBJECT));
    long listener =
        b.defineClass("shop.CheckoutPriceListener", object, new Field("cart", Type.OBJECT));
    long feed = b.defineClass("shop.PriceFeed", object, new Field("listeners", Type.OBJECT));
    long[] all = new long[listeners];
    for (int i = 0; i < listeners; i++) {
      all[i] = b.instance(listener, b.instance(cart, b.primitiveArray(Type.BYTE, 1024)));
    }
    long instance = b.instance(feed, b.instance(list, b.objectArray(array, all), listeners));
    b.staticField(feed, "INSTANCE", Type.OBJECT, instance);
    b.root(Root.STICKY_CLASS, feed);
    return b;
  }
}
