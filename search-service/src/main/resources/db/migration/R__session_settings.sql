-- Settings every session on this database starts with, stored on the database rather than sent as
-- connection startup parameters, which a connection pooler in transaction mode (PgBouncer) does not pass
-- on: pgvector's HNSW search breadth and iterative scan (the organization filter would otherwise starve
-- the vector half), and statements planned with their values (a cached generic plan cannot see how large
-- an organization is). Values come from configuration (search.session.*, Flyway placeholders); changing
-- one changes this migration's checksum, so Flyway applies it again.
do $$
begin
    -- load pgvector in this session first: until its settings are defined, only a superuser may store them
    perform '[1]'::vector;
    execute format('alter database %I set hnsw.ef_search = %s', current_database(), '${hnsw_ef_search}');
    execute format('alter database %I set hnsw.iterative_scan = %L', current_database(), '${hnsw_iterative_scan}');
    execute format('alter database %I set plan_cache_mode = %L', current_database(), '${plan_cache_mode}');
end
$$;
