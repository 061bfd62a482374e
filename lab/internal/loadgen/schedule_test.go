package loadgen

import (
	"strings"
	"testing"
	"time"
)

func TestParseScheduleReadsPhasesInOrder(t *testing.T) {
	got, err := ParseSchedule(" 50/s for 60s, 250/s for 1m30s,0/s for 5s , 0.5/s for 10s")
	if err != nil {
		t.Fatal(err)
	}
	want := Schedule{{50, 60 * time.Second}, {250, 90 * time.Second}, {0, 5 * time.Second}, {0.5, 10 * time.Second}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("phase %d: got %+v, want %+v", i+1, got[i], want[i])
		}
	}
	if got.Total() != 165*time.Second {
		t.Errorf("Total = %v, want 2m45s", got.Total())
	}
	if n := got.Requests(); n != 50*60+250*90+0+5 {
		t.Errorf("Requests = %d, want %d", n, 50*60+250*90+5)
	}
	if s := got.String(); s != "50/s for 1m0s, 250/s for 1m30s, 0/s for 5s, 0.5/s for 10s" {
		t.Errorf("String = %q", s)
	}
}

func TestParseScheduleExplainsWhatIsWrong(t *testing.T) {
	cases := []struct{ in, wantErr string }{
		{"", "empty schedule"},
		{"   ", "empty schedule"},
		{"50/s", `phase 1 ("50/s"): want "RATE/s for DURATION"`},
		{"50/s for 10s, 250/s for", `phase 2 ("250/s for"): want "RATE/s for DURATION"`},
		{"50 for 10s", `rate "50" must end in /s`},
		{"50/m for 10s", `rate "50/m" must end in /s`},
		{"fast/s for 10s", `rate "fast" is not a non-negative number`},
		{"-5/s for 10s", `rate "-5" is not a non-negative number`},
		{"NaN/s for 10s", `rate "NaN" is not a non-negative number`},
		{"5/s for ten", `duration "ten": want a Go duration`},
		{"5/s for 0s", `duration "0s" must be positive`},
		{"5/s during 10s", `want "RATE/s for DURATION"`},
		{"50/s for 10s,", `phase 2 (""): want`},
	}
	for _, c := range cases {
		_, err := ParseSchedule(c.in)
		if err == nil {
			t.Errorf("ParseSchedule(%q): no error, want one containing %q", c.in, c.wantErr)
			continue
		}
		if !strings.Contains(err.Error(), c.wantErr) {
			t.Errorf("ParseSchedule(%q) = %q, want it to contain %q", c.in, err, c.wantErr)
		}
	}
}

func TestOffsetsArePacedFromEachPhaseStart(t *testing.T) {
	sched := Schedule{{4, time.Second}, {0, time.Second}, {2, 2 * time.Second}}
	var got []time.Duration
	for at := range sched.offsets {
		got = append(got, at)
	}
	ms := time.Millisecond
	want := []time.Duration{0, 250 * ms, 500 * ms, 750 * ms, 2000 * ms, 2500 * ms, 3000 * ms, 3500 * ms}
	if len(got) != len(want) {
		t.Fatalf("offsets = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("offset %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestAFractionalRateStillSendsAtThePhaseStart(t *testing.T) {
	if n := (Schedule{{0.5, time.Second}}).Requests(); n != 1 {
		t.Errorf("0.5/s for 1s sends %d requests, want 1", n)
	}
	if n := (Schedule{{3, 1500 * time.Millisecond}}).Requests(); n != 5 {
		t.Errorf("3/s for 1.5s sends %d requests, want 5", n)
	}
}

func TestTruncateCutsTheScheduleAtTheGivenLength(t *testing.T) {
	sched, _ := ParseSchedule("50/s for 60s, 250/s for 60s, 10/s for 1m")
	if got := sched.Truncate(90 * time.Second).String(); got != "50/s for 1m0s, 250/s for 30s" {
		t.Errorf("Truncate(90s) = %q", got)
	}
	if got := sched.Truncate(time.Hour).String(); got != sched.String() {
		t.Errorf("Truncate(1h) = %q, want the whole schedule", got)
	}
	if got := sched.Truncate(0); len(got) != 0 {
		t.Errorf("Truncate(0) = %v, want empty", got)
	}
}
