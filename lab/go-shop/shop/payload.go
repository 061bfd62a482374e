package shop

import (
	"strconv"
	"sync/atomic"
)

// requestSeq hands out request ids; scenarios key their state by them.
var requestSeq atomic.Uint64

func nextRequestID(prefix string) string {
	return prefix + "-" + strconv.FormatUint(requestSeq.Add(1), 36)
}

// fillPayload writes every byte of buf. Freshly mapped pages are zero and not yet
// resident; writing them makes RSS follow the heap the way real data does.
func fillPayload(buf []byte, seed string) {
	var h uint32 = 2166136261
	for i := 0; i < len(seed); i++ {
		h = (h ^ uint32(seed[i])) * 16777619
	}
	for i := range buf {
		h = h*1664525 + 1013904223
		buf[i] = byte(h >> 24)
	}
}

// checksum folds buf into a number so that work on a payload is not optimised away.
func checksum(buf []byte) uint32 {
	var sum uint32
	for i := 0; i < len(buf); i += 64 {
		sum = sum*31 + uint32(buf[i])
	}
	return sum
}
