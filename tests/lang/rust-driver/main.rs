// missing-number driver in Rust: reads the test from stdin, calls missing_number, prints.
mod solution;

use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect();
    let n = v[0] as usize;
    let mut nums: Vec<i32> = v[1..1 + n].iter().map(|&x| x as i32).collect();
    println!("{}", solution::missing_number(&mut nums));
}
