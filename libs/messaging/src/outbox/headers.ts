/** NATS headers the relay sets on every event; consumers use the aggregate to keep per-aggregate order. */
export const AGGREGATE_HEADER = 'Guichet-Aggregate-Id';
export const CORRELATION_HEADER = 'Guichet-Correlation-Id';
