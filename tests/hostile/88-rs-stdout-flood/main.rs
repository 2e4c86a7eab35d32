// Output flood from Rust: past the problem's output limit the run ends (OLE).
use std::io::Write;

fn main() {
    let line = [b'x'; 65536];
    let out = std::io::stdout();
    let mut out = out.lock();
    loop {
        if out.write_all(&line).is_err() {
            return;
        }
    }
}
