# Bulq: English, the reference language. Every other language has exactly these messages
# with the same variables. Variables are { $name }; counted messages select on { $count }.

app-name = Bulq
app-tagline = Buy in bulk with friends
skip-to-content = Skip to content
nav-log-in = Log in
nav-sign-up = Sign up
nav-profile = Profile
nav-log-out = Log out
footer-note = Bulq is free software (AGPL-3.0). Friends pay each other directly; Bulq keeps the count.
home-headline = Buy in bulk together, split it fairly
home-intro = Bulq helps a group of friends plan a trip to the wholesale store, collect who wants what, buy it, and work out exactly what everyone owes.
home-step-plan-title = Plan a run
home-step-plan-body = Someone opens a run at a store and the group sees it at once.
home-step-bid-title = Say what you need
home-step-bid-body = Everyone adds quantities from their phone, down to 0.5 kg.
home-step-split-title = Split to the cent
home-step-split-body = What was really bought and paid is shared out exactly.
home-greeting = Hi, { $name }
your-groups = Your groups
no-groups-yet = You are not in a group yet. Start one below, or open an invite link a friend shared with you.
login-title = Log in
login-submit = Log in
login-no-account = New to Bulq? Create an account
register-title = Create your account
register-submit = Create account
register-have-account = Already have an account? Log in
username-label = Username
username-hint = 3–50 characters: letters, digits, _ and -. Not case-sensitive.
display-name-label = Display name
display-name-hint = How your friends see you. Up to 100 characters.
password-label = Password
password-hint = At least 8 characters. A few words strung together work well.
confirm-password-label = Repeat the password
current-password-label = Current password
new-password-label = New password
profile-title = Your profile
profile-signed-in-as = Logged in as @{ $username }
display-name-section = How your friends see you
save-display-name = Save name
display-name-saved = Your name is saved.
password-section = Password
change-password-submit = Change password
password-changed = Password changed. You were logged out everywhere else.
api-tokens-title = API tokens
api-tokens-help = A token lets an app or a script use Bulq as you, without your password: the mobile app, a shortcut on your phone, home automation. Give each its own token and revoke it when you stop using it.
api-reference-link = Read the API reference.
api-tokens-profile-link = Manage API tokens
api-token-create-title = Make a token
api-token-name = Name
api-token-name-placeholder = My phone
api-token-scope = What it may do
api-token-scope-read = Read only
api-token-scope-write = Read and change
api-token-lifetime = Valid for
api-token-lifetime-days = { $days } days
api-token-no-expiry = until revoked
api-token-create = Make token
api-token-new-title = Your new token “{ $name }”
api-token-new-help = Copy it now into the app that will use it: it is shown only this once. Anyone with it can act as you within its rights, so keep it secret.
api-token-secret-label = Your new token
api-token-copy = Copy token
api-tokens-yours = Your tokens
api-tokens-none = You have no tokens.
api-token-made = made { $when }
api-token-expires = expires { $when }
api-token-never-used = never used
api-token-last-used = last used { $when }
api-token-revoke = Revoke
api-token-revoke-question = Revoke the token “{ $name }”? Apps using it stop working at once.
devices-title = Where you are logged in
devices-help = Lost a phone, or used someone else's computer? Log out everywhere else: only this browser stays logged in.
device-line = { $browser } on { $system }
device-unknown = A browser
this-device = this device
device-last-seen = last used { $when }
log-out-elsewhere-submit = Log out everywhere else
logged-out-elsewhere = Logged out everywhere else.
language-section = Language
language-label = Language of the app
language-follow-browser = Same as my browser
save-language = Save language
language-saved = Language saved.
working = Working…
not-found-title = Page not found
not-found-body = There is nothing at this address. It may have moved, or the link may be mistyped.
back-home = Back to the start page
offline-title = You are offline
offline-body = Bulq needs a connection to show this page. Everything you sent before is saved; try again once you have a signal.
offline-retry = Try again
rate-limited-title = Slow down a little
request-refused-title = Request refused
server-error-title = Something went wrong
error-reference = (Reference: { $reference })
create-group-title = Start a group
group-name-label = Group name
group-name-hint = 2–100 characters, for example “Flat 3B” or “Friday lunch”.
create-group-submit = Create group
member-count =
    { $count ->
        [one] { $count } member
       *[other] { $count } members
    }
