package dev.leakhound.formats.pprof;

import java.util.List;

/**
 * The frame expressions google/pprof attaches to legacy profiles ({@code addLegacyFrameInfo} in
 * {@code profile/legacy_profile.go}), verbatim: allocator frames dropped from heap stacks (runtime
 * panics and reflective calls kept), profiler frames dropped from CPU stacks.
 */
final class LegacyFrames {
  static final List<List<String>> HEAP_SAMPLE_TYPES =
      List.of(
          List.of("allocations", "size"),
          List.of("objects", "space"),
          List.of("inuse_objects", "inuse_space"),
          List.of("alloc_objects", "alloc_space"),
          List.of("alloc_objects", "alloc_space", "inuse_objects", "inuse_space"));

  static final String ALLOC_DROP =
      String.join(
          "|",
          "calloc",
          "cfree",
          "malloc",
          "free",
          "memalign",
          "do_memalign",
          "(__)?posix_memalign",
          "pvalloc",
          "valloc",
          "realloc",
          "tcmalloc::.*",
          "tc_calloc",
          "tc_cfree",
          "tc_malloc",
          "tc_free",
          "tc_memalign",
          "tc_posix_memalign",
          "tc_pvalloc",
          "tc_valloc",
          "tc_realloc",
          "tc_new",
          "tc_delete",
          "tc_newarray",
          "tc_deletearray",
          "tc_new_nothrow",
          "tc_newarray_nothrow",
          "malloc_zone_malloc",
          "malloc_zone_calloc",
          "malloc_zone_valloc",
          "malloc_zone_realloc",
          "malloc_zone_memalign",
          "malloc_zone_free",
          "runtime\\..*",
          "BaseArena::.*",
          "(::)?do_malloc_no_errno",
          "(::)?do_malloc_pages",
          "(::)?do_malloc",
          "DoSampledAllocation",
          "MallocedMemBlock::MallocedMemBlock",
          "_M_allocate",
          "__builtin_(vec_)?delete",
          "__builtin_(vec_)?new",
          "__gnu_cxx::new_allocator::allocate",
          "__libc_malloc",
          "__malloc_alloc_template::allocate",
          "allocate",
          "cpp_alloc",
          "operator new(\\[\\])?",
          "simple_alloc::allocate");

  static final String ALLOC_KEEP =
      String.join("|", "runtime\\.panic", "runtime\\.reflectcall", "runtime\\.call[0-9]*");

  static final String CPU_DROP =
      String.join(
          "|",
          "ProfileData::Add",
          "ProfileData::prof_handler",
          "CpuProfiler::prof_handler",
          "__pthread_sighandler",
          "__restore");

  private LegacyFrames() {}
}
