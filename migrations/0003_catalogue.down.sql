DROP TABLE price_observations;
DROP TABLE products;
DROP TABLE stores;
