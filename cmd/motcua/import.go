package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/motcua/motcua/internal/catalog"
)

func importMain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "procedures" {
		fmt.Fprintln(stderr, "motcua import: dùng / usage: motcua import procedures FILE [--data ./data]")
		return 2
	}
	fs := flag.NewFlagSet("import procedures", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", "./data", "data directory")
	// Accept the file before or after the flags.
	rest := args[1:]
	var file string
	if len(rest) > 0 && rest[0] != "" && rest[0][0] != '-' {
		file, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return 2
	}
	if file == "" && fs.NArg() == 1 {
		file = fs.Arg(0)
	}
	if file == "" {
		fmt.Fprintln(stderr, "motcua import procedures: thiếu tệp / missing FILE")
		return 2
	}
	f, err := os.Open(file)
	if err != nil {
		fmt.Fprintf(stderr, "motcua import procedures: không mở được tệp / cannot open file: %v\n", err)
		return 2
	}
	defer f.Close()
	procs, issues, err := catalog.ParseFile(f)
	if err != nil {
		fmt.Fprintf(stderr, "motcua import procedures: %v\n", err)
		return 2
	}
	ctx := context.Background()
	svc, st, err := openService(ctx, *dataDir, slog.New(slog.NewTextHandler(stderr, nil)))
	if err != nil {
		fmt.Fprintf(stderr, "motcua import procedures: %v\n", err)
		return 1
	}
	defer st.Close()
	rep, err := svc.ImportProcedures(ctx, procs, issues)
	if err != nil {
		fmt.Fprintf(stderr, "motcua import procedures: nothing imported: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "created %d, new versions %d, unchanged %d, skipped %d\n",
		len(rep.Created), len(rep.Versioned), len(rep.Unchanged), countSkipped(rep.Issues))
	for _, is := range rep.Issues {
		kind := "note"
		if is.Skipped {
			kind = "skipped"
		}
		fmt.Fprintf(stdout, "%s: record %d %s: %s\n", kind, is.Index, is.Code, is.Reason)
	}
	return 0
}

func countSkipped(issues []catalog.Issue) int {
	n := 0
	for _, is := range issues {
		if is.Skipped {
			n++
		}
	}
	return n
}
