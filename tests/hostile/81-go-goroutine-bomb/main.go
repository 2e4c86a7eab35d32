// Go goroutine bomb: goroutines are not threads, so the thread count stays small whatever their
// number; each costs a stack in memory, and the control group stops the program (MLE).
package main

func main() {
	for {
		go func() { select {} }()
	}
}
