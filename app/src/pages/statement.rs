//! `/groups/:id/money/statement/:member`: one member's printable statement in a group — per
//! currency, every completed run they had a part in (paid, goods, shared costs, what it did to
//! their balance), every confirmed repayment to or from them, and the balance they end with. Two
//! columns, so it reads on a phone as well as on paper.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::api::money::get_member_statement;
use crate::components::page_error::PageError;
use crate::error::ErrorCode;
use crate::i18n::use_i18n;
use crate::model::{MemberStatement, StatementCurrency};
use crate::pages::print::PrintButton;
use crate::{t, tr};

#[component]
pub fn StatementPage() -> impl IntoView {
    let params = use_params_map();
    let ids = move || {
        let params = params.read();
        let id = |name: &str| params.get(name).and_then(|id| Uuid::parse_str(&id).ok());
        id("id").zip(id("member"))
    };
    let statement = Resource::new(ids, |ids| async move {
        match ids {
            Some((group_id, member_id)) => get_member_statement(group_id, member_id).await,
            None => Err(ErrorCode::UserNotFound.into()),
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match statement.await {
                    Ok(statement) => view! { <Statement statement/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Statement(statement: MemberStatement) -> impl IntoView {
    let i18n = use_i18n();
    let title = tr!(i18n, StatementTitle, name = statement.member_name);
    let subtitle = tr!(
        i18n,
        StatementSubtitle,
        group = statement.group_name,
        date = i18n.day_of(statement.made_at)
    );
    let member = statement.member_id;
    view! {
        <Title text=title.clone()/>
        <article class="print-sheet" data-testid="statement">
            <h1>{title}</h1>
            <p class="muted">{subtitle}</p>
            <p class="no-print">
                <a href=format!("/groups/{}/money", statement.group_id)>{t!(i18n, MoneyTitle)}</a>
            </p>
            <PrintButton/>
            {if statement.currencies.is_empty() {
                view! { <p class="empty">{t!(i18n, NoMoneyYet)}</p> }.into_any()
            } else {
                statement.currencies.into_iter().map(|currency| view! {
                    <CurrencyStatement currency member/>
                }).collect_view().into_any()
            }}
        </article>
    }
    .into_any()
}

#[component]
fn CurrencyStatement(currency: StatementCurrency, member: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let code = currency.currency.clone();
    let money = {
        let code = code.clone();
        move |minor: i64| i18n.money(minor, &code)
    };
    let signed = {
        let code = code.clone();
        move |minor: i64| i18n.signed_money(minor, &code)
    };
    let balance = currency.balance.balance_minor;
    view! {
        <section data-testid=format!("statement-{code}")>
            <h2>{code.clone()}</h2>
            <table class="print-table statement-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, CsvEntry)}</th>
                        <th scope="col" class="num">{t!(i18n, CsvBalanceChange)}</th>
                    </tr>
                </thead>
                <tbody>
                    {currency.runs.into_iter().map(|run| {
                        let detail = tr!(
                            i18n,
                            StatementRunDetail,
                            paid = money(run.part.paid_minor),
                            goods = money(run.part.goods_minor),
                            shared = money(run.part.extras_minor)
                        );
                        view! {
                            <tr>
                                <td>
                                    {run.store_name}
                                    <small class="muted statement-day">{i18n.day_of(run.closed_at)}</small>
                                    <small class="muted statement-day">{detail}</small>
                                </td>
                                <td class="num">{signed(run.part.net_minor())}</td>
                            </tr>
                        }
                    }).collect_view()}
                    {currency.repayments.into_iter().map(|repayment| {
                        let (entry, change) = if repayment.from_id == member {
                            (tr!(i18n, StatementRepaidTo, name = repayment.to_name), repayment.amount_minor)
                        } else {
                            (tr!(i18n, StatementRepaidBy, name = repayment.from_name), -repayment.amount_minor)
                        };
                        view! {
                            <tr>
                                <td>{entry}<small class="muted statement-day">{i18n.day_of(repayment.created_at)}</small></td>
                                <td class="num">{signed(change)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" >{t!(i18n, StatementBalance)}</th>
                        <td class="num" data-testid="statement-balance">{signed(balance)}</td>
                    </tr>
                </tfoot>
            </table>
        </section>
    }
}
