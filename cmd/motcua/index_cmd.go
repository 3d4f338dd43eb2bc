package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"
)

// indexMain runs `motcua index rebuild|check`: the dashboards' counters are
// kept with every event; rebuild recomputes them from the event log (after
// a restore, or a change of the counting rules), check compares them with
// that recomputation and exits 1 when they differ.
func indexMain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "rebuild" && args[0] != "check") {
		fmt.Fprintln(stderr, "usage: motcua index rebuild|check [--data ./data]")
		return 2
	}
	fs := flag.NewFlagSet("index "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", "./data", "data directory")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	ctx := context.Background()
	svc, st, err := openService(ctx, *dataDir, slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		fmt.Fprintf(stderr, "motcua index: %v\n", err)
		return 1
	}
	defer st.Close()
	start := time.Now()
	if args[0] == "rebuild" {
		n, err := svc.RebuildFigures(ctx)
		if err != nil {
			fmt.Fprintf(stderr, "motcua index rebuild: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "rebuilt the counters from the event log of %d dossiers in %s\n", n, time.Since(start).Round(time.Millisecond))
		return 0
	}
	diffs, n, err := svc.CheckFigures(ctx, 20)
	if err != nil {
		fmt.Fprintf(stderr, "motcua index check: %v\n", err)
		return 1
	}
	if n > 0 {
		fmt.Fprintf(stdout, "%d counter rows differ from the event log; run `motcua index rebuild`:\n", n)
		for _, d := range diffs {
			fmt.Fprintln(stdout, "  "+d)
		}
		return 1
	}
	fmt.Fprintf(stdout, "the counters agree with the event log (%s)\n", time.Since(start).Round(time.Millisecond))
	return 0
}
