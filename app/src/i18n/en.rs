//! English, the reference language.

use super::Key;
use crate::error::ErrorCode;

pub fn text(key: Key) -> &'static str {
    match key {
        Key::AddToListSubmit => "Add to list",
        Key::AddToListTitle => "Found something not on the list?",
        Key::AddedInStore => "Added in the store",
        Key::AdjustRange => "You can choose from {min} to {max}.",
        Key::AdjustingDone => "Every bought product adds up. Share the goods out.",
        Key::AlreadyOnList => "On the list already",
        Key::BackToRun => "← Back to the run",
        Key::BoughtEven => "Bought {bought} ✓",
        Key::BoughtFor => "Bought {quantity} × {price} = {total}",
        Key::BoughtOver => "Bought {bought}: {extra} extra available",
        Key::BoughtQuantityLabel => "Quantity",
        Key::BoughtShort => "Bought {bought}: need to remove {missing}",
        Key::CompleteRunSubmit => "Complete the run",
        Key::CompleteShoppingQuestion => "Done shopping? The run moves on with what you recorded.",
        Key::CompleteShoppingSubmit => "Done shopping",
        Key::CompleteWithLeftOne => {
            "{count} item is not recorded yet and will count as not bought. Done shopping anyway?"
        }
        Key::CompleteWithLeftOther => {
            "{count} items are not recorded yet and will count as not bought. Done shopping anyway?"
        }
        Key::DistributionPaid => {
            "Paid in total: {amount}. Each share's cost is exact; together they add up to this."
        }
        Key::DistributionTitle => "Who gets what",
        Key::DownloadCsv => "Download CSV",
        Key::DownloadJson => "Download JSON",
        Key::EditPurchase => "Correct this",
        Key::EstimatedCostsHelp => {
            "From the bids and the newest prices seen at the store; the real costs come from what is bought."
        }
        Key::EstimatedCostsTitle => "Estimated costs",
        Key::EverythingPickedUp => "Everything was picked up.",
        Key::ExportsTitle => "Print and export",
        Key::FinishAdjustingSubmit => "Share the goods out",
        Key::ForceFinishQuestion => {
            "Share the goods out now? Where too much is still asked, everyone's share is cut in proportion; whatever nobody claimed goes to you, the leader."
        }
        Key::ForceFinishSubmit => "Share out anyway",
        Key::LastPriceColumn => "Last price",
        Key::LastSeenPrice => "Last seen {price} on {day}",
        Key::MarkAllPickedUp => "Picked up everything",
        Key::MarkPickedUp => "Picked up",
        Key::NotBought => "Not bought",
        Key::NothingLeftToBuy => "Nothing left to buy.",
        Key::OpenShoppingList => "Open the shopping list",
        Key::OutOfStock => "Out of stock",
        Key::OutOfStockSubmit => "Out of stock",
        Key::PickUpsLeftOne => "{count} person still has goods to pick up.",
        Key::PickUpsLeftOther => "{count} people still have goods to pick up.",
        Key::PickedUpChip => "Picked up",
        Key::PriceAboveLast => "{percent} % above the last price seen: check the shelf label.",
        Key::PriceBelowLast => "{percent} % below the last price seen: check the shelf label.",
        Key::PrintDistribution => "Distribution list",
        Key::PrintShoppingList => "Shopping list",
        Key::PrintSubmit => "Print",
        Key::ProductColumn => "Product",
        Key::PutBackQuestion => {
            "Put this item back on the list to buy? What was recorded for it is removed."
        }
        Key::PutBackSubmit => "Put back",
        Key::QuantityColumn => "Quantity",
        Key::QuantityToBuyLabel => "How much",
        Key::ReasonShortageCut => {
            "You asked for {asked}; the store had less than everyone asked, so every share was cut in proportion."
        }
        Key::ReasonSurplus => "Includes {extra} bought beyond what was asked: the leader holds it.",
        Key::RecordBoughtSubmit => "Bought",
        Key::RecordedBy => "Recorded by {name}",
        Key::RecordedTitle => "In the cart ({count})",
        Key::SaveCorrection => "Save correction",
        Key::ShoppingTitle => "Shopping",
        Key::SpentSoFar => "Spent so far: {amount}",
        Key::StartShoppingHelp => {
            "At the store? Start shopping: the list is made from everyone's bids."
        }
        Key::StartShoppingSubmit => "Start shopping",
        Key::StillUnbalancedOne => "{count} product still has more or less asked than was bought.",
        Key::StillUnbalancedOther => {
            "{count} products still have more or less asked than was bought."
        }
        Key::ToBuyTitle => "To buy ({count})",
        Key::TotalPaidLabel => "Total paid",
        Key::UndoPickUp => "Undo pick-up",
        Key::UnitPriceLabel => "Price per unit ({currency})",
        Key::MoneySpentLabel => "Money spent",
        Key::RunStatsTitle => "Your runs",
        Key::RunsJoinedLabel => "Runs joined",
        Key::RunsLedLabel => "Runs led",
        Key::BoughtOverShared => {
            "Bought {bought}: {extra} beyond what was asked went to the leader"
        }
        Key::BoughtShortShared => "Bought {bought} of {asked}: every share was cut in proportion",
        Key::MarkAllRead => "Mark all read",
        Key::MarkRead => "Mark read",
        Key::NoNotifications => {
            "Nothing new. Bulq tells you here when a run you take part in moves on."
        }
        Key::NoteEveryoneReady => "{subject}: everyone who bid is ready. You can confirm the run.",
        Key::NoteRemovedFromGroup => "You were removed from the group {subject}.",
        Key::NoteRunCancelled => "{subject}: the run was cancelled.",
        Key::NoteRunCancelledWithReason => "{subject}: the run was cancelled: {reason}",
        Key::NoteRunStateChanged => "{subject}: the run is now “{state}”.",
        Key::NoteSomethingHappened => "{subject}: something changed.",
        Key::NoteTimes => " ({count} updates)",
        Key::NoteTransferAccepted => {
            "{subject}: your hand-over was accepted; you no longer lead the run."
        }
        Key::NoteTransferDeclined => "{subject}: your hand-over was declined.",
        Key::NoteTransferRequested => "{subject}: you are asked to take over the run.",
        Key::NotificationsTitle => "Notifications",
        Key::AppName => "Bulq",
        Key::AppTagline => "Buy in bulk with friends",
        Key::SkipToContent => "Skip to content",
        Key::NavLogIn => "Log in",
        Key::NavSignUp => "Sign up",
        Key::NavProfile => "Profile",
        Key::NavLogOut => "Log out",
        Key::FooterNote => {
            "Bulq is free software (AGPL-3.0). Money is settled between friends, not in the app."
        }
        Key::HomeHeadline => "Buy in bulk together, split it fairly",
        Key::HomeIntro => {
            "Bulq helps a group of friends plan a trip to the wholesale store, collect who wants what, buy it, and work out exactly what everyone owes."
        }
        Key::HomeStepPlanTitle => "Plan a run",
        Key::HomeStepPlanBody => "Someone opens a run at a store and the group sees it at once.",
        Key::HomeStepBidTitle => "Say what you need",
        Key::HomeStepBidBody => "Everyone adds quantities from their phone, down to 0.5 kg.",
        Key::HomeStepSplitTitle => "Split to the cent",
        Key::HomeStepSplitBody => "What was really bought and paid is shared out exactly.",
        Key::HomeGreeting => "Hi, {name}",
        Key::YourGroups => "Your groups",
        Key::NoGroupsYet => {
            "You are not in a group yet. Start one below, or open an invite link a friend shared with you."
        }
        Key::LoginTitle => "Log in",
        Key::LoginSubmit => "Log in",
        Key::LoginNoAccount => "New to Bulq? Create an account",
        Key::RegisterTitle => "Create your account",
        Key::RegisterSubmit => "Create account",
        Key::RegisterHaveAccount => "Already have an account? Log in",
        Key::UsernameLabel => "Username",
        Key::UsernameHint => "3–50 characters: letters, digits, _ and -. Not case-sensitive.",
        Key::DisplayNameLabel => "Display name",
        Key::DisplayNameHint => "How your friends see you. Up to 100 characters.",
        Key::PasswordLabel => "Password",
        Key::PasswordHint => "At least 8 characters. A few words strung together work well.",
        Key::ConfirmPasswordLabel => "Repeat the password",
        Key::CurrentPasswordLabel => "Current password",
        Key::NewPasswordLabel => "New password",
        Key::ProfileTitle => "Your profile",
        Key::ProfileSignedInAs => "Logged in as @{username}",
        Key::DisplayNameSection => "How your friends see you",
        Key::SaveDisplayName => "Save name",
        Key::DisplayNameSaved => "Your name is saved.",
        Key::PasswordSection => "Password",
        Key::ChangePasswordSubmit => "Change password",
        Key::PasswordChanged => "Password changed. You were logged out everywhere else.",
        Key::LanguageSection => "Language",
        Key::LanguageLabel => "Language of the app",
        Key::LanguageFollowBrowser => "Same as my browser",
        Key::SaveLanguage => "Save language",
        Key::LanguageSaved => "Language saved.",
        Key::Working => "Working…",
        Key::NotFoundTitle => "Page not found",
        Key::NotFoundBody => {
            "There is nothing at this address. It may have moved, or the link may be mistyped."
        }
        Key::BackHome => "Back to the start page",
        Key::RateLimitedTitle => "Slow down a little",
        Key::RequestRefusedTitle => "Request refused",
        Key::ErrorReference => "(Reference: {reference})",
        Key::CreateGroupTitle => "Start a group",
        Key::GroupNameLabel => "Group name",
        Key::GroupNameHint => "2–100 characters, for example “Flat 3B” or “Friday lunch”.",
        Key::CreateGroupSubmit => "Create group",
        Key::MemberCountOne => "1 member",
        Key::MemberCountOther => "{count} members",
        Key::AdminBadge => "Admin",
        Key::YouSuffix => "(you)",
        Key::PreviousPage => "Previous",
        Key::NextPage => "Next",
        Key::PageOf => "Page {page} of {pages}",
        Key::GroupMembersTitle => "Members",
        Key::GroupRunsTitle => "Runs",
        Key::NoRunsYet => "No runs yet.",
        Key::ManageGroupLink => "Manage group",
        Key::BackToGroups => "Your groups",
        Key::BackToGroup => "Back to the group",
        Key::ManageGroupTitle => "Manage {name}",
        Key::InviteLinkSection => "Invite link",
        Key::InviteLinkHelp => "Anyone with this link can join while joining is allowed.",
        Key::CopyLink => "Copy link",
        Key::LinkCopied => "Copied",
        Key::JoiningDisabledWarning => "New members cannot join with the link right now.",
        Key::AllowJoining => "Allow joining",
        Key::DisallowJoining => "Stop new members joining",
        Key::RegenerateLink => "Make a new link",
        Key::RegenerateConfirm => "The current invite link will stop working. Make a new one?",
        Key::RenameSection => "Rename the group",
        Key::RenameSubmit => "Rename",
        Key::MakeAdmin => "Make admin",
        Key::RemoveAdminRole => "Remove admin role",
        Key::RemoveMember => "Remove",
        Key::RemoveMemberConfirm => "Remove {name} from the group?",
        Key::LeaveSection => "Leave the group",
        Key::LeaveHelp => {
            "You can be invited back later. The last admin can leave once someone else is an admin."
        }
        Key::LeaveGroup => "Leave group",
        Key::LeaveConfirm => "Leave this group?",
        Key::Saved => "Saved.",
        Key::JoinTitle => "Join {name}",
        Key::JoinIntro => "You have been invited to a Bulq group.",
        Key::JoinSubmit => "Join group",
        Key::JoinLoginPrompt => "Log in or create an account to join. You will come back here.",
        Key::AlreadyMemberNote => "You are a member of this group.",
        Key::OpenGroup => "Open the group",
        Key::InviteInvalidTitle => "This invite link does not work",
        Key::NavStores => "Stores",
        Key::NavProducts => "Products",
        Key::NavGroups => "Groups",
        Key::StoresTitle => "Stores",
        Key::NoStoresYet => "No stores yet. Add the first one below.",
        Key::AddStoreTitle => "Add a store",
        Key::StoreNameLabel => "Name",
        Key::AddressLabel => "Address",
        Key::OpeningHoursLabel => "Opening hours",
        Key::OpeningHoursHint => "For example “Mon–Sat 8–21, Sun 9–15”.",
        Key::NotesLabel => "Notes",
        Key::AddStoreSubmit => "Add store",
        Key::EditStoreTitle => "Edit the store",
        Key::SaveChanges => "Save changes",
        Key::StoreProductsTitle => "Prices seen here",
        Key::NoPricesAtStore => "No prices recorded at this store yet.",
        Key::ProductsTitle => "Products",
        Key::NoProductsYet => "No products yet. Add the first one below.",
        Key::AddProductTitle => "Add a product",
        Key::ProductNameLabel => "Name",
        Key::BrandLabel => "Brand",
        Key::UnitLabel => "Unit",
        Key::UnitHint => "How it is sold: kg, L, each, pack …",
        Key::AddProductSubmit => "Add product",
        Key::SimilarProducts => "Already there? Pick it instead of adding it twice:",
        Key::EditProductTitle => "Edit the product",
        Key::CurrentPricesTitle => "Current prices",
        Key::NoPricesYet => "No prices recorded yet. Add the first one below.",
        Key::RecordPriceTitle => "Record a price you saw",
        Key::StoreLabel => "Store",
        Key::PriceLabel => "Price ({currency})",
        Key::PriceHint => "The price on the shelf, for example 12.99.",
        Key::PriceNoteLabel => "Note (optional)",
        Key::PriceNoteHint => "Where or why: “aisle 12”, “on sale”.",
        Key::RecordPriceSubmit => "Save price",
        Key::PriceRecorded => "Price saved.",
        Key::AddStoreFirst => "Add a store first to record where you saw a price.",
        Key::PriceHistoryTitle => "Price history",
        Key::PriceChartLabel => "Price of {product} over time, one line per store",
        Key::HistoryDate => "Date",
        Key::HistoryStore => "Store",
        Key::HistoryPrice => "Price",
        Key::HistoryNote => "Note",
        Key::HistoryBy => "Seen by",
        Key::SearchTitle => "Search",
        Key::SearchLabel => "Search products, stores and your groups",
        Key::SearchPlaceholder => "Search products, stores, groups",
        Key::SearchSubmit => "Search",
        Key::SearchPrompt => "Type a product, a store or one of your groups.",
        Key::SearchResultsFor => "Results for “{query}”",
        Key::SearchNoResults => "Nothing found for “{query}”. Try a shorter word.",
        Key::SearchSeeAll => "See all results",
        Key::SearchKindGroup => "Group",
        Key::SearchKindStore => "Store",
        Key::SearchKindProduct => "Product",
        Key::StatePlanning => "Planning",
        Key::StateActive => "Bidding",
        Key::StateConfirmed => "Confirmed",
        Key::StateShopping => "Shopping",
        Key::StateAdjusting => "Adjusting",
        Key::StateDistributing => "Handing out",
        Key::StateCompleted => "Completed",
        Key::StateCancelled => "Cancelled",
        Key::StatePlanningHelp => "Just opened. Add products and place your bids.",
        Key::StateActiveHelp => {
            "People are bidding. Say when your order is complete; the leader confirms."
        }
        Key::StateConfirmedHelp => "Orders are frozen. The leader will start shopping.",
        Key::StateShoppingHelp => "The shopper is in the store recording what is bought.",
        Key::StateAdjustingHelp => {
            "The store had a different amount than asked: bids are being re-balanced."
        }
        Key::StateDistributingHelp => "Goods are being handed out.",
        Key::StateCompletedHelp => "This run is done.",
        Key::StateCancelledHelp => "This run was cancelled.",
        Key::LedBy => "led by {name}",
        Key::ParticipantCountOne => "1 taking part",
        Key::ParticipantCountOther => "{count} taking part",
        Key::NewRunTitle => "Start a run",
        Key::AddStoreFirstForRun => "Add a store first, then start a run there.",
        Key::PlannedOnLabel => "Shopping day",
        Key::RunCommentLabel => "Comment",
        Key::RunCommentHint => "Optional: when, where to meet, what to bring.",
        Key::StartRunSubmit => "Start run",
        Key::OpenRunsTitle => "Open runs",
        Key::LeaderLabel => "Leader",
        Key::HelpersLabel => "Helpers",
        Key::RunProductsTitle => "Products ({count})",
        Key::NoBidsYet => "No bids yet. Find a product below and say how much you want.",
        Key::NoProductsInRun => "No products in this run.",
        Key::CancelledLeaderLeft => "Cancelled: the leader left the group.",
        Key::CancelledNoReason => "The leader cancelled this run.",
        Key::CancelledWithReason => "The leader cancelled this run: “{reason}”",
        Key::NotReadyAfterAll => "I'm not ready yet",
        Key::YouAreReady => "You said your order is complete.",
        Key::ImReady => "My order is complete",
        Key::ReadyHelp => "Done bidding? Tell the leader your order is complete.",
        Key::CancelQuestionBidding => {
            "Cancel this run? Nobody will shop for it, and everyone taking part is told."
        }
        Key::CancelQuestionConfirmed => {
            "Cancel this run? The orders are confirmed, but nobody will shop for them; everyone taking part is told."
        }
        Key::CancelQuestionBought => {
            "Cancel this run now? Whatever was already bought stays with whoever holds it, and everyone is told."
        }
        Key::EveryoneReady => "Everyone who bid is ready.",
        Key::NobodyBidYet => "Nobody else has bid yet.",
        Key::ConfirmRunSubmit => "Confirm the run",
        Key::ConfirmQuestion => "Confirm the run? Bids are frozen until you reopen it.",
        Key::WaitingFor => "Waiting for: {names}",
        Key::ConfirmAnyway => "Confirm anyway",
        Key::ConfirmAnywayQuestion => {
            "Not everyone is ready: {names}. Confirm anyway? Their bids stay as they are."
        }
        Key::ReopenHelp => "Someone needs to change their bid? Reopen the run for bidding.",
        Key::ReopenSubmit => "Reopen for bidding",
        Key::CancelRunTitle => "Cancel the run",
        Key::CancelReasonLabel => "Why (optional, everyone sees it)",
        Key::CancelRunSubmit => "Cancel the run",
        Key::LeaderPanelTitle => "Leader",
        Key::LeaderBadge => "Leader",
        Key::HelperBadge => "Helper",
        Key::ReadyChip => "Ready",
        Key::NotReadyChip => "Not ready",
        Key::TotalLabel => "Total: {total}",
        Key::InterestedCountOne => "1 interested",
        Key::InterestedCountOther => "{count} interested",
        Key::InterestedOnlyShort => "interested",
        Key::UpdateBidSubmit => "Update",
        Key::PlaceBidSubmit => "Bid",
        Key::YourQuantityLabel => "Your quantity",
        Key::InterestedOnlyLabel => "Just interested",
        Key::BidCommentLabel => "Comment (optional)",
        Key::RetractBidSubmit => "Remove my bid",
        Key::AddToRunTitle => "Add a product",
        Key::FindProductLabel => "Find a product",
        Key::FindSubmit => "Find",
        Key::NothingFoundForRun => "Nothing found.",
        Key::AddToCatalogue => "Add it to the catalogue and bid",
        Key::AlreadyInRun => "Already in this run: bid above",
        Key::TransferAsked => "{name} asks you to lead this run.",
        Key::TransferAccept => "Take over",
        Key::TransferDecline => "No, thanks",
        Key::HelpersHelp => "Helpers may record purchases and hand goods out.",
        Key::RemoveHelper => "Remove",
        Key::MakeHelper => "Make helper",
        Key::TransferWaiting => "Waiting for {name} to accept leading this run.",
        Key::TransferWithdraw => "Withdraw the request",
        Key::HandoverTitle => "Hand the run over",
        Key::HandoverLabel => "Ask to take over",
        Key::HandoverSubmit => "Ask",
        Key::AddAndBidSubmit => "Add and bid",
        Key::ProductRunsTitle => "In runs of your groups",
    }
}

