//! Page requests for every list that grows: 1-based page numbers with a bounded page size.

use serde::{Deserialize, Serialize};

pub const MAX_PER_PAGE: u32 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRequest {
    pub page: u32,
    pub per_page: u32,
}

impl PageRequest {
    /// Any page number or size a URL carries becomes a valid request.
    pub fn new(page: Option<u32>, per_page: u32) -> Self {
        Self {
            page: page.unwrap_or(1).max(1),
            per_page: per_page.clamp(1, MAX_PER_PAGE),
        }
    }

    pub fn offset(&self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }

    pub fn limit(&self) -> i64 {
        i64::from(self.per_page)
    }

    /// The page this request asked for, holding `items` of `total`.
    pub fn page_of<T>(&self, items: Vec<T>, total: u64) -> Page<T> {
        Page {
            items,
            page: self.page,
            per_page: self.per_page,
            total,
        }
    }
}

/// One page of a list, with what a pager needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

impl<T> Page<T> {
    pub fn has_previous(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        u64::from(self.page) * u64::from(self.per_page) < self.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_bounded() {
        assert_eq!(
            PageRequest::new(Some(0), 20),
            PageRequest {
                page: 1,
                per_page: 20
            }
        );
        assert_eq!(PageRequest::new(None, 1000).per_page, MAX_PER_PAGE);
        assert_eq!(PageRequest::new(Some(3), 20).offset(), 40);
    }

    #[test]
    fn a_page_knows_its_neighbours() {
        let page = Page::<()> {
            items: vec![],
            page: 2,
            per_page: 10,
            total: 25,
        };
        assert!(page.has_previous() && page.has_next());
        let last = Page::<()> {
            items: vec![],
            page: 3,
            per_page: 10,
            total: 25,
        };
        assert!(!last.has_next());
    }
}
