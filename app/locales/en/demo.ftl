# The demo data's descriptive texts (`server seed`): run comments, store details and price notes.
# Names of people, groups, stores and products are names and stay as they are.

## Stores
store-costco-address = 1 Warehouse Way
store-costco-hours = Mon–Fri 10–20:30, Sat 9:30–18, Sun 10–18
store-costco-notes = Membership card needed at the door.
store-sams-address = 200 Bulk Avenue
store-sams-hours = Mon–Sat 9–20, Sun 10–18

## Price notes
note-aisle-12 = aisle 12
note-end-cap = end cap display
note-organic-section = organic section
note-household = household
note-regular-price = regular price
note-deli = deli section
note-clearance = clearance
note-on-sale = on sale
note-higher-today = higher price today

## Runs
run-opened = Demo: a run just opened
run-bidding = Demo: friends are bidding
run-confirmed = Demo: everyone is ready, orders confirmed
run-shopping = Demo: in the store right now
run-adjusting = Demo: the store had less, bids are adjusted
run-distributing = Demo: goods are handed out
run-completed = Demo: done, everyone has their share
run-cancelled = Demo: called off
cancel-reason = The store is closed for inventory that day.
