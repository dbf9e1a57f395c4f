-- A term no document of an organization holds any more is forgotten from the BM25 statistics: the word
-- itself may be personal data (a name or a rare word from an erased CV), and a statistics row at zero
-- kept it after the erasure (ErasureIT found it). A concurrent writer adding the term again re-creates
-- the row (its insert ... on conflict), so nothing is lost.
create or replace function search_terms_removed() returns trigger language plpgsql as $$
begin
    update search_term_stats s set documents = s.documents - r.n
    from (select organization_id, lexeme, count(*) n from removed group by organization_id, lexeme) r
    where s.organization_id = r.organization_id and s.lexeme = r.lexeme;
    delete from search_term_stats s
    using (select distinct organization_id, lexeme from removed) r
    where s.organization_id = r.organization_id and s.lexeme = r.lexeme and s.documents <= 0;
    update search_org_stats s set documents = s.documents - r.n, total_length = s.total_length - r.length
    from (select organization_id, count(*) n, sum(length) length
          from (select distinct organization_id, document_id, length from removed) d group by organization_id) r
    where s.organization_id = r.organization_id;
    return null;
end $$;

-- rows already at zero (documents deleted before this migration) go now
delete from search_term_stats where documents <= 0;
