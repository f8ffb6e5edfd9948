//! What the command-line tests share: the binary, and running it as a user does.

use std::process::Command;

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_biennien")
}

/// Runs the binary with `args` and returns its standard output; a failure is the report.
pub fn run(args: &[&str]) -> String {
    let out = Command::new(bin())
        .args(args)
        .output()
        .expect("run biennien");
    assert!(
        out.status.success(),
        "biennien {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}
