use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let v: Vec<i64> = s.split_whitespace().map(|t| t.parse().unwrap()).collect();
    let n = v[0] as usize;
    let mut sum: i64 = 0;
    for i in 0..n {
        let j = (i + 1) % n;
        sum += v[1 + 2 * i] * v[2 + 2 * j] - v[1 + 2 * j] * v[2 + 2 * i];
    }
    println!("{}", (sum.abs() as f64) / 2.0);
}
