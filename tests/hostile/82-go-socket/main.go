// The network from Go: socket() is a forbidden call (SV).
package main

import (
	"fmt"
	"net"
)

func main() {
	c, err := net.Dial("tcp", "1.1.1.1:80")
	fmt.Println(c, err)
}
