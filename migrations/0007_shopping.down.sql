DROP TABLE allocations;
DROP TABLE shopping_items;
