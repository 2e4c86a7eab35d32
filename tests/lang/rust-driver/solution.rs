// An accepted Rust solution of missing-number through tests/lang/rust-driver/main.rs.
pub fn missing_number(nums: &mut Vec<i32>) -> i32 {
    let n = nums.len() as i64;
    (n * (n + 1) / 2 - nums.iter().map(|&x| x as i64).sum::<i64>()) as i32
}
