package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/motcua/motcua/internal/bench"
	"github.com/motcua/motcua/internal/store"
)

const benchUsage = `usage:
  motcua bench generate --dossiers N [--data DIR] [--seed S] [--years 5] [--until RFC3339] [--password P]
  motcua bench load --target URL [--duration 30s] [--rate R] [--password P]   (rate 0: find the highest sustained rate)
  motcua bench limit [--data DIR] [--duration 20s] [--workers 1]
MOTCUA_DATABASE_URL=postgres://… selects PostgreSQL instead of SQLite in --data.`

// benchMain runs `motcua bench generate|load|limit` (DESIGN.md "Performance
// targets"; the results are in BENCHMARKS.md).
func benchMain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, benchUsage)
		return 2
	}
	switch args[0] {
	case "generate":
		return benchGenerate(args[1:], stdout, stderr)
	case "load":
		return benchLoad(args[1:], stdout, stderr)
	case "limit":
		return benchLimit(args[1:], stdout, stderr)
	}
	fmt.Fprintln(stderr, benchUsage)
	return 2
}

func benchGenerate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", "./data", "data directory (SQLite)")
	n := fs.Int("dossiers", 100_000, "number of dossiers")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same database")
	years := fs.Int("years", 5, "years of history")
	until := fs.String("until", "", "end of the history, RFC3339 (default: now)")
	password := fs.String("password", os.Getenv("MOTCUA_DEMO_PASSWORD"), "password of the demo and bench staff accounts (default MOTCUA_DEMO_PASSWORD, else \"bench-password\")")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *password == "" {
		*password = "bench-password"
	}
	opts := bench.GenerateOptions{Dossiers: *n, Seed: *seed, Years: *years, Password: *password,
		DataDir: *dataDir, DatabaseURL: os.Getenv("MOTCUA_DATABASE_URL"), Progress: stdout}
	if *until != "" {
		t, err := time.Parse(time.RFC3339, *until)
		if err != nil {
			fmt.Fprintf(stderr, "motcua bench generate: --until: %v\n", err)
			return 2
		}
		opts.Until = t
	}
	ctx := context.Background()
	svc, st, err := openService(ctx, *dataDir, slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		fmt.Fprintf(stderr, "motcua bench generate: %v\n", err)
		return 1
	}
	defer st.Close()
	res, err := bench.Generate(ctx, svc, st, opts)
	if err != nil {
		fmt.Fprintf(stderr, "motcua bench generate: %v\n", err)
		return 1
	}
	fmt.Fprint(stdout, res.Summary())
	return 0
}

func benchLoad(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	target := fs.String("target", "http://127.0.0.1:8080", "base URL of the running server")
	duration := fs.Duration("duration", 30*time.Second, "length of the measured run")
	rate := fs.Float64("rate", 0, "operations per second; 0 finds the highest rate with p99 ≤ 50 ms and errors < 1 %")
	step := fs.Duration("step", 10*time.Second, "length of each step when finding the highest rate")
	reads := fs.Float64("reads", 0.3, "share of reads (search, track, inbox, dashboard) among the operations")
	password := fs.String("password", os.Getenv("MOTCUA_DEMO_PASSWORD"), "password of the demo accounts (default MOTCUA_DEMO_PASSWORD, else \"bench-password\")")
	seed := fs.Uint64("seed", 1, "random seed")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *password == "" {
		*password = "bench-password"
	}
	opts := bench.LoadOptions{Target: *target, Duration: *duration, Rate: *rate, StepDuration: *step, ReadShare: *reads,
		Password: *password, Seed: *seed, Progress: stdout}
	ctx := context.Background()
	if *rate > 0 {
		res, err := bench.Load(ctx, opts)
		if err != nil {
			fmt.Fprintf(stderr, "motcua bench load: %v\n", err)
			return 1
		}
		res.Report(stdout)
		return 0
	}
	fmt.Fprintln(stdout, "finding the highest rate with p99 ≤ 50 ms and errors < 1 %:")
	res, _, err := bench.FindMax(ctx, opts)
	if err != nil {
		fmt.Fprintf(stderr, "motcua bench load: %v\n", err)
		return 1
	}
	fmt.Fprint(stdout, "highest sustained rate, measured again: ")
	res.Report(stdout)
	return 0
}

func benchLimit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench limit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", "./data", "data directory (SQLite)")
	duration := fs.Duration("duration", 20*time.Second, "length of the run")
	workers := fs.Int("workers", 1, "concurrent writers (PostgreSQL; SQLite has one writer)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ctx := context.Background()
	st, err := store.Open(ctx, storeConfig(*dataDir))
	if err != nil {
		fmt.Fprintf(stderr, "motcua bench limit: %v\n", err)
		return 1
	}
	defer st.Close()
	res, err := bench.Limit(ctx, st, bench.LimitOptions{Duration: *duration, Workers: *workers})
	if err != nil {
		fmt.Fprintf(stderr, "motcua bench limit: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "raw SQL, %s, %d writer(s): %d actions (%d lifecycles) in %s: %.0f actions/s; per action p50 %.2f ms, p99 %.2f ms\n",
		st.Dialect(), *workers, res.Actions, res.Lifecycles, res.Elapsed.Round(time.Millisecond), res.PerSecond,
		float64(res.P50)/1e6, float64(res.P99)/1e6)
	return 0
}