admin-badge = Admin
you-suffix = (you)
previous-page = Previous
next-page = Next
page-of = Page { $page } of { $pages }
group-members-title = Members
group-runs-title = Runs
no-runs-yet = No runs yet.
manage-group-link = Manage group
back-to-groups = Your groups
back-to-group = Back to the group
manage-group-title = Manage { $name }
invite-link-section = Invite link
invite-link-help = Anyone with this link can join while joining is allowed.
copy-link = Copy link
link-copied = Copied
joining-disabled-warning = New members cannot join with the link right now.
allow-joining = Allow joining
cost-estimates-section = Cost estimates
own-prices-only-off = Runs estimate costs with the newest price anyone saw at the store, in any group.
own-prices-only-on = Runs estimate costs only with prices this group's members saw at the store.
use-own-prices-only = Use only our members' prices
use-everyones-prices = Use everyone's prices
disallow-joining = Stop new members joining
regenerate-link = Make a new link
regenerate-confirm = The current invite link will stop working. Make a new one?
rename-section = Rename the group
rename-submit = Rename
make-admin = Make admin
remove-admin-role = Remove admin role
remove-member = Remove
remove-member-confirm = Remove { $name } from the group?
leave-section = Leave the group
leave-help = You can be invited back later. The last admin can leave once someone else is an admin.
leave-group = Leave group
leave-confirm = Leave this group?
saved = Saved.
join-title = Join { $name }
join-intro = You have been invited to a Bulq group.
join-submit = Join group
join-login-prompt = Log in or create an account to join. You will come back here.
already-member-note = You are a member of this group.
open-group = Open the group
invite-invalid-title = This invite link does not work
nav-stores = Stores
nav-products = Products
nav-groups = Groups
stores-title = Stores
no-stores-yet = No stores yet. Add the first one below.
add-store-title = Add a store
store-name-label = Name
address-label = Address
opening-hours-label = Opening hours
opening-hours-hint = For example “Mon–Sat 8–21, Sun 9–15”.
notes-label = Notes
add-store-submit = Add store
edit-store-title = Edit the store
save-changes = Save changes
store-products-title = Prices seen here
no-prices-at-store = No prices recorded at this store yet.
products-title = Products
no-products-yet = No products yet. Add the first one below.
add-product-title = Add a product
product-name-label = Name
brand-label = Brand
unit-label = Unit
unit-hint = How it is sold: kg, L, each, pack …
add-product-submit = Add product
similar-products = Already there? Pick it instead of adding it twice:
edit-product-title = Edit the product
current-prices-title = Current prices
no-prices-yet = No prices recorded yet. Add the first one below.
record-price-title = Record a price you saw
store-label = Store
price-label = Price ({ $currency })
price-hint = The price on the shelf, for example 12.99.
price-note-label = Note (optional)
price-note-hint = Where or why: “aisle 12”, “on sale”.
record-price-submit = Save price
price-recorded = Price saved.
add-store-first = Add a store first to record where you saw a price.
price-history-title = Price history
price-chart-label = Price of { $product } over time, one line per store
pack-price-seen = { $price } for { $size }
price-pack-size-label = For a pack of (optional)
price-pack-size-hint = Leave empty for the price of one unit. For 6 × 1 L at 11.94, enter 11.94 and 6.
store-column = Store
lowest-column = Lowest
average-column = Average
highest-column = Highest
history-date = Date
history-store = Store
history-price = Price
history-note = Note
history-by = Seen by
price-by-another-group = someone in another group
search-title = Search
search-label = Search products, stores and your groups
search-placeholder = Search products, stores, groups
search-submit = Search
search-prompt = Type a product, a store or one of your groups.
search-results-for = Results for “{ $query }”
search-no-results = Nothing found for “{ $query }”. Try a shorter word.
search-see-all = See all results
search-kind-group = Group
search-kind-store = Store
search-kind-product = Product
state-planning = Planning
state-active = Bidding
state-confirmed = Confirmed
state-shopping = Shopping
state-adjusting = Adjusting
state-distributing = Handing out
state-completed = Completed
state-cancelled = Cancelled
state-planning-help = Just opened. Add products and place your bids.
state-active-help = People are bidding. Say when your order is complete; the leader confirms.
state-confirmed-help = Orders are frozen. The leader will start shopping.
state-shopping-help = The shopper is in the store recording what is bought.
state-adjusting-help = The store had a different amount than asked: bids are being re-balanced.
state-distributing-help = Goods are being handed out.
state-completed-help = This run is done.
state-cancelled-help = This run was cancelled.
led-by = led by { $name }
participant-count =
    { $count ->
        [one] { $count } taking part
       *[other] { $count } taking part
    }
