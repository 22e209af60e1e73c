-- The warehouse tables of the SSIS tutorial (AdventureWorksDW), reduced to the columns it uses.
CREATE TABLE IF NOT EXISTS DimCurrency (
  CurrencyKey          integer      PRIMARY KEY,
  CurrencyAlternateKey char(3)      NOT NULL UNIQUE,
  CurrencyName         varchar(50)  NOT NULL
);

CREATE TABLE IF NOT EXISTS DimDate (
  DateKey              integer      PRIMARY KEY,
  FullDateAlternateKey date         NOT NULL UNIQUE,
  EnglishDayNameOfWeek varchar(10)  NOT NULL,
  EnglishMonthName     varchar(10)  NOT NULL,
  CalendarYear         smallint     NOT NULL
);

CREATE TABLE IF NOT EXISTS FactCurrencyRate (
  CurrencyKey          integer      NOT NULL REFERENCES DimCurrency,
  DateKey              integer      NOT NULL REFERENCES DimDate,
  AverageRate          double precision NOT NULL,
  EndOfDayRate         double precision NOT NULL,
  PRIMARY KEY (CurrencyKey, DateKey)
);
