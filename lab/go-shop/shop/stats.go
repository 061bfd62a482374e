package shop

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"time"

	"leakhound.dev/lab/internal/labapi"
)

// runtime/metrics rather than ReadMemStats: no stop-the-world, and it has the live
// heap as marked by the last GC, which is the floor Leakhound trends on.
var statMetrics = []string{
	"/memory/classes/heap/objects:bytes", // == MemStats.HeapAlloc
	"/gc/heap/live:bytes",
	"/gc/heap/goal:bytes",
	"/gc/cycles/total:gc-cycles",
}

func readStats() labapi.Stats {
	samples := make([]metrics.Sample, len(statMetrics))
	for i, name := range statMetrics {
		samples[i].Name = name
	}
	metrics.Read(samples)
	value := func(i int) int64 {
		if samples[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return int64(samples[i].Value.Uint64())
	}
	return labapi.Stats{
		UnixMillis:  time.Now().UnixMilli(),
		HeapAlloc:   value(0),
		HeapAfterGC: value(1),
		NextGC:      value(2),
		GCCycles:    value(3),
		Goroutines:  int64(runtime.NumGoroutine()),
		RSS:         residentBytes(),
		Requests:    scenarioRequests.Value(),
	}
}

// residentBytes reads the resident set size from /proc/self/statm (second field, in
// pages); 0 where /proc is missing.
func residentBytes() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fields := bytes.Fields(data)
	if len(fields) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(string(fields[1]), 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}
