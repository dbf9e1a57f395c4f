-- Writing a CV's terms cost about 10 ms of PostgreSQL time per CV, 6 of them in the statement trigger that
-- updated the statistics from a transition table. search_index_terms now updates the statistics itself, in
-- the same statement as the terms (deletes, including cascades from search_documents, keep their trigger).
-- Writers other than search_index_terms (a bulk load) must update search_term_stats and search_org_stats.
drop trigger search_terms_added on search_terms;
drop function search_terms_added();

create or replace function search_index_terms(p_organization text, p_document text, p_text text, p_configuration regconfig,
                                              p_k1 float8, p_b float8)
    returns void language sql as $$
    with terms as (
        select t.lexeme, coalesce(array_length(t.positions, 1), 1) as frequency from unnest(to_tsvector(p_configuration, p_text)) t
    ), total as (
        select coalesce(sum(frequency), 0)::integer as length from terms
    ), average as (
        select coalesce((select total_length::float8 / nullif(documents, 0) from search_org_stats
                         where organization_id = p_organization), (select length from total)) as length
    ), written as (
        insert into search_terms (organization_id, lexeme, document_id, frequency, length, impact)
        select p_organization, t.lexeme, p_document, t.frequency, total.length,
               t.frequency * (p_k1 + 1) / (t.frequency + p_k1 * (1 - p_b + p_b * total.length / greatest(average.length, 1)))
        from terms t, total, average
    ), counted as (
        -- sorted, so concurrent writers take the statistics rows in the same order
        insert into search_term_stats (organization_id, lexeme, documents)
        select p_organization, lexeme, 1 from terms order by lexeme
        on conflict (organization_id, lexeme) do update set documents = search_term_stats.documents + 1
    )
    insert into search_org_stats (organization_id, documents, total_length)
    select p_organization, 1, length from total where exists (select 1 from terms)
    on conflict (organization_id) do update set documents = search_org_stats.documents + 1,
        total_length = search_org_stats.total_length + excluded.total_length
$$;

-- one index fewer to maintain per term: (document_id, lexeme) serves the deletes by document, the cascade
-- from search_documents and the lookup of a document's terms; the impact index serves the lookups by term
alter table search_terms drop constraint search_terms_pkey;
drop index search_terms_document;
create unique index search_terms_document_lexeme on search_terms (document_id, lexeme) include (frequency, length);
