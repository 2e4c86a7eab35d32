// Writing outside /tmp from Rust: the root, /box (its own sources and program), /usr, rustc's
// sysroot and /proc are read-only; only /tmp takes writes. CONTAINED when every write elsewhere
// fails.
use std::fs;

fn main() {
    let mut leaked = Vec::new();
    for d in ["/", "/box", "/box/src", "/usr", "/usr/lib/rustlib", "/data", "/dev", "/proc"] {
        if fs::write(format!("{}/hostile-was-here", d.trim_end_matches('/')), b"x").is_ok() {
            leaked.push(d);
        }
    }
    if fs::write("/box/prog", b"x").is_ok() {
        leaked.push("/box/prog");
    }
    fs::write("/tmp/ok", b"fine").expect("/tmp takes writes");
    if leaked.is_empty() {
        println!("CONTAINED");
    } else {
        for d in leaked {
            println!("WROTE {}", d);
        }
    }
}