new-run-title = Start a run
add-store-first-for-run = Add a store first, then start a run there.
planned-on-label = Shopping day
run-comment-label = Comment
run-comment-hint = Optional: when, where to meet, what to bring.
start-run-submit = Start run
open-runs-title = Open runs
leader-label = Leader
helpers-label = Helpers
run-products-title = Products ({ $count })
no-bids-yet = No bids yet. Find a product below and say how much you want.
no-products-in-run = No products in this run.
cancelled-leader-left = Cancelled: the leader left the group.
cancelled-no-reason = The leader cancelled this run.
cancelled-with-reason = The leader cancelled this run: “{ $reason }”
not-ready-after-all = I'm not ready yet
you-are-ready = You said your order is complete.
im-ready = My order is complete
ready-help = Done bidding? Tell the leader your order is complete.
cancel-question-bidding = Cancel this run? Nobody will shop for it, and everyone taking part is told.
cancel-question-confirmed = Cancel this run? The orders are confirmed, but nobody will shop for them; everyone taking part is told.
cancel-question-bought = Cancel this run now? Whatever was already bought stays with whoever holds it, and everyone is told.
everyone-ready = Everyone who bid is ready.
nobody-bid-yet = Nobody else has bid yet.
confirm-run-submit = Confirm the run
confirm-question = Confirm the run? Bids are frozen until you reopen it.
waiting-for = Waiting for: { $names }
confirm-anyway = Confirm anyway
confirm-anyway-question = Not everyone is ready: { $names }. Confirm anyway? Bids are frozen until you reopen the run.
reopen-help = Someone needs to change their bid? Reopen the run for bidding.
reopen-submit = Reopen for bidding
reopen-question = Reopen the run for bidding? Everyone can change their bids again, and it is confirmed once more when you are ready.
confirmation-title = Are you sure?
go-back = Go back
dismiss-toast = Dismiss
toast-saved = Saved
toast-run-confirmed = The run is confirmed
toast-run-reopened = The run is open for bidding again
toast-run-cancelled = The run is cancelled
toast-recorded = Recorded
toast-shopping-done = Shopping is done
toast-shared-out = The goods are shared out
toast-run-completed = The run is complete
toast-link-renewed = A new invite link is ready
toast-member-removed = The member is removed
toast-update-ready = A new version of Bulq is ready.
reload-now = Reload
theme-section = Appearance
theme-system = Same as this device
theme-light = Light
theme-dark = Dark
save-theme = Save appearance
cancel-run-title = Cancel the run
edit-run-title = Change the day or comment
save-run-details-submit = Save
cancel-reason-label = Why (optional, everyone sees it)
cancel-run-submit = Cancel the run
leader-panel-title = Leader
leader-badge = Leader
helper-badge = Helper
ready-chip = Ready
not-ready-chip = Not ready
total-label = Total: { $total }
pack-meter-open = { $filled } of { $size } in the open pack — { $more } more fills it
pack-meter-tolerance = Offered to fill it: { $tolerance } — still missing { $missing }
pack-meter-filled-by-tolerance = { $filled } of { $size } — what people offered fills the pack
pack-meter-all-full = Every pack is full ({ $size } each)
packs-to-buy =
    { $count ->
        [one] { $count } pack to buy
       *[other] { $count } packs to buy
    }
pack-sold-by = Sold in packs of { $size }
pack-minimum = minimum order { $minimum }
take-rest-submit = Take the rest: +{ $quantity }
tolerance-label = Up to this much more, to fill a pack
tolerance-hint = At most { $cap }. Leave empty to get exactly your quantity.
pack-rule-explained = Packs: when what people offer fills a pack, the extra is shared in proportion to what each offered; a pack that stays open is cut in proportion to what each asked. Whole units stay whole.
packs-title = Packs and minimum orders
no-packs-yet = No store is known to sell this by the pack.
pack-whole-units-short = shared in whole units
pack-loose-submit = Sold loose
pack-size-label = Pack size (optional)
pack-size-hint = In the product's own unit: 12 for a case of 12 jars, 25 for a 25 kg sack.
pack-minimum-label = Minimum order (optional)
pack-minimum-hint = The least the store sells of it at once, in the same unit.
pack-whole-units-label = Shared in whole units (jars, tins, bottles)
pack-saved = Saved.
pack-save-submit = Save how it is sold
pack-buy = { $packs } × { $size } = { $total }
pack-buy-nothing = nothing
pack-rule-first-come = Packs, first come, first served: when what people offer fills a pack, the earliest offers take the extra; a pack that stays open is cut from the latest bids. Whole units stay whole.
pack-plan-title = Packs to buy
pack-open-question = what people offered does not fill the open pack
pack-round-down = Round down: buy { $buy }
pack-round-up = Round up: buy { $buy }
pack-plan-gets = { $name } gets { $gets } (asked { $asked })
pack-plan-holds = { $name } holds the { $quantity } nobody asked for
pack-plan-as-asked = everyone gets what they asked
pack-order-line = Confirmed: buying { $buy }
asked-short = asked
fairness-label = When packs do not come out even
fairness-proportional = In proportion: extras by what each offered, cuts by what each asked
fairness-first-come = First come, first served: extras to the earliest offers, cuts from the latest bids
packs-bought-label = Packs bought (of { $size })
pack-price-label = Price per pack ({ $currency })
interested-count =
    { $count ->
        [one] { $count } interested
       *[other] { $count } interested
    }
interested-only-short = interested
update-bid-submit = Update
place-bid-submit = Bid
your-quantity-label = Your quantity
interested-only-label = Just interested
bid-comment-label = Comment (optional)
retract-bid-submit = Remove my bid
add-to-run-title = Add a product
find-product-label = Find a product
find-submit = Find
nothing-found-for-run = Nothing found.
add-to-catalogue = Add it to the catalogue and bid
already-in-run = Already in this run: bid above
transfer-asked = { $name } asks you to lead this run.
transfer-accept = Take over
transfer-decline = No, thanks
helpers-help = Helpers may record purchases and hand goods out.
remove-helper = Remove
make-helper = Make helper
transfer-waiting = Waiting for { $name } to accept leading this run.
transfer-withdraw = Withdraw the request
handover-title = Hand the run over
handover-label = Ask to take over
handover-submit = Ask
add-and-bid-submit = Add and bid
product-runs-title = In runs of your groups
add-to-list-submit = Add to list
add-to-list-title = Found something not on the list?
added-in-store = Added in the store
adjust-range = You can choose from { $min } to { $max }.
adjusting-done = Every bought product adds up. Share the goods out.
already-on-list = On the list already
back-to-run = ← Back to the run
bought-even = Bought { $bought } ✓
bought-for = Bought { $quantity } × { $price } = { $total }
bought-over = Bought { $bought }: { $extra } extra available
bought-quantity-label = Quantity
bought-short = Bought { $bought }: need to remove { $missing }
complete-run-submit = Complete the run
complete-shopping-question = Done shopping? The run moves on with what you recorded.
complete-shopping-submit = Done shopping
complete-with-left =
    { $count ->
        [one] { $count } item is not recorded yet and will count as not bought. Done shopping anyway?
       *[other] { $count } items are not recorded yet and will count as not bought. Done shopping anyway?
    }
