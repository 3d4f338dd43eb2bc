// Command motcua is the one-stop-shop server and its tools. main only parses
// the command line; the work happens in the internal packages.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

const usage = `motcua — Một Cửa, the one-stop shop for administrative procedures

Usage:
  motcua serve [--addr :8080] [--data ./data] [--demo]
  motcua migrate [--data ./data]
  motcua import procedures FILE [--data ./data]
  motcua calendar lunar DATE...
  motcua calendar holidays YEAR
  motcua calendar due --received RFC3339 --amount N --unit working_days|days|same_day
  motcua index rebuild|check [--data ./data]
  motcua audit verify|checkpoint [--data ./data]
  motcua backup --out FILE [--data ./data]
  motcua restore --from FILE [--data ./data] [--force]
  motcua bench generate|load|limit …   (benchmarks, see BENCHMARKS.md)

MOTCUA_DATABASE_URL=postgres://… selects PostgreSQL instead of SQLite in --data;
MOTCUA_MIGRATE_DATABASE_URL=postgres://… (the owner role) migrates it, so that the server's role owns nothing.
MOTCUA_SQLITE_SYNCHRONOUS=full (default, durable at acknowledgement) or normal.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	if len(args) > 1 && wantsHelp(args[1:]) {
		return commandHelp(args, stdout)
	}
	return dispatch(args, stdout, stderr)
}

func dispatch(args []string, stdout, stderr io.Writer) int {
	switch args[0] {
	case "serve":
		return serveMain(args[1:], stdout, stderr)
	case "migrate":
		return migrateMain(args[1:], stdout, stderr)
	case "import":
		return importMain(args[1:], stdout, stderr)
	case "calendar":
		return calendarMain(args[1:], stdout, stderr)
	case "index":
		return indexMain(args[1:], stdout, stderr)
	case "audit":
		return auditMain(args[1:], stdout, stderr)
	case "backup":
		return backupMain(args[1:], stdout, stderr)
	case "restore":
		return restoreMain(args[1:], stdout, stderr)
	case "bench":
		return benchMain(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "motcua: lệnh không tồn tại / unknown command %q\n%s", args[0], usage)
		return 2
	}
}

// wantsHelp reports -h or --help among a command's arguments.
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "--help" || a == "-help" {
			return true
		}
	}
	return false
}

// commandHelp answers "motcua CMD … --help" with the usage on stdout and exit
// 0, whatever the command: the commands with flags print their flags (their
// flag set's usage, sent to stdout), the others the commands' synopsis.
func commandHelp(args []string, stdout io.Writer) int {
	// Only the command, its subcommand and --help go on: the command must
	// print its flags and do nothing ("import procedures FILE --help" must
	// not import FILE).
	only := []string{args[0]}
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") {
		only = append(only, args[1])
	}
	only = append(only, "--help")
	switch args[0] {
	case "serve", "migrate", "index", "import", "bench", "audit", "backup", "restore":
		fmt.Fprint(stdout, usage)
		dispatch(only, stdout, stdout) // a flag set prints its flags and stops at --help
		return 0
	case "calendar":
		if len(args) > 1 && args[1] == "due" {
			return dispatch(only, stdout, stdout)
		}
	}
	fmt.Fprint(stdout, usage)
	return 0
}
