package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/motcua/motcua/internal/audit"
	"github.com/motcua/motcua/internal/config"
	"github.com/motcua/motcua/internal/store"
)

const auditUsage = `usage: motcua audit verify|checkpoint [--data ./data]

  verify      walk every dossier's hash chain, check each dossier row against its
              events and the newest signed checkpoints; print OK with counts, or
              the first broken link (dossier code, seq, what differs) and exit 1
  checkpoint  seal the heads of every chain now, signed with the audit key, and
              print the checkpoint line (to anchor outside: e-mail, publish)

The key: MOTCUA_AUDIT_KEY (64 hex digits) or the file audit.key in --data,
created on first use. A verifier may hold only MOTCUA_AUDIT_PUBLIC_KEY.
`

// auditMain runs `motcua audit verify|checkpoint`.
func auditMain(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprint(stdout, auditUsage)
		return 0
	}
	if len(args) == 0 || (args[0] != "verify" && args[0] != "checkpoint") {
		fmt.Fprint(stderr, auditUsage)
		return 2
	}
	fs := flag.NewFlagSet("audit "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, auditUsage) }
	dataDir := fs.String("data", "./data", "data directory")
	n := fs.Int("checkpoints", 3, "verify: how many of the newest checkpoints to check")
	if err := fs.Parse(args[1:]); err != nil {
		if err == flag.ErrHelp {
			fmt.Fprint(stdout, auditUsage)
			return 0
		}
		return 2
	}
	ctx := context.Background()
	st, err := store.Open(ctx, storeConfig(*dataDir))
	if err != nil {
		fmt.Fprintf(stderr, "motcua audit: %v\n", err)
		return 1
	}
	defer st.Close()
	if args[0] == "checkpoint" {
		key, err := audit.LoadKey(os.Getenv, *dataDir)
		if err != nil {
			fmt.Fprintf(stderr, "motcua audit checkpoint: %v\n", err)
			return 1
		}
		now := time.Now().UTC()
		cp, _, err := st.WriteCheckpoint(ctx, key, "manual "+now.Format(time.RFC3339Nano), now, checkpointSettle)
		if err != nil {
			fmt.Fprintf(stderr, "motcua audit checkpoint: %v\n", err)
			return 1
		}
		fmt.Fprintln(stdout, cp.Line())
		return 0
	}
	return auditVerify(ctx, st, *dataDir, *n, stdout, stderr)
}

// auditVerify prints the verification of st and returns the exit code.
func auditVerify(ctx context.Context, st *store.Store, dataDir string, checkpoints int, stdout, stderr io.Writer) int {
	trusted, err := audit.TrustedPublicKey(os.Getenv, dataDir)
	if err != nil {
		fmt.Fprintf(stderr, "motcua audit verify: %v\n", err)
		return 1
	}
	if trusted == nil {
		checkpoints = 0
	}
	start := time.Now()
	rep, err := st.VerifyAudit(ctx, trusted, checkpoints)
	if err != nil {
		fmt.Fprintf(stderr, "motcua audit verify: %v\n", err)
		return 1
	}
	if rep.Break != nil {
		fmt.Fprintf(stdout, "BROKEN: %s\n(%d dossiers verified before it)\n", rep.Break, rep.Dossiers)
		return 1
	}
	if rep.CheckpointErr != nil {
		fmt.Fprintf(stdout, "BROKEN: %v\n", rep.CheckpointErr)
		return 1
	}
	fmt.Fprintf(stdout, "OK: %d dossiers, %d events, every chain intact and every dossier agrees with its log (%s)\n",
		rep.Dossiers, rep.Events, time.Since(start).Round(time.Millisecond))
	switch {
	case trusted == nil:
		fmt.Fprintln(stdout, "checkpoints not checked: no audit key here (set MOTCUA_AUDIT_PUBLIC_KEY)")
	case len(rep.Checkpoints) == 0:
		fmt.Fprintln(stdout, "no checkpoint yet")
	default:
		fmt.Fprintf(stdout, "%d checkpoint(s) verified, the newest: %s\n", len(rep.Checkpoints), rep.Checkpoints[0].Line())
	}
	return 0
}

// checkpointSettle: on PostgreSQL, how long after reading the cut the
// heads are read (store.WriteCheckpoint says why).
const checkpointSettle = 2 * time.Second

// auditCheckpoints writes the periodic checkpoint, once per period of
// MOTCUA_AUDIT_CHECKPOINT_EVERY (config.Config) across all nodes: each node
// looks every minute whether the period has its checkpoint and writes it
// if not (the period is unique; the first node wins). The line goes to the
// log, from where it can be shipped outside.
func auditCheckpoints(ctx context.Context, st *store.Store, cfg *config.Config, log *slog.Logger) error {
	every := cfg.AuditCheckpointEvery
	key, err := audit.LoadKey(cfg.Env, cfg.DataDir)
	if err != nil {
		return err
	}
	go func() {
		tick := time.NewTicker(min(every, time.Minute))
		defer tick.Stop()
		for {
			now := time.Now().UTC()
			cp, written, err := st.WriteCheckpoint(ctx, key, now.Truncate(every).Format(time.RFC3339), now, checkpointSettle)
			switch {
			case err != nil && ctx.Err() == nil:
				log.Error("audit checkpoint", "err", err)
			case written:
				log.Info("audit checkpoint", "checkpoint", cp.Line())
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return nil
}
