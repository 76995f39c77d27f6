//! The command line's one error type, and the one place that turns it into a message and an exit
//! status (as ripgrep's `main` does): every command returns `Result<_, Failure>`, and a plain
//! message (`String`) converts into a failure of the input.
//!
//! Exit status: 0 on success, 1 when the input is at fault or a file cannot be written (the
//! message names the file, and the field), 2 on a usage error (clap's own), 3 when another run
//! holds the site folder and `--no-wait` was given.

use std::process::ExitCode;

/// How a command failed, which decides the exit status.
#[derive(Debug)]
pub enum Failure {
    /// The input is at fault (exit 1); the message names the file and the place.
    Input(String),
    /// The input is at fault and the details were already printed (exit 1).
    Quiet(String),
    /// The command was used wrongly (exit 2), as clap's own usage errors.
    Usage(String),
    /// Another run holds the folder (exit 3).
    Busy(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Input(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        Failure::Input(message.to_string())
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Input(m) | Failure::Quiet(m) | Failure::Usage(m) | Failure::Busy(m) => {
                f.write_str(m)
            }
        }
    }
}

impl std::error::Error for Failure {}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Input(_) | Failure::Quiet(_) => 1,
            Failure::Usage(_) => 2,
            Failure::Busy(_) => 3,
        }
    }

    /// Prints the failure on standard error and gives the exit status it means.
    pub fn report(&self) -> ExitCode {
        match self {
            Failure::Usage(message) => {
                eprintln!("trimova: {message}\n\nFor more information, try '--help'.")
            }
            _ => eprintln!("trimova: {self}"),
        }
        ExitCode::from(self.exit_code())
    }
}
