package dev.leakhound.analysis.trend.stats;

/** Published data sets whose trend statistics are printed in reference documentation. */
final class ReferenceData {
  /**
   * Annual flow of the Nile at Aswan, 1871-1970 (10^8 m^3), R's {@code datasets::Nile} (Durbin and
   * Koopman, Time Series Analysis by State Space Methods, 2001; Cobb 1978).
   */
  static final double[] NILE = {
    1120, 1160, 963, 1210, 1160, 1160, 813, 1230, 1370, 1140, 995, 935, 1110, 994, 1020, 960, 1180,
    799, 958, 1140, 1100, 1210, 1150, 1250, 1260, 1220, 1030, 1100, 774, 840, 874, 694, 940, 833,
    701, 916, 692, 1020, 1050, 969, 831, 726, 456, 824, 702, 1120, 1100, 832, 764, 821, 768, 845,
    864, 862, 698, 845, 744, 796, 1040, 759, 781, 865, 845, 944, 984, 897, 822, 1010, 771, 676, 649,
    846, 812, 742, 801, 1040, 860, 874, 848, 890, 744, 749, 838, 1050, 918, 986, 797, 923, 975, 815,
    1020, 906, 901, 1170, 912, 746, 919, 718, 714, 740
  };

  /**
   * Example 17-7 of USEPA (2009), Statistical Analysis of Groundwater Monitoring Data at RCRA
   * Facilities, Unified Guidance, EPA 530/R-09-007: sampling date (2-digit year with a fraction)
   * and sodium (ppm); R's {@code EnvStats::EPA.09.Ex.17.7.sodium.df}.
   */
  static final double[] SODIUM_YEAR = {89.6, 90.1, 90.8, 91.1, 92.1, 93.1, 94.1, 95.6, 96.1, 96.3};

  static final double[] SODIUM_PPM = {56, 53, 51, 55, 52, 60, 62, 59, 61, 63};

  private ReferenceData() {}

  /** 1, 2, ..., n: the index positions R's trend functions use. */
  static double[] index(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }
}
