package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/motcua/motcua/internal/config"
	"github.com/motcua/motcua/internal/store"
)

// storeConfig is the database configuration of every command, read once
// from the environment: MOTCUA_DATABASE_URL (PostgreSQL, the server's
// role), MOTCUA_MIGRATE_DATABASE_URL (PostgreSQL, the owner role that
// migrates), MOTCUA_SQLITE_SYNCHRONOUS (full, the default, or normal).
func storeConfig(dataDir string) store.Config {
	// The store checks the values again and says what is wrong with them.
	db, _ := config.DatabaseFromEnv(os.Getenv)
	return storeConfigOf(dataDir, db)
}

func storeConfigOf(dataDir string, db config.Database) store.Config {
	return store.Config{DataDir: dataDir, DatabaseURL: db.URL, MigrateDatabaseURL: db.MigrateURL, SQLiteSynchronous: db.SQLiteSynchronous}
}

// pgURL is the PostgreSQL URL the dump/restore tools run with: the owner
// role when one is configured (it owns the objects), else the server's.
func pgURL() string {
	if u := os.Getenv("MOTCUA_MIGRATE_DATABASE_URL"); u != "" {
		return u
	}
	return os.Getenv("MOTCUA_DATABASE_URL")
}

// backupMain runs `motcua backup --out FILE`: SQLite with VACUUM INTO (a
// consistent snapshot, while the server keeps writing); PostgreSQL with
// pg_dump -Fc (one snapshot too).
func backupMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", "./data", "data directory")
	out := fs.String("out", "", "the backup file to write (must not exist)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "usage: motcua backup --out FILE [--data ./data]")
		return 2
	}
	start := time.Now()
	if u := pgURL(); u != "" {
		cmd := exec.Command("pg_dump", "-Fc", "--no-owner", "-f", *out, "--dbname", u)
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(stderr, "motcua backup: pg_dump: %v\n", err)
			return 1
		}
	} else {
		ctx := context.Background()
		st, err := store.Open(ctx, storeConfig(*dataDir))
		if err != nil {
			fmt.Fprintf(stderr, "motcua backup: %v\n", err)
			return 1
		}
		defer st.Close()
		if err := st.BackupTo(ctx, *out); err != nil {
			fmt.Fprintf(stderr, "motcua backup: %v\n", err)
			return 1
		}
	}
	fmt.Fprintf(stdout, "backup written to %s (%s)\n", *out, time.Since(start).Round(time.Millisecond))
	return 0
}

// restoreMain runs `motcua restore --from FILE --data DIR [--force]`: puts
// the backup in place (SQLite: DIR/motcua.db; PostgreSQL: pg_restore into
// the empty database of MOTCUA_DATABASE_URL, or of the owner URL), then
// runs `audit verify` and `index check` on the restored copy and fails
// when either does.
func restoreMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", "./data", "data directory to restore into")
	from := fs.String("from", "", "the backup file")
	force := fs.Bool("force", false, "overwrite a database already in --data")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *from == "" {
		fmt.Fprintln(stderr, "usage: motcua restore --from FILE [--data ./data] [--force]")
		return 2
	}
	if u := pgURL(); u != "" {
		// pg_restore refuses to overwrite existing objects unless --clean.
		a := []string{"--no-owner", "--exit-on-error", "--dbname", u}
		if *force {
			a = append(a, "--clean", "--if-exists")
		}
		cmd := exec.Command("pg_restore", append(a, *from)...)
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(stderr, "motcua restore: pg_restore: %v\n", err)
			return 1
		}
	} else {
		if err := restoreSQLite(*from, *dataDir, *force); err != nil {
			fmt.Fprintf(stderr, "motcua restore: %v\n", err)
			return 1
		}
	}
	fmt.Fprintf(stdout, "restored %s; checking the copy:\n", *from)
	ctx := context.Background()
	st, err := store.Open(ctx, storeConfig(*dataDir))
	if err != nil {
		fmt.Fprintf(stderr, "motcua restore: %v\n", err)
		return 1
	}
	code := auditVerify(ctx, st, *dataDir, 3, stdout, stderr)
	st.Close()
	if code != 0 {
		return code
	}
	return indexMain([]string{"check", "--data", *dataDir}, stdout, stderr)
}

func restoreSQLite(from, dataDir string, force bool) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	head := make([]byte, 16)
	if _, err := io.ReadFull(src, head); err != nil || string(head) != "SQLite format 3\x00" {
		return fmt.Errorf("%s is not an SQLite backup", from)
	}
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return err
	}
	db := filepath.Join(dataDir, "motcua.db")
	if entries, err := os.ReadDir(dataDir); err != nil {
		return err
	} else if len(entries) > 0 && !force {
		return fmt.Errorf("%s is not empty; use --force to overwrite the database in it", dataDir)
	}
	// Written beside and renamed: a restore cut short leaves the old
	// database, not half of the new one; a stale WAL of the old one would
	// be replayed onto the new one, so it goes.
	tmp, err := os.CreateTemp(dataDir, ".restore-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, src); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(db + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), db); err != nil {
		return err
	}
	if d, err := os.Open(dataDir); err == nil { // the rename itself, durable
		d.Sync()
		d.Close()
	}
	return nil
}
