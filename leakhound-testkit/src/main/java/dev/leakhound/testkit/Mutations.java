package dev.leakhound.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Byte- and text-level mutations for {@link Fuzz}. Stateless; thread-safe. */
final class Mutations {
  private static final byte[] INTERESTING = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, '\n', ' ', '-'};
  private static final byte[][] TOKENS = {
    // A varint of 2^63-1 and a length prefix far past any buffer.
    {
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      0x7f
    },
    {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f},
    "99999999999999999999".getBytes(StandardCharsets.US_ASCII),
    "-1".getBytes(StandardCharsets.US_ASCII),
    "NaN".getBytes(StandardCharsets.US_ASCII),
    "1e308".getBytes(StandardCharsets.US_ASCII),
    "\u0000\u0000".getBytes(StandardCharsets.US_ASCII),
  };

  private Mutations() {}

  static byte[] mutate(byte[] base, byte[] other, SplittableRandom random, int rounds) {
    byte[] data = base;
    for (int r = 0; r < rounds; r++) {
      data = once(data, other, random);
    }
    return data;
  }

  private static byte[] once(byte[] data, byte[] other, SplittableRandom random) {
    int n = data.length;
    switch (random.nextInt(9)) {
      case 0 -> {
        if (n == 0) return data;
        byte[] out = data.clone();
        int i = random.nextInt(n);
        out[i] ^= (byte) (1 << random.nextInt(8));
        return out;
      }
      case 1 -> {
        if (n == 0) return data;
        byte[] out = data.clone();
        out[random.nextInt(n)] = INTERESTING[random.nextInt(INTERESTING.length)];
        return out;
      }
      case 2 -> {
        return Arrays.copyOf(data, n == 0 ? 0 : random.nextInt(n));
      }
      case 3 -> {
        byte[] token = TOKENS[random.nextInt(TOKENS.length)];
        return insert(data, random.nextInt(n + 1), token);
      }
      case 4 -> {
        if (n < 2) return data;
        int from = random.nextInt(n);
        int len = 1 + random.nextInt(Math.min(64, n - from));
        byte[] out = new byte[n - len];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(data, from + len, out, from, n - from - len);
        return out;
      }
      case 5 -> {
        if (n < 2) return data;
        int from = random.nextInt(n);
        int len = 1 + random.nextInt(Math.min(256, n - from));
        return insert(data, random.nextInt(n + 1), Arrays.copyOfRange(data, from, from + len));
      }
      case 6 -> {
        if (other.length == 0 || n == 0) return data;
        int cut = random.nextInt(n);
        int from = random.nextInt(other.length);
        byte[] tail = Arrays.copyOfRange(other, from, other.length);
        byte[] out = Arrays.copyOf(data, cut + tail.length);
        System.arraycopy(tail, 0, out, cut, tail.length);
        return out;
      }
      case 7 -> {
        byte[] noise = new byte[1 + random.nextInt(16)];
        random.nextBytes(noise);
        return insert(data, random.nextInt(n + 1), noise);
      }
      default -> {
        if (n == 0) return data;
        byte[] out = data.clone();
        int i = random.nextInt(n);
        int len = Math.min(n - i, 1 + random.nextInt(8));
        for (int k = 0; k < len; k++) {
          out[i + k] = (byte) random.nextInt(256);
        }
        return out;
      }
    }
  }

  private static byte[] insert(byte[] data, int at, byte[] piece) {
    byte[] out = new byte[data.length + piece.length];
    System.arraycopy(data, 0, out, 0, at);
    System.arraycopy(piece, 0, out, at, piece.length);
    System.arraycopy(data, at, out, at + piece.length, data.length - at);
    return out;
  }
}