distribution-paid = Paid in total: { $amount }. Each share's cost is exact; together they add up to this.
distribution-title = Who gets what
download-csv = Download CSV
download-json = Download JSON
edit-purchase = Correct this
estimated-costs-help = From the bids and the newest prices seen at the store; the real costs come from what is bought.
estimated-costs-title = Estimated costs
everything-picked-up = Everything was picked up.
exports-title = Print and export
finish-adjusting-submit = Share the goods out
force-finish-question = Share the goods out now? Where too much is still asked, everyone's share is cut in proportion; whatever nobody claimed goes to you, the leader.
force-finish-submit = Share out anyway
last-price-column = Last price
last-seen-price = Last seen { $price } on { $day }
also-seen-price = also { $price }
note-price-title = Saw a price on the shelf
mark-all-picked-up = Picked up everything
mark-picked-up = Picked up
not-bought = Not bought
nothing-left-to-buy = Nothing left to buy.
open-shopping-list = Open the shopping list
out-of-stock = Out of stock
out-of-stock-submit = Out of stock
pick-ups-left =
    { $count ->
        [one] { $count } person still has goods to pick up.
       *[other] { $count } people still have goods to pick up.
    }
picked-up-chip = Picked up
price-above-last = { $percent } % above the last price seen: check the shelf label.
price-below-last = { $percent } % below the last price seen: check the shelf label.
print-distribution = Distribution list
print-shopping-list = Shopping list
print-submit = Print
product-column = Product
put-back-question = Put this item back on the list to buy? What was recorded for it is removed.
put-back-submit = Put back
quantity-column = Quantity
quantity-to-buy-label = How much
reason-shortage-cut = You asked for { $asked }; the store had less than everyone asked, so every share was cut in proportion.
reason-surplus = Includes { $extra } bought beyond what was asked: the leader holds it.
record-bought-submit = Bought
recorded-by = Recorded by { $name }
recorded-title = In the cart ({ $count })
save-correction = Save correction
shopping-title = Shopping
spent-so-far = Spent so far: { $amount }
start-shopping-help = At the store? Start shopping: the list is made from everyone's bids.
start-shopping-submit = Start shopping
still-unbalanced =
    { $count ->
        [one] { $count } product still has more or less asked than was bought.
       *[other] { $count } products still have more or less asked than was bought.
    }
to-buy-title = To buy ({ $count })
total-paid-label = Total paid
undo-pick-up = Undo pick-up
unit-price-label = Price per unit ({ $currency })
money-spent-label = Money spent
run-stats-title = Your runs
runs-joined-label = Runs joined
runs-led-label = Runs led
bought-over-shared = Bought { $bought }: { $extra } beyond what was asked went to the leader
bought-short-shared = Bought { $bought } of { $asked }: every share was cut in proportion
mark-all-read = Mark all read
mark-read = Mark read
no-notifications = Nothing new. Bulq tells you here when a run you take part in moves on.
note-everyone-ready = { $subject }: everyone who bid is ready. You can confirm the run.
note-removed-from-group = You were removed from the group { $subject }.
note-run-cancelled = { $subject }: the run was cancelled.
note-run-cancelled-with-reason = { $subject }: the run was cancelled: { $reason }
note-run-state-changed = { $subject }: the run is now “{ $state }”.
note-something-happened = { $subject }: something changed.
note-times =
    { $count ->
        [one] ({ $count } update)
       *[other] ({ $count } updates)
    }
note-transfer-accepted = { $subject }: your hand-over was accepted; you no longer lead the run.
note-transfer-declined = { $subject }: your hand-over was declined.
note-transfer-requested = { $subject }: you are asked to take over the run.
notifications-title = Notifications

## Navigation landmarks (screen readers read these)

nav-account-label = Account
nav-sections-label = Sections
nav-pages-label = Pages
breadcrumb-label = Breadcrumb
language-switch-label = Language

## Time zone and currency

time-zone-section = Time zone
time-zone-label = Your time zone
time-zone-hint = Times are shown in this zone.
save-time-zone = Save time zone
time-zone-saved = Time zone saved.
group-currency-label = Currency
group-currency-hint = Prices and costs of this group's runs are in this currency.
currency-section = Currency
save-currency = Change currency
currency-locked = The currency is fixed now: one of this group's runs already has prices.

## Times and days relative to now

time-just-now = just now
time-minutes-ago =
    { $count ->
        [one] { $count } minute ago
       *[other] { $count } minutes ago
    }
time-hours-ago =
    { $count ->
        [one] { $count } hour ago
       *[other] { $count } hours ago
    }
time-today-at = today at { $time }
time-yesterday-at = yesterday at { $time }
day-today = today
day-tomorrow = tomorrow
day-yesterday = yesterday
day-in-days =
    { $count ->
        [one] in { $count } day
       *[other] in { $count } days
    }
