package dev.leakhound.analysis.trend.stats;

/**
 * An in-place iterative radix-2 complex FFT (Cooley-Tukey), enough for autocorrelations; the
 * inverse is scaled by 1/size. Stateless and thread-safe; O(size log size).
 */
final class Fft {
  private Fft() {}

  /** Transforms (re, im) in place; the length must be a power of two. */
  static void transform(double[] re, double[] im, boolean inverse) {
    int size = re.length;
    if (Integer.bitCount(size) != 1 || im.length != size) {
      throw new IllegalArgumentException("FFT size must be a power of two, got " + size);
    }
    for (int i = 1, j = 0; i < size; i++) {
      int bit = size >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= size; len <<= 1) {
      double angle = (inverse ? 2 : -2) * Math.PI / len;
      double wRe = Math.cos(angle);
      double wIm = Math.sin(angle);
      int half = len >> 1;
      for (int start = 0; start < size; start += len) {
        double uRe = 1;
        double uIm = 0;
        for (int k = 0; k < half; k++) {
          int a = start + k;
          int b = a + half;
          double vRe = re[b] * uRe - im[b] * uIm;
          double vIm = re[b] * uIm + im[b] * uRe;
          re[b] = re[a] - vRe;
          im[b] = im[a] - vIm;
          re[a] += vRe;
          im[a] += vIm;
          double nextRe = uRe * wRe - uIm * wIm;
          uIm = uRe * wIm + uIm * wRe;
          uRe = nextRe;
        }
      }
    }
    if (inverse) {
      for (int i = 0; i < size; i++) {
        re[i] /= size;
        im[i] /= size;
      }
    }
  }
}
