//go:build !unix

package signing_test

import "time"

func cpuTime() time.Duration { return 0 }
