-- Craftsman's own table: each round's hash-chained ledger, its only durable record (PostgresLedgerStore
-- creates it too when missing, so a database set up before it existed keeps working).
CREATE TABLE IF NOT EXISTS craftsman_ledger (
    ledger_id     text   NOT NULL,
    sequence      bigint NOT NULL,
    at            text   NOT NULL,
    kind          text   NOT NULL,
    actor         text   NOT NULL,
    data          text   NOT NULL,
    previous_hash text   NOT NULL,
    hash          text   NOT NULL,
    PRIMARY KEY (ledger_id, sequence));
