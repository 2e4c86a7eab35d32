// Signals from Rust: kill(-1, SIGKILL) through the C library std links (no crate needed) reaches
// only the program's own pid namespace (nothing but itself, which kill(-1) skips); the judge and
// its neighbours never see it.
extern "C" {
    fn kill(pid: i32, sig: i32) -> i32;
}

fn main() {
    let rc = unsafe { kill(-1, 9) };
    println!("CONTAINED");
    eprintln!("kill(-1) returned {}", rc);
}
