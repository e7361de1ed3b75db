//! How fast someone may keep guessing an account's password, from its recent failed log-ins.
//! Guesses from one place back off exponentially; guesses from everywhere together only slow
//! every answer down. Nothing here ever refuses the account's owner trying from their own
//! place, so an attacker cannot lock a victim out.

use std::time::Duration;

/// Failures from one place (an address, an IPv6 /64) before it has to wait.
pub const FREE_FAILURES_HERE: u32 = 5;
/// The longest one place waits between guesses.
pub const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);
/// Failures from everywhere within the hour after which every answer for the account is slowed.
pub const SLOW_AFTER_FAILURES: u32 = 20;
/// How much slower each answer is then.
pub const SLOWDOWN: Duration = Duration::from_secs(2);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginPace {
    /// Check the password now.
    Go,
    /// Check it, but answer only after this pause.
    Slow(Duration),
    /// Refuse without checking: this place tries again after this long.
    Wait(Duration),
}

/// The pace for the next guess at an account that failed `here` times in the last 15 minutes
/// from this place and `everywhere` times in the last hour from all places.
pub fn login_pace(here: u32, everywhere: u32) -> LoginPace {
    if here >= FREE_FAILURES_HERE {
        let doublings = (here - FREE_FAILURES_HERE).min(16);
        let wait = Duration::from_secs(1_u64 << doublings).min(LONGEST_WAIT);
        return LoginPace::Wait(wait);
    }
    if everywhere >= SLOW_AFTER_FAILURES {
        return LoginPace::Slow(SLOWDOWN);
    }
    LoginPace::Go
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_place_backs_off_exponentially_up_to_a_cap() {
        assert_eq!(login_pace(0, 0), LoginPace::Go);
        assert_eq!(login_pace(4, 4), LoginPace::Go);
        assert_eq!(login_pace(5, 5), LoginPace::Wait(Duration::from_secs(1)));
        assert_eq!(login_pace(6, 6), LoginPace::Wait(Duration::from_secs(2)));
        assert_eq!(login_pace(10, 10), LoginPace::Wait(Duration::from_secs(32)));
        assert_eq!(login_pace(40, 40), LoginPace::Wait(LONGEST_WAIT));
        assert_eq!(
            login_pace(u32::MAX, u32::MAX),
            LoginPace::Wait(LONGEST_WAIT)
        );
    }

    #[test]
    fn many_places_only_slow_the_answer_down() {
        assert_eq!(login_pace(0, 19), LoginPace::Go);
        assert_eq!(login_pace(0, 20), LoginPace::Slow(SLOWDOWN));
        assert_eq!(login_pace(4, 500), LoginPace::Slow(SLOWDOWN));
    }
}
