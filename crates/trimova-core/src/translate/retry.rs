//! When to try a failed request again.

use crate::provider::{ProviderError, ProviderKind};

/// Tries per request, the first included.
pub const MAX_ATTEMPTS: u32 = 4;

/// Milliseconds to wait before attempt `attempt + 1` (after `attempt` failures, counting from 1),
/// or `None` when no tries are left. A server's `Retry-After` is honoured (capped at 30 s); else
/// exponential back-off from 500 ms, with "full jitter" (`jitter` in 0..1) so that many readers
/// hitting one busy server do not retry in lockstep.
pub fn backoff_ms(attempt: u32, retry_after_secs: Option<f64>, jitter: f64) -> Option<u64> {
    if attempt >= MAX_ATTEMPTS {
        return None;
    }
    let jitter = jitter.clamp(0.0, 1.0);
    Some(match retry_after_secs {
        Some(secs) => (secs * 1000.0).min(30_000.0) as u64 + (jitter * 250.0) as u64,
        None => {
            let ceiling = (500.0 * 2f64.powi(attempt as i32 - 1)).min(8000.0);
            (ceiling / 2.0 + jitter * ceiling / 2.0) as u64
        }
    })
}

/// What a client does after a request for `texts` texts failed with `error` on try `attempt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Send the texts again in two halves: the request was too large, or a batch that `kind`
    /// joins into one text (APy) did not come back apart.
    Split,
    /// Wait this many milliseconds, then send the same request again.
    Wait(u64),
    /// Report the error.
    GiveUp,
}

/// The one retry policy of every client (the browser's and the command line's). `jitter` in 0..1.
pub fn next_step(
    kind: ProviderKind,
    error: &ProviderError,
    texts: usize,
    attempt: u32,
    jitter: f64,
) -> Step {
    match error {
        // A wrong count from a service with a real batch form is its error, reported as such.
        ProviderError::TooLarge if texts > 1 => Step::Split,
        ProviderError::WrongCount { .. } if texts > 1 && kind.joins_batches() => Step::Split,
        e if e.is_transient() => {
            backoff_ms(attempt, e.retry_after(), jitter).map_or(Step::GiveUp, Step::Wait)
        }
        _ => Step::GiveUp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_exponential_with_jitter() {
        assert_eq!(backoff_ms(1, None, 0.0), Some(250));
        assert_eq!(backoff_ms(1, None, 1.0), Some(500));
        assert_eq!(backoff_ms(2, None, 1.0), Some(1000));
        assert_eq!(backoff_ms(3, None, 0.5), Some(1500));
        assert_eq!(backoff_ms(MAX_ATTEMPTS, None, 0.5), None);
    }

    #[test]
    fn splits_waits_or_gives_up() {
        use ProviderKind::{Apertium, Libretranslate};
        let count = ProviderError::WrongCount {
            expected: 3,
            got: 1,
        };
        assert_eq!(
            next_step(Apertium, &ProviderError::TooLarge, 2, 1, 0.0),
            Step::Split
        );
        assert_eq!(
            next_step(Apertium, &ProviderError::TooLarge, 1, 1, 0.0),
            Step::GiveUp
        );
        assert_eq!(next_step(Apertium, &count, 3, 1, 0.0), Step::Split);
        assert_eq!(next_step(Libretranslate, &count, 3, 1, 0.0), Step::GiveUp);
        let busy = ProviderError::RateLimited {
            retry_after: Some(1.0),
        };
        assert_eq!(next_step(Apertium, &busy, 1, 1, 0.0), Step::Wait(1000));
        assert_eq!(
            next_step(Apertium, &busy, 1, MAX_ATTEMPTS, 0.0),
            Step::GiveUp
        );
        assert_eq!(
            next_step(
                Apertium,
                &ProviderError::Server(500, String::new()),
                5,
                1,
                0.0
            ),
            Step::GiveUp
        );
    }

    #[test]
    fn honours_retry_after() {
        assert_eq!(backoff_ms(1, Some(2.0), 0.0), Some(2000));
        assert_eq!(backoff_ms(1, Some(3600.0), 0.0), Some(30_000), "capped");
        assert_eq!(backoff_ms(MAX_ATTEMPTS, Some(1.0), 0.0), None);
    }
}
