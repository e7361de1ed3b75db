//! `/groups/:id/money`: who owes whom in the group. Per currency: the viewer's own balance,
//! everyone's (paid, goods, repaid, and the runs behind it), the transfers that settle everything
//! with the rule that found them, "I paid" / "I received it" on the viewer's own transfers, and a
//! toggle to each run's own debts before simplifying; then repayments waiting for the receiver
//! (confirm or withdraw) and the newest decided ones. Links to the ledger CSV and statements.
//! Plain forms and `<details>`, so it works without JavaScript; live, it follows every change in
//! the group.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::api::money::{ConfirmRepayment, RecordRepayment, WithdrawRepayment, get_group_money};
use crate::components::form::refresh_after;
use crate::components::form::{FormError, FormState, SubmitButton};
use crate::components::live::live_refresh;
use crate::components::page_error::PageError;
use crate::components::toast::toast_after;
use crate::domain::money::format_plain;
use crate::domain::settlement::{Method, SettlementState};
use crate::error::ErrorCode;
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::{
    CurrencyMoney, GroupMoney, MemberBalance, RunMoney, SettlementView, SuggestedTransfer,
};
use crate::{t, tr};

#[derive(Clone, Copy)]
struct MoneyActions {
    repay: ServerAction<RecordRepayment>,
    confirm: ServerAction<ConfirmRepayment>,
    withdraw: ServerAction<WithdrawRepayment>,
}

