-- Takes transaction-scoped advisory locks on every key, in the order given (callers sort them,
-- so two transactions never wait for each other in a cycle). One round trip for a whole batch.
CREATE FUNCTION baton_lock_all(keys bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    k bigint;
BEGIN
    FOREACH k IN ARRAY keys LOOP
        PERFORM pg_advisory_xact_lock(k);
    END LOOP;
END
$$;