day-days-ago =
    { $count ->
        [one] { $count } day ago
       *[other] { $count } days ago
    }

## Units a product is sold in, when it uses one of these (otherwise its own text shows)

unit-kg = kg
unit-g = g
unit-l = L
unit-ml = ml
unit-each = each
unit-pack = pack

## Column headers of the CSV download

csv-product = Product
csv-unit = Unit
csv-person = Person
csv-asked = Asked
csv-interested-only = Just interested
csv-gets = Gets
csv-why = Why
csv-unit-price = Unit price
csv-cost = Cost
csv-picked-up = Picked up
csv-list-requested = On the list
csv-bought = Bought
csv-item-paid = Paid for the item
csv-currency = Currency
csv-tolerance = Tolerance
csv-after-packs = After packs
csv-pack-size = Pack size
csv-packs = Packs to buy
csv-date = Date
csv-entry = Entry
csv-store = Store
csv-other-person = Other person
csv-paid = Paid
csv-goods = Goods
csv-shared-costs = Shared costs
csv-amount = Amount
csv-balance-change = Balance change
ledger-entry-run = Run
ledger-entry-repaid = Repayment sent
ledger-entry-repaid-by = Repayment received
ledger-entry-waiting = Repayment waiting for confirmation
ledger-entry-to-pay = Still to pay

## Error messages, one per stable code (docs/errors.md)

error-invalid-input = Some of the input was not valid. Please check the form.
error-username-invalid = Usernames are 3–50 characters of letters, digits, _ and -.
error-username-taken = That username is taken. Please pick another one.
error-display-name-invalid = Please enter a name of 1–100 characters.
error-password-too-short = The password needs at least 8 characters.
error-password-too-long = The password can have at most 128 characters.
error-password-too-common = That password is too common and easy to guess. Please choose another.
error-password-mismatch = The two passwords do not match.
error-password-incorrect = Your current password is not right.
error-invalid-credentials = Wrong username or password.
error-group-name-invalid = Group names have 2–100 characters: letters, digits, spaces and - _ & ' . , ( ) !
error-group-not-found = That group does not exist, or you are not a member.
error-invite-not-found = This invite link is not valid. It may have been replaced by a new one; ask for a fresh link.
error-not-group-admin = Only the group's admins can do that.
error-group-joining-disabled = This group is not taking new members right now. Ask an admin to allow joining.
error-already-group-member = You are already a member of this group.
error-not-a-group-member = That person is not a member of this group.
error-user-max-groups-exceeded = You are in 100 groups already, the most Bulq allows. Leave one to join another.
error-group-max-members-exceeded = This group has 100 members, the most Bulq allows.
error-last-group-admin = A group needs at least one admin. Make someone else an admin first.
error-cannot-remove-group-admin = Admins cannot be removed. Remove their admin role first.
error-store-name-invalid = Please give the store a name (up to 200 characters).
error-product-name-invalid = Please give the product a name (up to 200 characters).
error-text-too-long = That text is too long. Please shorten it.
error-amount-invalid = Please enter a price above zero, like 12.99.
error-store-not-found = That store does not exist.
error-product-not-found = That product does not exist.
error-not-allowed-to-edit = Only the person who added it (or a site admin) can change it.
error-product-used-by-other-groups = Other groups have this product on their runs, so only a site admin can rename it.
error-token-name-invalid = Give the token a name of 1 to 60 characters, so you know later which app holds it.
error-token-not-found = That token does not exist or is not yours.
error-too-many-tokens = You have as many tokens as an account may hold (20). Revoke one you no longer use first.
error-token-invalid = The access token is missing, wrong, expired or revoked. Make a new one in your profile.
error-token-scope-forbids = This token may only read. Make a token with write access to change things.
error-idempotency-key-invalid = An Idempotency-Key is 1 to 255 visible characters.
error-idempotency-key-reused = This Idempotency-Key was already used for a different request. Use a new key for a new request.
error-idempotency-key-in-progress = A request with this Idempotency-Key is still being handled. Try again in a moment.
error-method-not-allowed = This address does not take that method; the API reference lists what each one takes.
error-search-query-invalid = Type what you are looking for (up to 100 characters).
error-run-not-found = That run does not exist, or it is not in one of your groups.
error-not-run-participant = Only people taking part in this run can do that. Place a bid first.
error-not-run-leader = Only the run's leader can do that.
error-not-run-leader-or-helper = Only the run's leader or a helper can do that.
error-run-state-forbids = That is not possible at this stage of the run.
error-quantity-invalid = Enter a quantity above 0 and up to 9999, with at most three decimals (like 1.5).
error-planned-date-invalid = Please enter the shopping day as a date, like 2026-12-24.
error-bid-not-found = You have no bid on that product.
error-run-max-products-exceeded = This run already has 100 products. Bid on one of them instead.
error-group-max-active-runs-exceeded = This group already has 100 open runs. Finish or cancel one first.
error-leader-cannot-be-helper = The leader already does everything a helper does.
error-transfer-to-self = You lead this run already. Pick someone else.
error-transfer-target-not-participant = Only someone taking part in the run can take it over.
error-transfer-already-pending = You already asked someone to take over. Withdraw that request first.
error-transfer-not-found = That request is no longer open: the run ended, or its leader changed.
error-leader-is-always-ready = As the leader, you confirm the run when you are ready.
error-nothing-to-adjust = This product needs no adjusting: what was bought and what is asked already match, or nothing was bought.
error-adjust-only-down = Less was bought than was asked for, so bids can only go down.
error-adjust-below-bought = That would leave some of what was bought unclaimed. Lower your bid less.
error-adjust-only-up = More was bought than was asked for, so bids can only go up.
error-adjust-above-bought = That is more than is left over. Raise your bid less.
error-adjust-new-product = While bids are adjusted you can only change a bid you already placed.
error-adjustment-incomplete = Some products still have more or less asked than was bought. Wait for people to adjust, or finish anyway.
error-shopping-item-not-found = That item is not on this run's shopping list.
error-item-already-recorded = Someone already recorded this item. The list shows what they entered; edit it if it is wrong.
error-item-already-on-list = That product is on the list already. Record buying more of it there.
error-price-missing = Enter the price per unit or the total you paid.
error-pick-ups-outstanding = Some goods have not been picked up yet. Mark them picked up first.
error-allocation-not-found = That share is not part of this run's distribution.
error-auth-required = Please log in first.
error-forbidden = You are not allowed to do that.
error-not-found = That does not exist, or you cannot see it.
error-rate-limited = Too many attempts. Please wait { $seconds } seconds and try again.
error-too-many-streams = Too many pages of yours are following live updates. Close some tabs and reload this one.
error-cross-site-request = This form was sent from another site and was refused. Please reload the page and try again.
error-unavailable = Bulq is very busy right now. Please try again in a moment.
error-network = Could not reach Bulq. Check your connection and try again.
error-internal = Something went wrong on our side. Please try again.
error-currency-invalid = Pick a currency from the list.
error-currency-locked = The group's currency cannot change any more: one of its runs already has prices.
error-time-zone-invalid = Pick a time zone from the list.

