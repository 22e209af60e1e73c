-- Sluice catalog, part 6: which catalog key this catalog's sensitive values are encrypted with.
-- The key itself stays outside the database; every process that opens the catalog with a key
-- records the key's id here if none is recorded yet, and refuses to go on with a different key.
-- Without it, a second master started before its key file was copied would generate a key of its
-- own, start, and encrypt new sensitive values that no other master can read.

create table catalog_key_check (
    -- One row at most: the catalog has one key.
    singleton   boolean primary key default true check (singleton),
    -- SecretCipher.keyId(): a one-way digest of the key, never the key.
    key_id      text not null,
    recorded_at timestamptz not null default now()
);
