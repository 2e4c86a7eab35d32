// The network from Rust: socket() is a forbidden call (SV).
use std::net::TcpStream;

fn main() {
    let c = TcpStream::connect("1.1.1.1:80");
    println!("{:?}", c);
}
