// Go goroutine bomb: goroutines are not threads; a million blocked ones cost memory and time but
// the thread count stays small. Spinning forever, it ends at the time limit (TLE).
package main

func main() {
	for i := 0; ; i++ {
		go func() { select {} }()
		if i > 1000000 {
			for {
			}
		}
	}
}
