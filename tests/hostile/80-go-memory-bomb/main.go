// Go memory bomb: live slices, touched, until the control group kills it (MLE).
package main

func main() {
	var keep [][]byte
	for {
		b := make([]byte, 16<<20)
		for i := range b {
			b[i] = 1
		}
		keep = append(keep, b)
	}
}
