-- The AdventureWorksDW tables that Microsoft's SSIS tutorial packages (Lesson1.dtsx, Lesson2.dtsx)
-- read and write, for PostgreSQL: only the rows the lessons need. The tables and columns keep SQL
-- Server's names, quoted, so the packages' T-SQL reaches them once `sluice import ssis
-- --sql-dialect postgresql` has written [dbo].[DimCurrency] as "dbo"."DimCurrency".
CREATE SCHEMA IF NOT EXISTS dbo;

-- The 14 currencies of the lessons' files, with their AdventureWorksDW keys (DimCurrency.csv).
CREATE TABLE dbo."DimCurrency" (
  "CurrencyKey" int PRIMARY KEY,
  "CurrencyAlternateKey" varchar(3) NOT NULL,
  "CurrencyName" varchar(50) NOT NULL
);
INSERT INTO dbo."DimCurrency" VALUES
  (3, 'ARS', 'Argentine Peso'), (6, 'AUD', 'Australian Dollar'), (14, 'VEB', 'Bolivar'),
  (16, 'BRL', 'Brazilian Real'), (19, 'CAD', 'Canadian Dollar'), (29, 'DEM', 'Deutsche Mark'),
  (36, 'EUR', 'EURO'), (39, 'FRF', 'French Franc'), (61, 'MXN', 'Mexican Peso'),
  (85, 'SAR', 'Saudi Riyal'), (98, 'GBP', 'United Kingdom Pound'), (100, 'USD', 'US Dollar'),
  (102, 'JPY', 'Yen'), (103, 'CNY', 'Yuan Renminbi');

-- One row per day from 2005 to 2008 (the files cover 2005-01-01 to 2008-01-02), keyed yyyymmdd as
-- in AdventureWorksDW.
CREATE TABLE dbo."DimDate" (
  "DateKey" int PRIMARY KEY,
  "FullDateAlternateKey" date NOT NULL
);
INSERT INTO dbo."DimDate"
SELECT to_char(d, 'YYYYMMDD')::int, d::date
FROM generate_series(date '2005-01-01', date '2008-12-31', interval '1 day') AS d;

-- The lessons' destination, as their OLE DB destination describes it ([dbo].[FactCurrency]).
CREATE TABLE dbo."FactCurrency" (
  "CurrencyKey" int NOT NULL REFERENCES dbo."DimCurrency",
  "DateKey" int NOT NULL REFERENCES dbo."DimDate",
  "AverageRate" float8 NOT NULL,
  "EndOfDayRate" float8 NOT NULL,
  "CurrencyID" varchar(3),
  "CurrencyDate" date
);