## Site administration
nav-admin = Admin
login-forgot-password = Forgot your password? Ask the person who runs this Bulq for a reset link.
registration-closed-notice = New accounts cannot be made right now. Ask the person who runs this Bulq.
registration-invite-only-notice = New accounts are made through a group's invite link. Ask a friend for theirs.
admin-title = Administration
admin-users-tab = Users
admin-settings-tab = Settings
admin-audit-tab = Audit log
admin-filter-all = Everyone
admin-filter-verified = Verified
admin-filter-unverified = Not verified
admin-filter-disabled = Disabled
admin-filter-site-admins = Site admins
admin-filter-label = Show
admin-user-search-label = Search by name or username
admin-search-submit = Show
admin-user-count =
    { $count ->
        [one] { $count } account
       *[other] { $count } accounts
    }
admin-reset-link-title = Reset link for @{ $username }
admin-reset-link-help = Hand this link to the person: it works once, until { $time }. It is shown only now.
site-admin-badge = site admin
verified-badge = verified
disabled-badge = disabled
admin-user-joined =
    { $groups ->
        [one] joined { $date }, { $groups } group
       *[other] joined { $date }, { $groups } groups
    }
admin-verify = Verify
admin-unverify = Unverify
admin-make-reset-link = Make a reset link
admin-disable-confirm = Disable { $name }'s account? They are logged out at once, everywhere, and cannot log in until it is enabled again. Their runs and history stay.
admin-revoke-confirm = Take the site-admin role from { $name }? They keep their account and groups.
admin-enable = Enable
admin-disable = Disable
admin-revoke-site-admin = Remove site admin
admin-grant-site-admin = Make site admin
registration-section = Who may make an account
registration-open = Open
registration-open-help = Anyone who finds the site may register.
registration-invite-only = Invite only
registration-invite-only-help = Only someone who comes with a group's invite link may register.
registration-closed = Closed
registration-closed-help = Nobody may register. Existing accounts are not affected.
save-settings = Save settings
audit-filter-label = Filter the audit log
audit-user-label = Username
audit-action-label = Action
audit-any-action = Any action
audit-retention =
    { $count ->
        [one] Entries are kept for { $count } day.
       *[other] Entries are kept for { $count } days.
    }
audit-empty = Nothing recorded matches.
audit-when = When
audit-action-column = Action
audit-who = Who
audit-target = Whom
audit-detail = Detail
audit-from = From
audit-origin = { $address } · { $request }
reset-title = Choose a new password
reset-for = For { $name } (@{ $username }). Your other sessions end when you save.
reset-submit = Save the new password
error-not-site-admin = Only site admins can do that.
error-user-not-found = That account does not exist.
error-reset-link-invalid = This reset link does not work: it was used already, it expired (links last an hour), or a newer one replaced it. Ask for a new one.
error-registration-closed = New accounts cannot be made right now.
error-registration-invite-only = New accounts are made through a group's invite link only.
error-cannot-change-own-account = You cannot do that to your own account. Ask another site admin.
error-last-site-admin = This is the last site admin. Make someone else a site admin first.
admin-products-tab = Products
admin-stores-tab = Stores
catalogue-filter-current = In use
catalogue-filter-archived = Archived
catalogue-search-label = Search by name
catalogue-count =
    { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }
catalogue-runs =
    { $count ->
        [one] in { $count } run
       *[other] in { $count } runs
    }
