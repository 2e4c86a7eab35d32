// Rust memory bomb: 16 MiB vectors, every page written, until the memory limit stops it (MLE).
fn main() {
    let mut keep: Vec<Vec<u8>> = Vec::new();
    loop {
        keep.push(vec![1u8; 16 << 20]);
        println!("{}", keep.len());
    }
}
