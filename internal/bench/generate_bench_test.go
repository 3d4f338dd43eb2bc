package bench_test

import "testing"

// BenchmarkGenerate profiles the generator on SQLite:
//
//	go test -bench Generate -run xxx -cpuprofile /tmp/gen.prof ./internal/bench/
func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		st, dir := sqliteStore(b)
		generate(b, newService(b, st), st, dir, 30_000, 1)
	}
}