#[component]
pub fn MoneyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let group_id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| Uuid::parse_str(&id).ok())
    };
    let refresh = RwSignal::new(0_usize);
    let actions = MoneyActions {
        repay: ServerAction::new(),
        confirm: ServerAction::new(),
        withdraw: ServerAction::new(),
    };
    refresh_after(actions.repay, refresh);
    refresh_after(actions.confirm, refresh);
    refresh_after(actions.withdraw, refresh);
    toast_after(actions.repay, Key::ToastSaved);
    toast_after(actions.confirm, Key::ToastSaved);
    toast_after(actions.withdraw, Key::ToastSaved);
    if let Some(group_id) = untrack(group_id) {
        live_refresh(format!("/events/groups/{group_id}"), refresh);
    }
    let money = Resource::new(
        move || (group_id(), refresh.get()),
        |(group_id, _)| async move {
            match group_id {
                Some(group_id) => get_group_money(group_id).await,
                None => Err(ErrorCode::GroupNotFound.into()),
            }
        },
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match money.await {
                    Ok(money) => view! { <Money money actions/> }.into_any(),
                    Err(error) => view! { <Title text=i18n.t_now(Key::MoneyTitle)/><PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Money(money: GroupMoney, actions: MoneyActions) -> impl IntoView {
    let i18n = use_i18n();
    let group_id = money.group_id;
    let viewer = money.viewer_id;
    let title = tr!(i18n, MoneyPageTitle, group = money.group_name);
    let (pending, decided): (Vec<SettlementView>, Vec<SettlementView>) = money
        .settlements
        .into_iter()
        .partition(|s| s.state == SettlementState::Pending);
    view! {
        <Title text=title.clone()/>
        <header class="page-header">
            <h1>{title}</h1>
            <a class="button small" href=format!("/groups/{group_id}")>{t!(i18n, BackToGroup)}</a>
        </header>
        <p class="page-links">
            <a href=format!("/groups/{group_id}/money/statement/{viewer}") data-testid="my-statement">{t!(i18n, MyStatementLink)}</a>
            <a href=format!("/groups/{group_id}/money/ledger.csv") download="" data-testid="ledger-csv" rel="external">{t!(i18n, LedgerDownload)}</a>
        </p>
        {if money.currencies.is_empty() {
            view! { <section class="card"><p class="empty">{t!(i18n, NoMoneyYet)}</p></section> }.into_any()
        } else {
            money.currencies.into_iter().map(|currency| view! {
                <CurrencyCard money=currency group_id viewer actions/>
            }).collect_view().into_any()
        }}
        {(!pending.is_empty()).then(|| view! {
            <section class="card" data-testid="pending-repayments">
                <h2>{t!(i18n, PendingRepaymentsTitle)}</h2>
                <ul class="group-list">
                    {pending.into_iter().map(|s| view! { <PendingRepayment settlement=s viewer actions/> }).collect_view()}
                </ul>
            </section>
        })}
        {(!decided.is_empty()).then(|| view! {
            <section class="card" data-testid="repayments">
                <h2>{t!(i18n, RepaymentsTitle)}</h2>
                <ul class="group-list">
                    {decided.into_iter().map(|s| {
                        let state = match s.state {
                            SettlementState::Confirmed => Key::RepaymentConfirmed,
                            SettlementState::Withdrawn | SettlementState::Pending => Key::RepaymentWithdrawn,
                        };
                        view! {
                            <li class="list-row">
                                <span class="list-title">{repayment_line(i18n, &s)}</span>
                                <span class="muted">{move || i18n.t(state)}</span>
                                <span class="muted">{i18n.day_of(s.created_at)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
    .into_any()
}

/// "Bob paid Ana €7.50".
fn repayment_line(i18n: I18n, s: &SettlementView) -> String {
    tr!(
        i18n,
        RepaymentLine,
        from = s.from_name,
        to = s.to_name,
        amount = i18n.money(s.amount_minor, &s.currency)
    )
}

#[component]
fn CurrencyCard(
    money: CurrencyMoney,
    group_id: Uuid,
    viewer: Uuid,
    actions: MoneyActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let currency = money.currency.clone();
    let mine = money
        .members
        .iter()
        .find(|member| member.user_id == viewer)
        .map_or(0, |member| member.balance_minor);
    let own = match mine.signum() {
        1 => tr!(i18n, YouAreOwed, amount = i18n.money(mine, &currency)),
        -1 => tr!(i18n, YouOwe, amount = i18n.money(-mine, &currency)),
        _ => i18n.t_now(Key::YouAreSquare).to_owned(),
    };
    let waiting = money.members.iter().any(|member| member.pending_minor != 0);
    let rule = match money.method {
        Method::Fewest => Key::SettleRuleFewest,
        Method::Paired => Key::SettleRulePaired,
    };
    let run_debts = money.runs.clone();
    let older_runs = money.run_count > money.runs.len();
    view! {
        <section class="card" data-testid=format!("money-{}", money.currency)>
            <h2>{tr!(i18n, BalancesTitle, currency = money.currency)}</h2>
            <p class="own-balance" data-testid="own-balance">{own}</p>
            <ul class="group-list balances" data-testid="balances">
                {money.members.iter().cloned().map(|member| view! {
                    <BalanceRow member runs=money.runs.clone() currency=currency.clone() group_id/>
                }).collect_view()}
            </ul>
            <h3>{t!(i18n, TransfersTitle)}</h3>
            {if money.transfers.is_empty() && waiting {
                view! { <p class="empty" data-testid="all-paid">{t!(i18n, AllPaidWaiting)}</p> }.into_any()
            } else if money.transfers.is_empty() {
                view! { <p class="empty" data-testid="all-square">{t!(i18n, AllSquare)}</p> }.into_any()
            } else {
                view! {
                    <ul class="group-list" data-testid="transfers">
                        {money.transfers.into_iter().map(|transfer| view! {
                            <Transfer transfer group_id viewer currency=currency.clone() actions/>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p class="muted settle-rule">{move || i18n.t(rule)}</p>
            <RunByRun runs=run_debts currency=currency.clone() more=older_runs/>
        </section>
    }
    .into_any()
}

/// One person's balance, opening to the runs behind it and their statement.
#[component]
fn BalanceRow(
    member: MemberBalance,
    runs: Vec<RunMoney>,
    currency: String,
    group_id: Uuid,
) -> impl IntoView {
    let i18n = use_i18n();
    let signed = |amount: i64| i18n.signed_money(amount, &currency);
    let detail = tr!(
        i18n,
        BalanceDetail,
        paid = i18n.money(member.paid_minor, &currency),
        goods = i18n.money(member.share_minor, &currency),
        repaid = signed(member.settled_minor)
    );
    let behind: Vec<(String, String, String)> = runs
        .iter()
        .filter_map(|run| {
            let part = run.of(member.user_id)?;
            Some((
                run.store_name.clone(),
                i18n.day_of(run.closed_at),
                signed(part.net_minor()),
            ))
        })
        .collect();
    let repaid = (member.settled_minor != 0).then(|| signed(member.settled_minor));
    let statement = format!("/groups/{group_id}/money/statement/{}", member.user_id);
    let balance = signed(member.balance_minor);
    view! {
        <li class="balance-row" data-testid=format!("balance-{}", member.name)>
            <span class="list-title">{member.name.clone()}</span>
            <span class="balance" class:owes=member.balance_minor < 0 data-testid="balance">{balance}</span>
            <details class="balance-detail" data-testid="behind">
                <summary class="muted">{detail}</summary>
                <ul class="behind-list">
                    {behind.into_iter().map(|(store, day, net)| view! {
                        <li><span>{store}" "<small class="muted">{day}</small></span>" "<span class="amount">{net}</span></li>
                    }.into_any()).collect_view()}
                    {repaid.map(|repaid| view! {
                        <li><span>{t!(i18n, RepaymentsTitle)}</span>" "<span class="amount">{repaid}</span></li>
                    }.into_any())}
                </ul>
                <a href=statement>{t!(i18n, StatementLink)}</a>
            </details>
        </li>
    }
    .into_any()
}

/// The toggle to the debts before simplifying: what each run alone has people pay each other.
#[component]
fn RunByRun(runs: Vec<RunMoney>, currency: String, more: bool) -> impl IntoView {
    let i18n = use_i18n();
    (!runs.is_empty()).then(|| view! {
        <details class="run-by-run" data-testid="run-debts">
            <summary>{t!(i18n, RunByRunTitle)}</summary>
            <p class="muted">{t!(i18n, RunByRunHint)}</p>
            <ul class="group-list">
                {runs.into_iter().map(|run| {
                    let debts: Vec<String> = run.debts.iter().map(|debt| tr!(
                        i18n,
                        TransferLine,
                        from = debt.from_name,
                        to = debt.to_name,
                        amount = i18n.money(debt.amount_minor, &currency)
                    )).collect();
                    view! {
                        <li class="run-debts" data-testid=format!("run-debts-{}", run.store_name)>
                            <strong>{run.store_name.clone()}</strong>" "<span class="muted">{i18n.day_of(run.closed_at)}</span>
                            {if debts.is_empty() {
                                view! { <p class="muted">{t!(i18n, RunNoDebts)}</p> }.into_any()
                            } else {
                                view! { <ul>{debts.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {more.then(|| view! { <p class="muted">{t!(i18n, OlderRunsInLedger)}</p> })}
        </details>
    }.into_any())
}

/// One transfer of the plan; on the viewer's own, the button that records it.
#[component]
fn Transfer(
    transfer: SuggestedTransfer,
    group_id: Uuid,
    viewer: Uuid,
    currency: String,
    actions: MoneyActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = FormState::of(actions.repay);
    let line = tr!(
        i18n,
        TransferLine,
        from = transfer.from_name,
        to = transfer.to_name,
        amount = i18n.money(transfer.amount_minor, &currency)
    );
    let label = if viewer == transfer.from_id {
        Some(Key::IPaidSubmit)
    } else if viewer == transfer.to_id {
        Some(Key::IReceivedSubmit)
    } else {
        None
    };
    let form = format!("repay-{}-{}", transfer.from_id, transfer.to_id);
    let pays = viewer == transfer.from_id;
    let pay_to = transfer.pay_to.clone().map(|to| {
        let account = [to.name.as_str(), to.iban.as_str(), to.note.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let qr = to.qr_svg.filter(|_| pays);
        (account, qr)
    });
    view! {
        <li class="list-row transfer" data-testid=format!("transfer-{}-{}", transfer.from_name, transfer.to_name)>
            <span class="list-title">{line}</span>
            {pay_to.map(|(account, qr)| view! {
                <p class="pay-to muted" data-testid="pay-to">{tr!(i18n, PayToLine, account = account)}</p>
                {qr.map(|svg| view! {
                    <figure class="epc-qr">
                        <div data-testid="epc-qr" inner_html=svg></div>
                        <figcaption class="muted">{t!(i18n, ScanToPay)}</figcaption>
                    </figure>
                })}
            })}
            {label.map(|label| view! {
                <ActionForm action=actions.repay attr:class="inline-form">
                    <FormError state form=form.clone()/>
                    <input type="hidden" name="group_id" value=group_id.to_string()/>
                    <input type="hidden" name="from" value=transfer.from_id.to_string()/>
                    <input type="hidden" name="to" value=transfer.to_id.to_string()/>
                    <input type="hidden" name="currency" value=currency.clone()/>
                    <input type="hidden" name="amount" value=format_plain(transfer.amount_minor, &currency)/>
                    <SubmitButton state label/>
                </ActionForm>
            })}
        </li>
    }
}

/// A repayment waiting for the receiver: they confirm it, the payer may withdraw it.
#[component]
fn PendingRepayment(
    settlement: SettlementView,
    viewer: Uuid,
    actions: MoneyActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirm_state = FormState::of(actions.confirm);
    let withdraw_state = FormState::of(actions.withdraw);
    let id = settlement.id;
    let line = repayment_line(i18n, &settlement);
    view! {
        <li class="list-row" data-testid=format!("pending-{}-{}", settlement.from_name, settlement.to_name)>
            <span class="list-title">{line}</span>
            <span class="muted">{t!(i18n, RepaymentWaiting)}</span>
            {(viewer == settlement.to_id).then(|| view! {
                <ActionForm action=actions.confirm attr:class="inline-form">
                    <FormError state=confirm_state form=format!("confirm-{id}")/>
                    <input type="hidden" name="settlement_id" value=id.to_string()/>
                    <SubmitButton state=confirm_state label=Key::ConfirmReceivedSubmit/>
                </ActionForm>
            })}
            {(viewer == settlement.from_id).then(|| view! {
                <ActionForm action=actions.withdraw attr:class="inline-form">
                    <FormError state=withdraw_state form=format!("withdraw-{id}")/>
                    <input type="hidden" name="settlement_id" value=id.to_string()/>
                    <SubmitButton state=withdraw_state label=Key::WithdrawRepaymentSubmit/>
                </ActionForm>
            })}
        </li>
    }
}
