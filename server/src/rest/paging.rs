//! Cursor pagination for every list: a client passes back the `next_cursor` it was given and
//! never builds one. The cursor is opaque (today it names a page), so the paging behind it may
//! change without breaking clients. Page size: `limit`, 1–100, 20 unless asked.

use app::domain::paging::{Page, PageRequest};
use app::error::ErrorCode;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::rest::error::ApiError;

const DEFAULT_LIMIT: u32 = 20;
const MAX_LIMIT: u32 = 100;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// The `next_cursor` of the previous page; absent (or empty) for the first page.
    #[param(pattern = "^[A-Za-z0-9_-]*$", max_length = 64)]
    pub cursor: Option<String>,
    /// How many items per page (1–100).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

impl ListQuery {
    pub fn page(&self) -> Result<PageRequest, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ErrorCode::InvalidInput.into());
        }
        let page = match self.cursor.as_deref() {
            None | Some("") => 1,
            Some(cursor) => decode(cursor).ok_or(ErrorCode::InvalidInput)?,
        };
        Ok(PageRequest::new(Some(page), limit))
    }
}

fn encode(page: u32) -> String {
    URL_SAFE_NO_PAD.encode(format!("p{page}"))
}

fn decode(cursor: &str) -> Option<u32> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    text.strip_prefix('p')?
        .parse::<u32>()
        .ok()
        .filter(|page| *page >= 1)
}

/// One page of a list.
#[derive(Serialize, ToSchema)]
pub struct Paged<T: ToSchema> {
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; `null` on the last one.
    pub next_cursor: Option<String>,
}

impl<T: ToSchema> Paged<T> {
    pub fn from_page<U>(page: Page<U>, convert: impl FnMut(U) -> T) -> Self {
        let next_cursor = page.has_next().then(|| encode(page.page + 1));
        Self {
            items: page.items.into_iter().map(convert).collect(),
            next_cursor,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_strangers_are_refused() {
        assert_eq!(decode(&encode(7)), Some(7));
        assert_eq!(decode("not a cursor"), None);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode("p0")), None);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode("p-1")), None);
    }

    #[test]
    fn limits_are_bounded() {
        let query = |limit| ListQuery {
            cursor: None,
            limit: Some(limit),
        };
        assert!(query(0).page().is_err());
        assert!(query(101).page().is_err());
        assert_eq!(query(100).page().ok().map(|p| p.per_page), Some(100));
    }
}
