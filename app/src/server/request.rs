//! What a server function or page render may ask about the request it serves: the app context,
//! the session, the viewer, the language and the time zone. Reads Leptos' request context; no I/O.

use std::net::IpAddr;

use http::request::Parts;
use leptos::prelude::use_context;
use tower_sessions::Session;

use crate::domain::language::Language;
use crate::domain::theme::Theme;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::i18n::zone::{Zone, zone_for};
use crate::server::AppContext;
use crate::server::accounts::Account;
use crate::server::audit::Origin;
use crate::server::sessions::Viewer;

pub fn app_context() -> AppResult<AppContext> {
    use_context::<AppContext>().ok_or_else(|| AppError::internal("AppContext missing from context"))
}

fn parts() -> AppResult<Parts> {
    use_context::<Parts>().ok_or_else(|| AppError::internal("request parts missing from context"))
}

pub fn session() -> AppResult<Session> {
    parts()?
        .extensions
        .get::<Session>()
        .cloned()
        .ok_or_else(|| AppError::internal("session layer missing"))
}

pub fn viewer() -> Option<Account> {
    parts()
        .ok()?
        .extensions
        .get::<Viewer>()
        .map(|viewer| viewer.0.clone())
}

pub fn require_viewer() -> AppResult<Account> {
    viewer().ok_or_else(|| ErrorCode::AuthRequired.into())
}

/// A logged-in site admin, else `AUTH_REQUIRED` or `NOT_SITE_ADMIN`.
pub fn require_site_admin() -> AppResult<Account> {
    let viewer = require_viewer()?;
    if viewer.is_admin {
        Ok(viewer)
    } else {
        Err(ErrorCode::NotSiteAdmin.into())
    }
}

/// The client's address as the server's middleware worked it out (behind trusted proxies, the
/// forwarded one), kept in the request's extensions.
#[derive(Clone, Copy, Debug)]
pub struct ClientAddress(pub std::net::IpAddr);

/// Where a request came from, for the audit trail.
pub fn origin() -> Origin {
    parts().map_or_else(|_| Origin::default(), |parts| origin_of(&parts))
}

/// [`origin`] for a request outside Leptos.
pub fn origin_of(parts: &Parts) -> Origin {
    Origin {
        request_id: parts
            .headers
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .map(|id| id.chars().take(64).collect()),
        client_addr: parts
            .extensions
            .get::<ClientAddress>()
            .map(|address| address.0),
    }
}

/// The block an address counts as for limits, as CIDR text: an IPv4 address itself, an IPv6
/// address's /64 (what one home or phone is given, so rotating within it gains nothing).
pub fn address_block(address: IpAddr) -> String {
    let v6 = match address {
        IpAddr::V4(v4) => return format!("{v4}/32"),
        IpAddr::V6(v6) => v6,
    };
    if let Some(v4) = v6.to_ipv4_mapped() {
        return format!("{v4}/32");
    }
    let s = v6.segments();
    format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
}

/// The browser's User-Agent, to name a login's device ("Firefox on Android"); empty when none.
pub fn user_agent() -> String {
    parts()
        .ok()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::USER_AGENT)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_default()
}

/// The cookie that keeps the language picked before logging in.
pub const LANGUAGE_COOKIE: &str = "bulq_language";

/// Every value of a request header, joined with `separator`.
fn header_of(parts: &Parts, name: http::header::HeaderName, separator: &str) -> Option<String> {
    let values: Vec<&str> = parts
        .headers
        .get_all(name)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    (!values.is_empty()).then(|| values.join(separator))
}

/// The language picked on the log-in or registration page, from its cookie.
fn picked_language(parts: &Parts) -> Option<Language> {
    let cookies = header_of(parts, http::header::COOKIE, "; ")?;
    cookies.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == LANGUAGE_COOKIE)
            .then(|| Language::from_code(value))
            .flatten()
    })
}

/// The profile's language, else the one picked before logging in, else the browser's, else
/// English.
pub fn language() -> Language {
    parts().map_or_else(|_| Language::default(), |parts| language_of(&parts))
}

/// [`language`] for a request outside Leptos (a plain axum handler or middleware).
pub fn language_of(parts: &Parts) -> Language {
    let chosen = parts
        .extensions
        .get::<Viewer>()
        .and_then(|viewer| viewer.0.view().language)
        .or_else(|| picked_language(parts));
    let accept = header_of(parts, http::header::ACCEPT_LANGUAGE, ", ");
    Language::resolve(chosen, accept.as_deref())
}

/// Keeps the language picked before logging in for a year (`None` forgets it).
pub fn remember_language(language: Option<Language>) {
    let cookie = match language {
        Some(language) => format!(
            "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            language.code()
        ),
        None => format!("{LANGUAGE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax"),
    };
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&cookie),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// The viewer's time zone as the page carries it, seen now: the profile's, else UTC.
/// The viewer's colour theme; visitors follow their device.
pub fn theme() -> Theme {
    viewer().map(|account| account.theme()).unwrap_or_default()
}

pub fn zone() -> Zone {
    // Whole seconds: the page carries the moment that way, and both sides must count from it.
    let now =
        chrono::DateTime::from_timestamp(chrono::Utc::now().timestamp(), 0).unwrap_or_default();
    viewer()
        .and_then(|account| zone_for(&account.time_zone, now))
        .unwrap_or_else(|| Zone::fixed("UTC", 0, now))
}

#[cfg(test)]
mod tests {
    use super::address_block;

    #[test]
    fn ipv6_counts_by_its_64_and_ipv4_by_itself() {
        let block = |text: &str| address_block(text.parse().unwrap());
        assert_eq!(block("203.0.113.7"), "203.0.113.7/32");
        assert_eq!(block("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(block("2001:db8:1:2:bbbb::9"), block("2001:db8:1:2:aaaa::1"));
        assert_ne!(block("2001:db8:1:3::1"), block("2001:db8:1:2::1"));
        assert_eq!(block("::ffff:198.51.100.4"), "198.51.100.4/32");
    }
}
