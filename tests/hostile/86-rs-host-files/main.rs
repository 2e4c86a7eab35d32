// Host files from Rust: no /etc, /root, /home or procfs in the root; the host name is "judge".
// The one thing /proc may hold, /proc/self/exe while rustc compiles, is not there at run time.
use std::fs;

fn main() {
    let mut leaked = Vec::new();
    for f in ["/etc/passwd", "/etc/shadow", "/etc/hostname", "/root/.bash_history",
              "/proc/self/environ", "/proc/self/exe", "/proc/cpuinfo", "/home", "/var/log/syslog",
              "/usr/lib/rustlib/../../../etc/passwd"] {
        if let Ok(b) = fs::read(f) {
            leaked.push(format!("{}: {:?}", f, &b[..b.len().min(200)]));
        } else if fs::symlink_metadata(f).is_ok() {
            leaked.push(format!("{}: exists", f));
        }
    }
    match fs::read_to_string("/proc/sys/kernel/hostname") {
        Ok(h) if h.trim() != "judge" => leaked.push(format!("host name {}", h.trim())),
        _ => {}
    }
    if leaked.is_empty() {
        println!("CONTAINED");
    } else {
        for l in leaked {
            println!("LEAKED {}", l);
        }
    }
}
