-- Okapi BM25 for the keyword half of a search. Each document's terms (words as PostgreSQL's text search
-- configuration search.text.configuration makes them, boilerplate removed by the service before it calls
-- search_index_terms) are stored with their
-- frequency, and every organization keeps its own statistics (documents per term, number and total
-- length of documents), maintained by triggers when terms are written or deleted (a deleted document
-- deletes its terms by cascade), so idf and the average length are always those of the organization.

create table search_org_stats (
    organization_id text primary key,
    documents       bigint not null default 0,
    total_length    bigint not null default 0
);

create table search_term_stats (
    organization_id text    not null,
    lexeme          text    not null,
    documents       integer not null,
    primary key (organization_id, lexeme)
);

create table search_terms (
    organization_id text    not null,
    lexeme          text    not null,
    document_id     text    not null references search_documents (id) on delete cascade,
    frequency       integer not null,
    -- the document's length in terms
    length          integer not null,
    -- BM25's term-frequency factor with the organization's average length when the document was
    -- indexed: orders a term's documents so a lookup reads the best ones first (the score itself is
    -- computed with the current average)
    impact          real    not null,
    primary key (organization_id, lexeme, document_id)
);
create index search_terms_impact on search_terms (organization_id, lexeme, impact desc) include (document_id, frequency, length);
create index search_terms_document on search_terms (document_id);

create function search_terms_added() returns trigger language plpgsql as $$
begin
    -- sorted, so concurrent writers take the statistics rows in the same order
    insert into search_term_stats (organization_id, lexeme, documents)
    select organization_id, lexeme, count(*) from added group by organization_id, lexeme order by organization_id, lexeme
    on conflict (organization_id, lexeme) do update set documents = search_term_stats.documents + excluded.documents;
    insert into search_org_stats (organization_id, documents, total_length)
    select organization_id, count(*), sum(length)
    from (select distinct organization_id, document_id, length from added) d group by organization_id order by organization_id
    on conflict (organization_id) do update set documents = search_org_stats.documents + excluded.documents,
        total_length = search_org_stats.total_length + excluded.total_length;
    return null;
end $$;

create function search_terms_removed() returns trigger language plpgsql as $$
begin
    update search_term_stats s set documents = s.documents - r.n
    from (select organization_id, lexeme, count(*) n from removed group by organization_id, lexeme) r
    where s.organization_id = r.organization_id and s.lexeme = r.lexeme;
    update search_org_stats s set documents = s.documents - r.n, total_length = s.total_length - r.length
    from (select organization_id, count(*) n, sum(length) length
          from (select distinct organization_id, document_id, length from removed) d group by organization_id) r
    where s.organization_id = r.organization_id;
    return null;
end $$;

create trigger search_terms_added after insert on search_terms referencing new table as added
    for each statement execute function search_terms_added();
create trigger search_terms_removed after delete on search_terms referencing old table as removed
    for each statement execute function search_terms_removed();

-- Writes one document's terms: frequency and length from PostgreSQL's text search with the given
-- configuration, the impact with BM25's k1 and b as the service is configured.
create function search_index_terms(p_organization text, p_document text, p_text text, p_configuration regconfig,
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

-- Terms of the documents indexed before this migration, from their chunks: the first chunk whole, then
-- each following chunk without the 30 words it shares with the one before (the chunk overlap of every
-- release so far), as application.properties configures the service: words without stemming ('simple'),
-- BM25's usual k1 1.2 and b 0.75.
select search_index_terms(organization_id, document_id, body, 'simple', 1.2, 0.75)
from (select organization_id, document_id,
             string_agg(case when chunk_index = 0 then content
                             else array_to_string((regexp_split_to_array(content, '\s+'))[31:], ' ') end, ' ' order by chunk_index) as body
      from search_chunks group by organization_id, document_id) d;

-- the chunks' own text-search column and its index served the full-text half before BM25; nothing reads them now
drop index if exists search_chunks_org_tsv;
alter table search_chunks drop column tsv;
