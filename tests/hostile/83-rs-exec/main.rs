// Starting a process from Rust: std::process::Command spawns a child (clone without
// CLONE_THREAD, or vfork), a forbidden call (SV). A fork bomb is this in a loop; the first one stops it.
use std::process::Command;

fn main() {
    loop {
        let out = Command::new("/bin/sh").arg("-c").arg("echo CONTAINED").output();
        println!("{:?}", out);
    }
}
