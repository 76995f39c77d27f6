//! `trimova`: the newsroom's command line over the same core (and, for pages, the same
//! components) as the app.
//!
//! This file parses the arguments (`args`), hands each command its own (one module per command:
//! `import`, `validate`, `translate`, `index`, `pages`) and turns a failure into a message and an
//! exit status (`failure`). The rest is shared by the commands: writing files whole (`write`),
//! finding them (`files`), the site lock (`lock`), the progress bar (`progress`) and the page
//! shell (`shell`).

mod args;
mod failure;
mod files;
mod import;
mod index;
mod io_workers;
mod lock;
mod pages;
mod progress;
mod shell;
mod translate;
mod validate;
mod write;

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// A full build makes and drops millions of small strings on every core, where glibc's allocator
/// spent a fifth of the build's time (20,000 articles on a tmpfs: 6.7-7.5 s with it, 5.2-5.3 s
/// with mimalloc, whose version 2 holds no more memory at the peak). Version 3 kept 30 MB more.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Import(args) => import::run(args),
        Command::Validate(args) => validate::run(&args.paths),
        Command::Translate(args) => translate::run(args),
        Command::Index(args) => index::run(&args),
        Command::Pages(args) => pages::command(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}