pub fn error_text(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::InvalidInput => "Some of the input was not valid. Please check the form.",
        ErrorCode::UsernameInvalid => "Usernames are 3–50 characters of letters, digits, _ and -.",
        ErrorCode::UsernameTaken => "That username is taken. Please pick another one.",
        ErrorCode::DisplayNameInvalid => "Please enter a name of 1–100 characters.",
        ErrorCode::PasswordTooShort => "The password needs at least 8 characters.",
        ErrorCode::PasswordTooLong => "The password can have at most 128 characters.",
        ErrorCode::PasswordTooCommon => {
            "That password is too common and easy to guess. Please choose another."
        }
        ErrorCode::PasswordMismatch => "The two passwords do not match.",
        ErrorCode::PasswordIncorrect => "Your current password is not right.",
        ErrorCode::InvalidCredentials => "Wrong username or password.",
        ErrorCode::GroupNameInvalid => {
            "Group names have 2–100 characters: letters, digits, spaces and - _ & ' . , ( ) !"
        }
        ErrorCode::GroupNotFound => "That group does not exist, or you are not a member.",
        ErrorCode::InviteNotFound => {
            "This invite link is not valid. It may have been replaced by a new one; ask for a fresh link."
        }
        ErrorCode::NotGroupAdmin => "Only the group's admins can do that.",
        ErrorCode::GroupJoiningDisabled => {
            "This group is not taking new members right now. Ask an admin to allow joining."
        }
        ErrorCode::AlreadyGroupMember => "You are already a member of this group.",
        ErrorCode::NotAGroupMember => "That person is not a member of this group.",
        ErrorCode::UserMaxGroupsExceeded => {
            "You are in 100 groups already, the most Bulq allows. Leave one to join another."
        }
        ErrorCode::GroupMaxMembersExceeded => "This group has 100 members, the most Bulq allows.",
        ErrorCode::LastGroupAdmin => {
            "A group needs at least one admin. Make someone else an admin first."
        }
        ErrorCode::CannotRemoveGroupAdmin => {
            "Admins cannot be removed. Remove their admin role first."
        }
        ErrorCode::StoreNameInvalid => "Please give the store a name (up to 200 characters).",
        ErrorCode::ProductNameInvalid => "Please give the product a name (up to 200 characters).",
        ErrorCode::TextTooLong => "That text is too long. Please shorten it.",
        ErrorCode::AmountInvalid => "Please enter a price above zero, like 12.99.",
        ErrorCode::StoreNotFound => "That store does not exist.",
        ErrorCode::ProductNotFound => "That product does not exist.",
        ErrorCode::NotAllowedToEdit => {
            "Only the person who added it (or a site admin) can change it."
        }
        ErrorCode::SearchQueryInvalid => "Type what you are looking for (up to 100 characters).",
        ErrorCode::RunNotFound => "That run does not exist, or it is not in one of your groups.",
        ErrorCode::NotRunParticipant => {
            "Only people taking part in this run can do that. Place a bid first."
        }
        ErrorCode::NotRunLeader => "Only the run's leader can do that.",
        ErrorCode::NotRunLeaderOrHelper => "Only the run's leader or a helper can do that.",
        ErrorCode::RunStateForbids => "That is not possible at this stage of the run.",
        ErrorCode::QuantityInvalid => {
            "Enter a quantity above 0 and up to 9999, with at most three decimals (like 1.5)."
        }
        ErrorCode::PlannedDateInvalid => {
            "Please enter the shopping day as a date, like 2026-12-24."
        }
        ErrorCode::BidNotFound => "You have no bid on that product.",
        ErrorCode::RunMaxProductsExceeded => {
            "This run already has 100 products. Bid on one of them instead."
        }
        ErrorCode::GroupMaxActiveRunsExceeded => {
            "This group already has 100 open runs. Finish or cancel one first."
        }
        ErrorCode::LeaderCannotBeHelper => "The leader already does everything a helper does.",
        ErrorCode::TransferToSelf => "You lead this run already. Pick someone else.",
        ErrorCode::TransferTargetNotParticipant => {
            "Only someone taking part in the run can take it over."
        }
        ErrorCode::TransferAlreadyPending => {
            "You already asked someone to take over. Withdraw that request first."
        }
        ErrorCode::TransferNotFound => {
            "That request is no longer open: the run ended, or its leader changed."
        }
        ErrorCode::LeaderIsAlwaysReady => "As the leader, you confirm the run when you are ready.",
        ErrorCode::NothingToAdjust => {
            "This product needs no adjusting: what was bought and what is asked already match, or nothing was bought."
        }
        ErrorCode::AdjustOnlyDown => {
            "Less was bought than was asked for, so bids can only go down."
        }
        ErrorCode::AdjustBelowBought => {
            "That would leave some of what was bought unclaimed. Lower your bid less."
        }
        ErrorCode::AdjustOnlyUp => "More was bought than was asked for, so bids can only go up.",
        ErrorCode::AdjustAboveBought => "That is more than is left over. Raise your bid less.",
        ErrorCode::AdjustNewProduct => {
            "While bids are adjusted you can only change a bid you already placed."
        }
        ErrorCode::AdjustmentIncomplete => {
            "Some products still have more or less asked than was bought. Wait for people to adjust, or finish anyway."
        }
        ErrorCode::ShoppingItemNotFound => "That item is not on this run's shopping list.",
        ErrorCode::ItemAlreadyRecorded => {
            "Someone already recorded this item. The list shows what they entered; edit it if it is wrong."
        }
        ErrorCode::ItemAlreadyOnList => {
            "That product is on the list already. Record buying more of it there."
        }
        ErrorCode::PriceMissing => "Enter the price per unit or the total you paid.",
        ErrorCode::PickUpsOutstanding => {
            "Some goods have not been picked up yet. Mark them picked up first."
        }
        ErrorCode::AllocationNotFound => "That share is not part of this run's distribution.",
        ErrorCode::AuthRequired => "Please log in first.",
        ErrorCode::Forbidden => "You are not allowed to do that.",
        ErrorCode::NotFound => "That does not exist, or you cannot see it.",
        ErrorCode::RateLimited => "Too many attempts. Please wait {seconds} seconds and try again.",
        ErrorCode::CrossSiteRequest => {
            "This form was sent from another site and was refused. Please reload the page and try again."
        }
        ErrorCode::Unavailable => "Bulq is very busy right now. Please try again in a moment.",
        ErrorCode::Network => "Could not reach Bulq. Check your connection and try again.",
        ErrorCode::Internal => "Something went wrong on our side. Please try again.",
    }
}
