//go:build unix

package signing_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system CPU time. The machines that run
// the benchmarks are shared, so wall time per signature swings with the
// load; CPU time per signature is what a dedicated core would take.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
