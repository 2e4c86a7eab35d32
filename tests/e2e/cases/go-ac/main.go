package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(r, &n)
	var s int64
	for i := 0; i < n; i++ {
		var x int64
		fmt.Fscan(r, &x)
		s += x
	}
	for i := 0; i < n-1; i++ {
		var x int64
		fmt.Fscan(r, &x)
		s -= x
	}
	fmt.Println(s)
}
