/** A chunk's borrower range: $1 from (inclusive), $2 to (exclusive, NULL = no bound). */
export const RANGE = `l.borrower_id >= $1::bigint AND ($2::bigint IS NULL OR l.borrower_id < $2::bigint)`;
