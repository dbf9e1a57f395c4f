-- Full-text lookups are always within one organization: one GIN index over (organization, lexemes)
-- reads only that organization's postings, where the lexeme-only index read every tenant's.
-- btree_gin (a trusted contrib extension) lets GIN index the organization column.
create extension if not exists btree_gin;
create index search_chunks_org_tsv on search_chunks using gin (organization_id, tsv);
drop index if exists search_chunks_tsv;
