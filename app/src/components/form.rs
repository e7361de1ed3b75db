//! Form building blocks that read a server action: the error in place, a submit button that
//! disables itself while the request is under way, and a success note.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::domain::validation::{PASSWORD_MAX, PASSWORD_MIN};
use crate::error::{AppError, ErrorCode};
use crate::i18n::{Arg, Key, use_i18n};

/// The state of one form's action, as the pieces below need it. Read it through the methods:
/// when a refetch swaps a page, Leptos may run a last render effect of a form whose owner is
/// already disposed, and a plain `get` there would panic; the methods read as "idle" instead.
#[derive(Clone, Copy)]
pub struct FormState {
    pending: Memo<bool>,
    outcome: Signal<Option<Result<(), AppError>>>,
}

impl FormState {
    pub fn of<S>(action: ServerAction<S>) -> Self
    where
        S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        let value = action.value();
        Self {
            pending: action.pending(),
            outcome: Signal::derive(move || {
                value.with(|value| {
                    value
                        .as_ref()
                        .map(|result| result.as_ref().map(drop).map_err(Clone::clone))
                })
            }),
        }
    }

    pub fn is_pending(&self) -> bool {
        self.pending.try_get().unwrap_or(false)
    }

    pub fn error(&self) -> Option<AppError> {
        self.outcome.try_get().flatten().and_then(Result::err)
    }

    pub fn succeeded(&self) -> bool {
        matches!(self.outcome.try_get(), Some(Some(Ok(()))))
    }
}

/// A new action paired with its state, for pages that keep several.
pub fn with_state<S>(action: ServerAction<S>) -> (ServerAction<S>, FormState)
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    (action, FormState::of(action))
}

/// Which of a page's repeated forms a no-JS post came from (its `__form` name, sent along and
/// returned in the URL): read once per page rather than once per form.
#[derive(Clone, Copy)]
pub struct SentForm(Memo<Option<String>>);

impl SentForm {
    /// Call once inside the router; every `FormError` below reads it.
    pub fn provide() {
        provide_context(Self::from_query());
    }

    fn from_query() -> Self {
        let query = leptos_router::hooks::use_query_map();
        SentForm(Memo::new(move |_| query.read().get("__form")))
    }

    fn current() -> Self {
        use_context().unwrap_or_else(Self::from_query)
    }

    /// Whether an error read now belongs to the form named `form`: after a no-JS post only the
    /// form that was sent shows it; with JavaScript every form has its own action anyway.
    fn is(self, form: Option<String>) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        let SentForm(sent) = self;
        let form = StoredValue::new(form);
        move || {
            sent.try_with(|sent| {
                form.with_value(|form| match (sent, form) {
                    (Some(sent), Some(form)) => sent == form,
                    (Some(_), None) => false,
                    (None, _) => true,
                })
            })
            .unwrap_or(false)
        }
    }
}

/// What a field holds, for telling which field an error concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concern {
    Username,
    DisplayName,
    NewPassword,
    PasswordRepeat,
    CurrentPassword,
    Name,
    Quantity,
    Tolerance,
    Amount,
    Pack,
}

impl Concern {
    /// The field an error is about, for the errors that are about one field.
    pub fn of(code: ErrorCode) -> Option<Self> {
        Some(match code {
            ErrorCode::UsernameInvalid | ErrorCode::UsernameTaken => Self::Username,
            ErrorCode::DisplayNameInvalid => Self::DisplayName,
            ErrorCode::PasswordTooShort
            | ErrorCode::PasswordTooLong
            | ErrorCode::PasswordTooCommon => Self::NewPassword,
            ErrorCode::PasswordMismatch => Self::PasswordRepeat,
            ErrorCode::PasswordIncorrect => Self::CurrentPassword,
            ErrorCode::GroupNameInvalid
            | ErrorCode::StoreNameInvalid
            | ErrorCode::ProductNameInvalid => Self::Name,
            ErrorCode::QuantityInvalid | ErrorCode::WholeUnitsOnly => Self::Quantity,
            ErrorCode::ToleranceInvalid => Self::Tolerance,
            ErrorCode::PackInvalid => Self::Pack,
            ErrorCode::AmountInvalid | ErrorCode::PriceMissing => Self::Amount,
            _ => return None,
        })
    }
}

/// One field's side of its form's error: the control's `aria-invalid` and `aria-describedby`
/// (its hint, and the message under it while the error concerns it), and that message
/// ([`Field`]'s `check`). The message at the top of the form stays, for the whole form.
#[derive(Clone)]
pub struct FieldCheck {
    state: FormState,
    concern: Concern,
    id: String,
    hint: bool,
    form: Option<String>,
}

impl FieldCheck {
    /// The check of the control `id` of a form with `state`; `form` names a repeated form.
    pub fn new(state: FormState, concern: Concern, id: impl Into<String>) -> Self {
        Self {
            state,
            concern,
            id: id.into(),
            hint: false,
            form: None,
        }
    }

    /// The control also has a hint, `{id}-hint`.
    pub fn with_hint(mut self) -> Self {
        self.hint = true;
        self
    }

    /// The form is one of many alike on the page (see [`FormError`]'s `form`).
    pub fn in_form(mut self, form: impl Into<String>) -> Self {
        self.form = Some(form.into());
        self
    }

