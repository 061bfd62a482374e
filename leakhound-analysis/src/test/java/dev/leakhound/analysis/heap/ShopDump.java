package dev.leakhound.analysis.heap;

import dev.leakhound.testkit.HprofBuilder;
import dev.leakhound.testkit.HprofBuilder.Field;
import dev.leakhound.testkit.HprofBuilder.Root;
import dev.leakhound.testkit.HprofBuilder.Type;
import java.nio.charset.StandardCharsets;

/**
 * Synthetic dumps of a small shop with the JDK classes the analysis cares about: a price feed whose
 * listeners are never removed (each holding a 1 KB cart), a weak cache, a thread, and optionally a
 * static list of secret strings.
 */
final class ShopDump {
  final HprofBuilder b;
  final long object;
  final long reference;
  final long weakReference;
  final long arrayList;
  final long objectArray;
  final long string;
  final long thread;

  ShopDump(HprofBuilder b) {
    this.b = b;
    object = b.defineClass("java.lang.Object", 0);
    reference =
        b.defineClass(
            "java.lang.ref.Reference",
            object,
            new Field("referent", Type.OBJECT),
            new Field("queue", Type.OBJECT));
    weakReference = b.defineClass("java.lang.ref.WeakReference", reference);
    arrayList =
        b.defineClass(
            "java.util.ArrayList",
            object,
            new Field("elementData", Type.OBJECT),
            new Field("size", Type.INT));
    objectArray = b.defineClass("[Ljava.lang.Object;", object);
    string =
        b.defineClass(
            "java.lang.String",
            object,
            new Field("value", Type.OBJECT),
            new Field("hash", Type.INT),
            new Field("coder", Type.BYTE));
    thread = b.defineClass("java.lang.Thread", object, new Field("name", Type.OBJECT));
    long t = b.instance(thread, stringObject("main"));
    b.root(Root.THREAD_OBJECT, t);
  }

  long stringObject(String text) {
    long value = b.primitiveArray(Type.BYTE, text.getBytes(StandardCharsets.UTF_8));
    return b.instance(string, value, 0, 0);
  }

  long list(long... elements) {
    long array = b.objectArray(objectArray, elements);
    return b.instance(arrayList, array, elements.length);
  }

  /** shop.PriceFeed.INSTANCE.listeners holds {@code count} listeners, each with a 1 KB cart. */
  ShopDump listenerLeak(int count) {
    long cart = b.defineClass("shop.Cart", object, new Field("payload", Type.OBJECT));
    long listener =
        b.defineClass("shop.CheckoutPriceListener", object, new Field("cart", Type.OBJECT));
    long feed = b.defineClass("shop.PriceFeed", object, new Field("listeners", Type.OBJECT));
    long[] listeners = new long[count];
    for (int i = 0; i < count; i++) {
      long c = b.instance(cart, b.primitiveArray(Type.BYTE, 1024));
      listeners[i] = b.instance(listener, c);
    }
    long feedInstance = b.instance(feed, list(listeners));
    b.staticField(feed, "INSTANCE", Type.OBJECT, feedInstance);
    b.root(Root.STICKY_CLASS, feed);
    return this;
  }

  /** A weak cache: {@code count} 4 KB arrays reachable only through WeakReference.referent. */
  ShopDump weakCache(int count) {
    long cache = b.defineClass("shop.ImageCache", object);
    long[] refs = new long[count];
    for (int i = 0; i < count; i++) {
      refs[i] = b.instance(weakReference, b.primitiveArray(Type.BYTE, 4096), 0);
    }
    b.staticField(cache, "ENTRIES", Type.OBJECT, list(refs));
    return this;
  }

  /** shop.Tokens.ALL: a static list of {@code count} strings holding secrets. */
  ShopDump secrets(int count) {
    long tokens = b.defineClass("shop.Tokens", object);
    long[] strings = new long[count];
    for (int i = 0; i < count; i++) {
      strings[i] = stringObject("secret-token-" + i + "-" + "x".repeat(200));
    }
    b.staticField(tokens, "ALL", Type.OBJECT, list(strings));
    return this;
  }

  byte[] build() {
    return b.build();
  }
}
