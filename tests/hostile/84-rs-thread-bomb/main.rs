// Rust thread bomb: threads past the language's process count fail to start (EAGAIN);
// std::thread::spawn panics then, and the panic ends the program with exit 101 (RE).
use std::thread;
use std::time::Duration;

fn main() {
    let mut handles = Vec::new();
    loop {
        handles.push(thread::spawn(|| thread::sleep(Duration::from_secs(5))));
    }
}
