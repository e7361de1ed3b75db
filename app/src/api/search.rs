//! Search server functions: the results page and the suggestions under the header's search box.

use leptos::prelude::*;

use crate::domain::paging::Page;
use crate::error::AppError;
use crate::model::SearchHit;

#[cfg(feature = "ssr")]
use crate::{
    domain::{paging::PageRequest, search::SearchQuery},
    server::{request, search},
};

pub const RESULTS_PER_PAGE: u32 = 20;
pub const SUGGESTIONS: u32 = 8;

#[server(prefix = "/api", endpoint = "search")]
pub async fn search(q: String, page: Option<u32>) -> Result<Page<SearchHit>, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let query = SearchQuery::parse(&q)?;
    let page = PageRequest::new(page, RESULTS_PER_PAGE);
    search::search(&ctx.db, viewer.id, &query, page).await
}

#[server(prefix = "/api", endpoint = "search/suggest")]
pub async fn suggest(q: String) -> Result<Vec<SearchHit>, AppError> {
    let ctx = request::app_context()?;
    let viewer = request::require_viewer()?;
    let query = SearchQuery::parse(&q)?;
    let page = PageRequest::new(None, SUGGESTIONS);
    Ok(search::search(&ctx.db, viewer.id, &query, page)
        .await?
        .items)
}