archived-badge = archived
merged-into-note = merged into { $name }
admin-archive = Archive
admin-unarchive = Unarchive
archive-confirm = Archive “{ $name }”? It leaves the lists, pickers and search; runs and prices keep it, and it can be brought back.
merge-into-link = Merge into…
duplicates-title = Likely duplicates
duplicates-help = These names look alike. Keep the right one and the other is merged into it.
keep-this = Keep “{ $name }”
merge-title = Merge “{ $name }” into…
merge-search-help = Find the entry that stays. Everything of this one moves to it.
merge-into-this = Merge into this
merge-confirm = Merge “{ $merged }” into “{ $survivor }”?
merge-products-rule = Bids on both in one run are added together. Runs, shopping items, allocations and prices of “{ $merged }” move to “{ $survivor }”. “{ $merged }” is archived and its page leads to “{ $survivor }”. Refused while both are on one run's shopping list.
merge-stores-rule = Runs and prices of “{ $merged }” move to “{ $survivor }”. “{ $merged }” is archived and its page leads to “{ $survivor }”.
merge-submit = Merge
error-cannot-merge-into-itself = An entry can only be merged into another one that is still in use.
error-merge-conflict = Both are on one run's shopping list with separate purchases. Finish or cancel that run first.
error-hidden-characters = The text contains invisible characters (such as a right-to-left override or a zero-width space). Please type it again without them.
error-body-too-large = That was more than Bulq accepts in one go. Please shorten what you entered.
error-tolerance-invalid = Enter how much more you would take as a number from 0 up to one pack (only for products sold by the pack).
error-whole-units-only = This product is shared in whole units: enter a whole number.
error-pack-invalid = Enter a pack size (up to 9999) or a minimum order (up to 99999), above 0 with at most three decimals, whole for goods shared in whole units.
error-pack-already-full = Someone else just filled this pack.
error-pack-changed = This pack changed just now. Look at how it stands and try again.
admin-groups-tab = Groups
admin-group-facts =
    { $members ->
        [one] { $members } member
       *[other] { $members } members
    }, { $runs ->
        [one] { $runs } open run
       *[other] { $runs } open runs
    }
admin-group-active = active { $time }
group-archive-confirm = Archive the group “{ $name }”? Its members no longer see it or its runs until it is unarchived; nothing is deleted.
your-data-section = Your data
your-data-help = Everything Bulq keeps about you: your account, groups, runs with your bids and what you got and paid, prices you recorded, notifications.
download-my-data = Download my data (JSON)
delete-account-section = Delete your account
delete-account-help = You leave every group; your runs' history stays, shown as a former member.
delete-account-link = Delete my account…
delete-account-explain = This cannot be undone. You leave every group: your orders in open runs are taken back and runs you lead are cancelled. What you bought and paid stays in the runs' history under “Former member”, so everyone's costs stay exact. Your name, username and password are removed and you are logged out everywhere.
delete-account-submit = Delete my account for good
username-section = Username
change-username-submit = Change username
deleted-badge = deleted
admin-edit-names = Edit name and username
admin-delete = Delete account
admin-delete-confirm = Delete { $name }'s account? They leave every group and are logged out everywhere; their runs' history stays under “Former member”. This cannot be undone.
merge-users-rule = { $survivor } joins every group of { $merged } (an admin where either was) and takes over their runs, bids, purchases, prices and notifications. In a run both take part in, bids on the same product are added together; refused if such a run already has a shopping list. { $merged } is then a former member who cannot log in. This cannot be undone.

## The audit log's actions
audit-action-login-succeeded = Logged in
audit-action-login-failed = Log-in failed
audit-action-logged-out = Logged out
audit-action-password-changed = Password changed
audit-action-password-reset-link-created = Reset link made
audit-action-password-reset = Password reset
audit-action-user-verified = Account verified
audit-action-user-unverified = Account unverified
audit-action-user-disabled = Account disabled
audit-action-user-enabled = Account enabled
audit-action-site-admin-granted = Made site admin
audit-action-site-admin-revoked = No longer site admin
audit-action-registration-mode-changed = Registration changed
audit-action-group-admin-granted = Made group admin
audit-action-group-admin-revoked = No longer group admin
audit-action-member-removed = Member removed
audit-action-run-cancelled = Run cancelled
audit-action-product-verified = Product verified
audit-action-product-unverified = Product unverified
audit-action-product-archived = Product archived
audit-action-product-unarchived = Product back from the archive
audit-action-products-merged = Products merged
audit-action-store-verified = Store verified
audit-action-store-unverified = Store unverified
audit-action-store-archived = Store archived
audit-action-store-unarchived = Store back from the archive
audit-action-stores-merged = Stores merged
audit-action-group-archived = Group archived
audit-action-group-unarchived = Group back from the archive
audit-action-username-changed = Username changed
audit-action-display-name-changed = Display name changed
audit-action-account-deleted = Account deleted
audit-action-accounts-merged = Accounts merged

