package dev.leakhound.formats.pprof;

/** Small legacy text profiles written in code, in each format the legacy readers accept. */
final class LegacyTexts {
  private LegacyTexts() {}

  /** Go's {@code /debug/pprof/heap?debug=1} shape: samples, symbol comments, MemStats. */
  static final String GO_DEBUG1 =
      """
      heap profile: 3: 3072 [5: 5120] @ heap/1048576
      2: 2048 [3: 3072] @ 0x47c333 0x4d9845 0x4d9911 0x44cd15 0x484081
      #\t0x4d9844\tmain.leak+0x84\t\t/srv/main.go:22
      #\t0x4d9910\tmain.main+0x30\t\t/srv/main.go:29
      #\t0x44cd14\truntime.main+0x2d4\t/usr/local/go/src/runtime/proc.go:290

      1: 1024 [2: 2048] @ 0x4d99a5 0x4d9911 0x44cd15 0x484081
      #\t0x4d99a4\tmain.(*Cache).put+0x24\t/srv/cache.go:40
      #\t0x4d99a4\tmain.store+0x24\t\t/srv/cache.go:12
      #\t0x4d9910\tmain.main+0x30\t\t/srv/main.go:29
      #\t0x44cd14\truntime.main+0x2d4\t/usr/local/go/src/runtime/proc.go:290


      # runtime.MemStats
      # Alloc = 3072
      # NumGC = 2
      """;

  /** The C++ heapz form with a memory map and a substituted variable. */
  static final String CPP_HEAPZ =
      """
      heap profile:    2:  8192 [   2:  8192] @ heapz_v2/524288
           1:     4096 [     1:     4096] @ 0x400b12 0x400c34
           1:     4096 [     1:     4096] @ 0x400b12 0x7f0000000100
      --- Memory map: ---
      \tsource=/home
        00400000-00500000: $source/server
        7f0000000000-7f0000001000: /lib/libc.so.6
      """;

  static final String JAVA_HEAPZ =
      """
      --- heapz 1 ---
      format = java
      resolution = bytes
                7048     1 @ 0x00000003 0x00000004
                 240     5 @ 0x00000005


       0x00000003 com.example.Cache.put (Cache.java:103)
       0x00000004 com.example.Main.main (Main.java:12)
       0x00000005 libjvm.so (/usr/lib/jvm/libjvm.so)
      """;
}
