// Starting a process from Go: os/exec forks (clone without CLONE_THREAD), a forbidden call (SV).
package main

import (
	"fmt"
	"os/exec"
)

func main() {
	out, err := exec.Command("/bin/sh", "-c", "echo CONTAINED").Output()
	fmt.Println(string(out), err)
}