    fn error(&self) -> impl Fn() -> Option<AppError> + Copy + Send + Sync + use<> {
        let state = self.state;
        let concern = self.concern;
        let mine = SentForm::current().is(self.form.clone());
        move || {
            state
                .error()
                .filter(|error| Concern::of(error.code) == Some(concern) && mine())
        }
    }

    pub fn invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + use<> {
        let error = self.error();
        move || error().map(|_| "true")
    }

    pub fn described_by(&self) -> impl Fn() -> Option<String> + Send + Sync + use<> {
        let error = self.error();
        let id = self.id.clone();
        let hint = self.hint;
        move || {
            let ids: Vec<String> = [
                hint.then(|| format!("{id}-hint")),
                error().map(|_| format!("{id}-error")),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }
}

/// The message under a field whose value the last attempt refused.
#[component]
pub fn FieldError(check: FieldCheck) -> impl IntoView {
    let i18n = use_i18n();
    let error = check.error();
    let id = format!("{}-error", check.id);
    move || {
        error().map(|error| {
            view! { <small class="field-error" id=id.clone()>{i18n.error(&error)}</small> }
        })
    }
}

/// The error of the last attempt, announced to screen readers. A form that appears many times on
/// a page (one per product) passes its `form` name: it is sent along, and after a post without
/// JavaScript only the form that was sent shows the error (and the page jumps to it).
#[component]
pub fn FormError(state: FormState, #[prop(optional, into)] form: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let mine = SentForm::current().is(form.clone());
    view! {
        {form.map(|form| view! {
            <input type="hidden" name="__form" value=form.clone()/>
            <span class="form-anchor" id=form></span>
        })}
        {move || {
            state.error().filter(|_| mine()).map(|error| {
                view! {
                    <p class="form-error" role="alert" data-code=error.code.as_str()>
                        {i18n.error(&error)}
                    </p>
                }
            })
        }}
    }
}

/// A confirmation shown after the last attempt succeeded.
#[component]
pub fn FormSuccess(state: FormState, message: Key) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        (state.succeeded() && !state.is_pending())
            .then(|| view! { <p class="form-success" role="status">{i18n.t(message)}</p> })
    }
}

/// `plain` for one of several actions in a row, where a filled button would shout.
#[component]
pub fn SubmitButton(state: FormState, label: Key, #[prop(optional)] plain: bool) -> impl IntoView {
    let i18n = use_i18n();
    let class = if plain { "button" } else { "button primary" };
    view! {
        <button type="submit" class=class disabled=move || state.is_pending()
            aria-busy=move || state.is_pending().to_string()>
            {move || if state.is_pending() { i18n.t(Key::Working) } else { i18n.t(label) }}
        </button>
    }
}

/// A labelled control with an optional hint and the message of an error about it. The child
/// control must carry `id` and either `aria-describedby="{id}-hint"` (with a hint) or the
/// attributes of its [`FieldCheck`]. `label_value` fills a `{placeholder}` of the label.
#[component]
pub fn Field(
    #[prop(into)] id: String,
    label: Key,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] label_value: Option<(&'static str, String)>,
    #[prop(optional)] check: Option<FieldCheck>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let label_text = move || match &label_value {
        Some((name, value)) => i18n.format(label, &[(name, Arg::Text(value))]),
        None => i18n.t(label).to_owned(),
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label_text}</label>
            {children()}
            {hint.map(|hint| view! { <small class="hint" id=format!("{id}-hint")>{move || i18n.t(hint)}</small> })}
            {check.map(|check| view! { <FieldError check/> })}
        </div>
    }
}

/// A new password typed twice, with the password rules as its hint. `name` is the field of the
/// new password (`password`, `new_password`); the repetition is always `confirm_password`.
#[component]
pub fn NewPasswordFields(
    state: FormState,
    form: &'static str,
    name: &'static str,
    label: Key,
) -> impl IntoView {
    let id = format!("{form}-{}", name.replace('_', "-"));
    let confirm_id = format!("{form}-confirm-password");
    let password = FieldCheck::new(state, Concern::NewPassword, id.clone()).with_hint();
    let repeat = FieldCheck::new(state, Concern::PasswordRepeat, confirm_id.clone());
    view! {
        <Field id=id.clone() label hint=Key::PasswordHint check=password.clone()>
            <input id=id name=name type="password" autocomplete="new-password"
                aria-describedby=password.described_by() aria-invalid=password.invalid()
                minlength=PASSWORD_MIN maxlength=PASSWORD_MAX required/>
        </Field>
        <Field id=confirm_id.clone() label=Key::ConfirmPasswordLabel check=repeat.clone()>
            <input id=confirm_id name="confirm_password" type="password" autocomplete="new-password"
                aria-describedby=repeat.described_by() aria-invalid=repeat.invalid()
                minlength=PASSWORD_MIN maxlength=PASSWORD_MAX required/>
        </Field>
    }
}

/// Asks a page to load its data again once `action` succeeded (by bumping `refresh`).
pub fn refresh_after<A>(action: ServerAction<A>, refresh: RwSignal<usize>)
where
    A: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    A::Output: Clone + Send + Sync + 'static,
{
    // Only an answer that arrives after this form was made: an action can outlive its form
    // (the run page's cards), and a new form must not count the old answer again.
    Effect::new(move |seen: Option<usize>| {
        let version = action.version().try_get().unwrap_or_default();
        let succeeded = matches!(action.value().try_get().flatten(), Some(Ok(_)));
        if seen.is_some_and(|seen| seen != version) && succeeded {
            refresh.try_update(|n| *n += 1);
        }
        version
    });
}
