//go:build !unix

package parse

import "os/exec"

// setProcessGroup leaves cmd as it is: cancellation kills the process.
func setProcessGroup(cmd *exec.Cmd) {}
