package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// pprofFlag adds --pprof ADDR to serve: the Go profiler on its own listener,
// off unless asked for, so that a server under load can be profiled
// (BENCHMARKS.md). It listens apart from the public port because profiles
// reveal the program's internals; bind it to loopback.
func pprofFlag(fs *flag.FlagSet, stderr io.Writer) {
	fs.Func("pprof", "serve Go profiles (/debug/pprof/) on this address, e.g. 127.0.0.1:6060 (off by default)", func(addr string) error {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return fmt.Errorf("pprof listener: %w", err)
		}
		mux := http.NewServeMux()
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
		srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go func() {
			if err := srv.Serve(ln); err != nil {
				fmt.Fprintf(stderr, "motcua serve: pprof: %v\n", err)
			}
		}()
		fmt.Fprintf(stderr, "motcua serve: profiles on http://%s/debug/pprof/\n", ln.Addr())
		return nil
	})
}
