package dev.leakhound.server.config;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean": the closest known word to a misspelt one, by edit distance, when it is close
 * enough to be a likely typo.
 *
 * <p>Stateless and thread-safe. Cost O(|word| x |candidate|) per candidate.
 */
final class Suggest {
  private Suggest() {}

  /** The candidate within edit distance 2 (or differing only in case), or null. */
  static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d =
          c.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT)) ? 0 : distance(word, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return bestDistance <= Math.max(1, Math.min(2, word.length() / 3)) ? best : null;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
