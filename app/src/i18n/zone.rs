//! The viewer's time zone as the page carries it: the zone's name and its UTC offsets from 2010 to
//! 2040 as a short table of transitions, plus the moment the server made the page. The server
//! builds it from the tz database (`chrono-tz`); the browser reads the same table back from the
//! page, so both render identical times without shipping the tz database in the WASM (ADR 19).

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    name: String,
    /// The offset (seconds east of UTC) before the first transition.
    base_offset: i32,
    /// (UTC seconds, offset from then on), in time order.
    transitions: Vec<(i64, i32)>,
    /// When the page was made: "2 hours ago" is counted from here on both sides, so the
    /// hydrated page says what the server said.
    now: DateTime<Utc>,
}

impl Zone {
    pub fn utc() -> Zone {
        Zone::fixed("UTC", 0, DateTime::<Utc>::UNIX_EPOCH)
    }

    pub fn fixed(name: &str, offset: i32, now: DateTime<Utc>) -> Zone {
        Zone {
            name: name.to_owned(),
            base_offset: offset,
            transitions: Vec::new(),
            now,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    pub fn offset_at(&self, at: DateTime<Utc>) -> i32 {
        let seconds = at.timestamp();
        let after = self
            .transitions
            .partition_point(|(from, _)| *from <= seconds);
        match after {
            0 => self.base_offset,
            n => self.transitions[n - 1].1,
        }
    }

    /// The wall-clock time in this zone.
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        at.naive_utc() + Duration::seconds(i64::from(self.offset_at(at)))
    }

    /// The page's form: `name;now;base;at:offset,at:offset…`.
    pub fn encode(&self) -> String {
        let transitions: Vec<String> = self
            .transitions
            .iter()
            .map(|(at, offset)| format!("{at}:{offset}"))
            .collect();
        format!(
            "{};{};{};{}",
            self.name,
            self.now.timestamp(),
            self.base_offset,
            transitions.join(",")
        )
    }

    pub fn decode(text: &str) -> Option<Zone> {
        let mut parts = text.split(';');
        let name = parts.next()?.to_owned();
        let now = DateTime::from_timestamp(parts.next()?.parse().ok()?, 0)?;
        let base_offset = parts.next()?.parse().ok()?;
        let transitions = parts
            .next()?
            .split(',')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (at, offset) = pair.split_once(':')?;
                Some((at.parse().ok()?, offset.parse().ok()?))
            })
            .collect::<Option<Vec<(i64, i32)>>>()?;
        Some(Zone {
            name,
            base_offset,
            transitions,
            now,
        })
    }
}

#[cfg(feature = "ssr")]
pub use self::tz_database::{is_known_zone, zone_for, zone_names};

#[cfg(feature = "ssr")]
mod tz_database {
    use std::collections::HashMap;
    use std::sync::{Arc, LazyLock, Mutex};

    use chrono::{DateTime, Duration, NaiveDate, Offset, TimeZone, Utc};
    use chrono_tz::Tz;

    use super::Zone;

    type Table = Arc<(i32, Vec<(i64, i32)>)>;

    static TABLES: LazyLock<Mutex<HashMap<Tz, Table>>> = LazyLock::new(Default::default);

    fn offset(tz: Tz, at: i64) -> i32 {
        DateTime::from_timestamp(at, 0).map_or(0, |at| {
            tz.offset_from_utc_datetime(&at.naive_utc())
                .fix()
                .local_minus_utc()
        })
    }

    /// Every offset change from 2010 to 2040: a day-by-day walk, each change then narrowed to
    /// its second.
    fn table(tz: Tz) -> Table {
        let start = NaiveDate::from_ymd_opt(2010, 1, 1)
            .and_then(|day| day.and_hms_opt(0, 0, 0))
            .map_or(0, |at| at.and_utc().timestamp());
        let end = start + Duration::days(365 * 30 + 8).num_seconds();
        let day = Duration::days(1).num_seconds();
        let base = offset(tz, start);
        let mut transitions = Vec::new();
        let (mut at, mut current) = (start, base);
        while at < end {
            let next = at + day;
            let next_offset = offset(tz, next);
            if next_offset != current {
                let (mut low, mut high) = (at, next);
                while high - low > 1 {
                    let middle = low + (high - low) / 2;
                    if offset(tz, middle) == current {
                        low = middle;
                    } else {
                        high = middle;
                    }
                }
                transitions.push((high, next_offset));
                current = next_offset;
            }
            at = next;
        }
        Arc::new((base, transitions))
    }

    /// The zone named `name` (an IANA name such as `Europe/Belgrade`), seen at `now`.
    pub fn zone_for(name: &str, now: DateTime<Utc>) -> Option<Zone> {
        let tz: Tz = name.parse().ok()?;
        let table = {
            let mut tables = TABLES
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            tables.entry(tz).or_insert_with(|| table(tz)).clone()
        };
        Some(Zone {
            name: tz.name().to_owned(),
            base_offset: table.0,
            transitions: table.1.clone(),
            now,
        })
    }

    pub fn is_known_zone(name: &str) -> bool {
        name.parse::<Tz>().is_ok()
    }

    /// The zones a person may pick: the canonical `Area/City` names, sorted.
    pub fn zone_names() -> Vec<&'static str> {
        let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS
            .iter()
            .map(|tz| tz.name())
            .filter(|name| name.contains('/') && !name.starts_with("Etc/"))
            .chain(["UTC"])
            .collect();
        names.sort_unstable();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_form_round_trips() {
        let zone = Zone {
            name: "Europe/Belgrade".into(),
            base_offset: 3600,
            transitions: vec![(1_711_846_800, 7200), (1_729_990_800, 3600)],
            now: DateTime::from_timestamp(1_733_000_000, 0).unwrap_or_default(),
        };
        assert_eq!(Zone::decode(&zone.encode()), Some(zone));
        assert_eq!(Zone::decode("nonsense"), None);
        assert_eq!(Zone::decode("UTC;x;0;"), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn belgrade_changes_its_clocks_on_the_last_sundays_of_march_and_october() {
        use chrono::TimeZone;
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
        let zone = zone_for("Europe/Belgrade", now).expect("a known zone");
        // 2026-03-29 01:00 UTC the clocks go from 02:00 to 03:00.
        let before = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 59).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        assert_eq!(zone.offset_at(before), 3600);
        assert_eq!(zone.offset_at(after), 7200);
        assert_eq!(
            zone.local(after).format("%Y-%m-%d %H:%M").to_string(),
            "2026-03-29 03:00"
        );
        // And back on 2026-10-25 01:00 UTC.
        let autumn = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        assert_eq!(zone.offset_at(autumn), 3600);
        assert_eq!(
            zone_for("Asia/Kolkata", now).map(|z| z.offset_at(now)),
            Some(19800)
        );
        assert!(zone_for("Mars/Olympus", now).is_none());
        assert!(zone_names().contains(&"Europe/Moscow"));
    }
}
