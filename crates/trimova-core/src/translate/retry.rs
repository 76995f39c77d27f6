//! When to try a failed request again.

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
    fn honours_retry_after() {
        assert_eq!(backoff_ms(1, Some(2.0), 0.0), Some(2000));
        assert_eq!(backoff_ms(1, Some(3600.0), 0.0), Some(30_000), "capped");
        assert_eq!(backoff_ms(MAX_ATTEMPTS, Some(1.0), 0.0), None);
    }
}
