-- Counting a CV's words into its organization's BM25 statistics was half the cost of writing its terms: an upsert
-- of search_term_stats per word, per CV. Events applied together in one transaction now write each CV's terms with
-- search_write_terms and count them once for all the transaction's CVs with search_count_terms before it commits (or
-- before anything in it deletes terms): a word the CVs share is one upsert instead of one per CV.
-- search_index_terms (both at once, for a single write) is now made of the two.

create function search_write_terms(p_organization text, p_document text, p_text text, p_configuration regconfig,
                                   p_k1 float8, p_b float8)
    returns void language sql as $$
    with terms as (
        select t.lexeme, coalesce(array_length(t.positions, 1), 1) as frequency from unnest(to_tsvector(p_configuration, p_text)) t
    ), total as (
        select coalesce(sum(frequency), 0)::integer as length from terms
    ), average as (
        select coalesce((select total_length::float8 / nullif(documents, 0) from search_org_stats
                         where organization_id = p_organization), (select length from total)) as length
    )
    insert into search_terms (organization_id, lexeme, document_id, frequency, length, impact)
    select p_organization, t.lexeme, p_document, t.frequency, total.length,
           t.frequency * (p_k1 + 1) / (t.frequency + p_k1 * (1 - p_b + p_b * total.length / greatest(average.length, 1)))
    from terms t, total, average
$$;

-- Adds the terms of documents written by search_write_terms (and not counted since) to the organization's statistics.
create function search_count_terms(p_organization text, p_documents text[])
    returns void language sql as $$
    with counted as (
        -- sorted, so concurrent writers take the statistics rows in the same order
        insert into search_term_stats (organization_id, lexeme, documents)
        select p_organization, lexeme, count(*) from search_terms
        where document_id = any (p_documents) and organization_id = p_organization
        group by lexeme order by lexeme
        on conflict (organization_id, lexeme) do update set documents = search_term_stats.documents + excluded.documents
    )
    insert into search_org_stats (organization_id, documents, total_length)
    select p_organization, count(*), sum(length)
    from (select distinct document_id, length from search_terms where document_id = any (p_documents) and organization_id = p_organization) d
    having count(*) > 0
    on conflict (organization_id) do update set documents = search_org_stats.documents + excluded.documents,
        total_length = search_org_stats.total_length + excluded.total_length
$$;

-- one definition of a document's terms: a single write is both steps at once
create or replace function search_index_terms(p_organization text, p_document text, p_text text, p_configuration regconfig,
                                              p_k1 float8, p_b float8)
    returns void language sql as $$
    select search_write_terms(p_organization, p_document, p_text, p_configuration, p_k1, p_b);
    select search_count_terms(p_organization, array[p_document]);
$$;