## Product families
search-kind-family = Product family
family-badge = Any variant
variant-of = Variant of { $family }
family-label = Family
family-hint = Optional: the family this is one variant of, so people can ask for “any” of them.
family-none = None
is-family-label = This is a family of variants (“Rice”): people ask for any of them and the shopper picks one in the store
family-variants-title = Variants
family-explained = Ask for the family when any of its variants will do. The shopper picks the one to buy in the store, and your request follows it.
family-no-variants = No variants yet. Put a product in this family from that product's page.
variant-bought-label = Which one did you buy?
variant-pick = Pick a variant
for-family = For “any { $family }”
family-item-no-variants = This family has no variants yet: add one on its page to buy it.
family-item-explained = Any of its variants will do: pick the one you buy.
error-family-not-found = That family no longer exists. Reload the page and pick another.
error-family-has-no-price = A family has no price or pack of its own: record it on one of its variants.
error-variant-required = Pick which variant you bought.
error-not-a-variant = That product is not a variant of this family.
error-family-mismatch = A family cannot be part of another family.

## Money between friends
money-title = Money
money-link = Money
money-page-title = Money in { $group }
no-money-yet = Nothing to settle yet: balances appear here once a run of the group is completed.
pending-repayments-title = Waiting to be confirmed
repayments-title = Repayments
repayment-confirmed = Confirmed
repayment-withdrawn = Withdrawn
repayment-line = { $from } paid { $to } { $amount }
you-are-owed = Friends owe you { $amount }.
you-owe = You owe { $amount }.
you-are-square = You are square.
settle-rule-fewest = How: people whose balances cancel out among themselves settle among themselves, so there are as few transfers as possible; within each such group, whoever owes most pays whoever is owed most first. The same balances always give the same transfers.
settle-rule-paired = How: whoever owes most pays whoever is owed most first, then the next (with this many people, finding the very fewest transfers takes too long). The same balances always give the same transfers.
balances-title = Balances in { $currency }
balance-detail = Paid { $paid } · their part { $goods } · repaid { $repaid }
transfers-title = To settle up
all-square = Everyone is square.
all-paid-waiting = Nothing left to pay: the repayments below wait for confirmation.
transfer-line = { $from } pays { $to } { $amount }
i-paid-submit = I paid
i-received-submit = I received it
repayment-waiting = waiting for confirmation
confirm-received-submit = Confirm I received it
withdraw-repayment-submit = Withdraw
paid-the-store = { $name } paid the store { $amount }
payers-title = Who paid the store
no-payers-yet = Nobody has paid for anything yet.
change-payers = Change who paid
payers-must-add-up = Together exactly what was bought: { $amount }.
payer-amount-label = { $name } paid ({ $currency })
save-payers = Save who paid
note-payment-sent = A friend says they paid you in { $subject }: confirm it on the group's money page.
note-payment-confirmed = A repayment in { $subject } was confirmed.
you-pay = You owe { $name } { $amount } ({ $group })
pays-you = { $name } owes you { $amount } ({ $group })
extra-costs-title = Shared costs
extra-cost-line = { $label }: { $amount }, paid by { $name }
split-equally-note = (split equally)
split-by-goods-note = (split by what each one's goods cost)
remove-extra-cost-submit = Remove
extra-cost-parts-later = Split once the goods are shared out.
add-extra-cost = Add a shared cost (fuel, delivery…)
statement-link = Statement
my-statement-link = My statement (printable)
ledger-download = Download the ledger (CSV)
run-by-run-title = Run by run, before simplifying
run-by-run-hint = What each completed run alone has people pay each other. Repayments are not taken off here; the transfers above settle everything at once.
run-no-debts = Nobody owes anybody for this run.
older-runs-in-ledger = Older runs are in the ledger download.
statement-title = Statement for { $name }
statement-subtitle = { $group } · { $date }
statement-repaid-to = Repayment to { $name }
statement-repaid-by = Repayment from { $name }
statement-balance = Balance
statement-run-detail = Paid { $paid } · goods { $goods } · shared costs { $shared }
extra-cost-label = What
extra-cost-amount-label = Amount ({ $currency })
extra-cost-paid-by = Paid by
extra-cost-split-legend = Split
split-equally-label = Equally among everyone who got goods
split-by-goods-label = In proportion to what each one's goods cost
add-extra-cost-submit = Add cost
error-cost-label-invalid = Say what the cost is for, in at most 100 characters.
error-extra-cost-not-found = That cost is no longer there.
pay-to-line = Pay to: { $account }
scan-to-pay = Scan with your banking app: the transfer is filled in.
payment-details-title = How friends pay you back
payment-details-help = Shown to the people in your groups who owe you money. With an IBAN and a debt in euros, they also get a QR code their banking app scans.
iban-label = IBAN (optional)
payee-name-label = Account holder
payment-note-label = Or a note (optional)
payment-note-hint = A payment link, or "cash at the next run".
save-payment-details = Save payment details
error-iban-invalid = That IBAN is not right: check it for a typo.
error-payee-name-missing = Say whose account the IBAN is: a bank transfer needs the holder's name.
error-payers-do-not-add-up = What the payers paid must add up to exactly what was bought.
error-settlement-too-large = That is more than is owed. Reload the page to see the balances as they are now.
error-settlement-not-found = That repayment no longer exists.
error-settlement-decided = That repayment was already confirmed or withdrawn.
error-not-your-settlement = Only the person who paid or the one who received the money can do that.
audit-action-run-payers-changed = Who paid for a run changed
audit-action-other-sessions-ended = Logged out everywhere else
audit-action-api-token-created = API token created
audit-action-api-token-revoked = API token revoked
