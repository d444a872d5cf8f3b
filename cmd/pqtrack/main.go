// Command pqtrack reads written-question documents, says per question what
// the minister's answer really delivers, and keeps track of what is owed.
//
// Usage:
//
//	pqtrack COMMAND [flags] [args]
//
// Run "pqtrack help" for the list of commands.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand. Each lives in its own file and registers itself
// in init, so adding a command touches no other file.
type command struct {
	summary string
	run     func(env *env, args []string) error
}

var commands = map[string]command{}

func register(name, summary string, run func(env *env, args []string) error) {
	commands[name] = command{summary: summary, run: run}
}

// env is what a command may touch of the outside world; tests replace it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// exitError carries an exit code for failures that are not usage errors,
// such as an eval below --min-f1 or a failed send.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func main() {
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(e, os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "pqtrack: unknown command %q\n\n", args[0])
		usage(e.stderr)
		return 2
	}
	if err := c.run(e, args[1:]); err != nil {
		if x, ok := err.(*exitError); ok {
			if x.err != nil {
				fmt.Fprintf(e.stderr, "pqtrack %s: %v\n", args[0], x.err)
			}
			return x.code
		}
		fmt.Fprintf(e.stderr, "pqtrack %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "pqtrack: keep ministers to their word.\n\nUsage: pqtrack COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nFlags may come before or after the arguments (pqtrack check 6 --delivered).\n"+
		"Messages are in Dutch; --lang en or PQTRACK_LANG=en gives English.\n"+
		"Run \"pqtrack COMMAND -h\" for a command's flags.")
}
